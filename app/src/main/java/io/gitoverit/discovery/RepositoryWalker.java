package io.gitoverit.discovery;

import io.gitoverit.fs.TypedListing;
import io.gitoverit.fs.TypedListings;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

/**
 * Walks the roots depth-first, children in name order, and yields each repository root (a real
 * path) as soon as it is found, so that the caller can analyse it while the walk goes on. Lazy and
 * single-threaded: all work happens inside {@link #hasNext()}.
 *
 * <p>Rules (upstream's, with its {@code modules} substring bug fixed): a directory with a {@code
 * .git} entry is a repository unless that entry is a submodule's gitdir file; symbolic links to
 * directories are never followed and {@code .git} directories never entered; each repository is
 * yielded once over all roots. Without {@code includeIgnored}, a directory that the deepest
 * already-yielded repository around it ignores is never entered, which also drops ignored nested
 * repositories; and a repository found in a folder that upstream's pruning (the folders {@code git
 * ls-files --others --ignored --directory} names in any yielded repository around it) would never
 * have reached is not yielded, nor is anything below it.
 *
 * <p>With {@code deferNested} (and without {@code includeIgnored}) the walker does not enter a
 * repository it yields: the analysis of that repository walks its work tree anyway, and {@link
 * #nested} hands back the directories holding {@code .git} that it met, which the walker then
 * visits under the rules above (ignore checks included, on the way down to each). Without such a
 * report the walker walks the work tree itself. A root that lies in, or holds, a work tree still
 * waiting for its report is started only after that report, so overlapping roots behave as in a
 * plain walk; other roots are started at once.
 *
 * <p>With a {@link TypedListing} (Linux, JDK 22+), a directory is listed with its entries' types
 * and no {@code lstat} per entry; where that listing cannot answer exactly, NIO lists the directory
 * as before, so the result is the same either way. With a read-ahead executor as well, the
 * directories the walk has queued are listed ahead of it on another thread, oldest first, while the
 * walk lists the ones it needs next itself; each directory is listed once, and all decisions stay
 * on the walking thread in the same order.
 */
public final class RepositoryWalker implements Iterator<Path> {
  private final Deque<Path> roots;
  private final boolean includeIgnored;
  private final boolean deferNested;
  private final IgnoreOracle oracle;

  /** Yielded repositories whose work tree waits for {@link #nested}. */
  private final Set<Path> awaiting = new HashSet<>();

  private final Map<Path, Listed> listed = new HashMap<>();
  private final Deque<Frame> stack = new ArrayDeque<>();
  private final List<WalkProblem> problems = new ArrayList<>();
  private final LeafHint leafHint = new LeafHint();
  private Consumer<Path> reading = dir -> {};
  private Path found;
  private TypedListing typed;
  private Executor readAhead;

  /**
   * Entries NIO has listed; past {@link TypedListings#WORTH_BINDING_FOR_ENTRIES}, the typed listing
   * is wanted.
   */
  private long inspected;

  /** Whether the typed listing has answered: only then are directories read ahead. */
  private boolean typedAnswers;

  /** A repository yielded so far; its ignore rules are fetched on the first question. */
  private static final class Listed {
    final Path root;
    IgnoreOracle.IgnoreRules rules;
    boolean unusable;

    Listed(Path root) {
      this.root = root;
    }
  }

  /**
   * A directory waiting to be visited, with its link count and device from its parent's listing
   * ({@code candidate}: reported by an analysis instead); or, when {@code dir} is null, the point
   * where the walk leaves {@code owner}'s work tree.
   */
  private record Frame(
      Path dir,
      Listed owner,
      long nlink,
      Object device,
      boolean candidate,
      FutureTask<TypedListing.Entries> ahead) {
    Frame(Path dir, Listed owner, long nlink, Object device) {
      this(dir, owner, nlink, device, false, null);
    }

    static Frame leaving(Listed repo) {
      return new Frame(null, repo, 0, null);
    }
  }

  /**
   * Walks {@code roots} in order; {@code oracle} is only consulted without {@code includeIgnored}.
   */
  public RepositoryWalker(List<Path> roots, boolean includeIgnored, IgnoreOracle oracle) {
    this(roots, includeIgnored, oracle, false);
  }

  /** As above; with {@code deferNested}, yielded work trees wait for {@link #nested}. */
  public RepositoryWalker(
      List<Path> roots, boolean includeIgnored, IgnoreOracle oracle, boolean deferNested) {
    this.roots = new ArrayDeque<>(roots);
    this.includeIgnored = includeIgnored;
    this.deferNested = deferNested && !includeIgnored;
    this.oracle = Objects.requireNonNull(oracle, "oracle");
  }

  /**
   * Whether a repository is found. False also while the walk waits for {@link #nested} (see {@link
   * #awaiting()}); it may be true again after that.
   */
  @Override
  public boolean hasNext() {
    while (found == null) {
      if (stack.isEmpty()) {
        if (roots.isEmpty() || overlapsAwaiting(roots.peekFirst())) {
          return false;
        }
        startRoot(roots.removeFirst());
      } else {
        visit(stack.removeFirst());
      }
    }
    return true;
  }

  /** The next repository root, as a real path. */
  @Override
  public Path next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Path repo = found;
    found = null;
    return repo;
  }

  /**
   * Whether {@code root} lies in, or holds, a work tree that still waits for {@link #nested}: then
   * the rules (and repositories) that tree's walk brings must be known before the root is walked. A
   * root clear of every waiting work tree is walked at once, so that many roots (a shell glob over
   * a folder of clones, say) keep every worker busy.
   */
  private boolean overlapsAwaiting(Path root) {
    if (awaiting.isEmpty()) {
      return false;
    }
    Path real;
    try {
      real = root.toRealPath();
    } catch (IOException e) {
      return false; // startRoot reports it
    }
    for (Path waiting : awaiting) {
      if (real.startsWith(waiting) || waiting.startsWith(real)) {
        return true;
      }
    }
    return false;
  }

  /** Whether some yielded repository's work tree still waits for {@link #nested}. */
  public boolean awaiting() {
    return !awaiting.isEmpty();
  }

  /**
   * Continues the walk in {@code repo} (as yielded): from each candidate, a directory of its work
   * tree holding a {@code .git} entry, or, when the candidates are unknown, from the work tree root
   * as without {@code deferNested}.
   */
  public void nested(Path repo, Optional<List<Path>> candidates) {
    if (!awaiting.remove(repo)) {
      return;
    }
    Listed owner = listed.get(repo);
    if (candidates.isEmpty()) {
      // Visiting a listed repository again walks it without yielding it.
      stack.push(new Frame(repo, enclosingListed(repo), -1, null));
      return;
    }
    stack.push(Frame.leaving(owner));
    List<Path> dirs = new ArrayList<>(candidates.get());
    dirs.sort(Comparator.reverseOrder());
    for (Path dir : dirs) {
      if (dir.startsWith(repo) && !dir.equals(repo) && reachable(owner, dir)) {
        stack.push(new Frame(dir, owner, -1, null, true, null));
      }
    }
  }

  /** Whether the walk from {@code owner}'s root would enter every directory above {@code dir}. */
  private boolean reachable(Listed owner, Path dir) {
    List<Path> above = new ArrayList<>();
    for (Path p = dir.getParent(); p != null && !p.equals(owner.root); p = p.getParent()) {
      above.add(p);
    }
    for (int i = above.size() - 1; i >= 0; i--) {
      Path p = above.get(i);
      if (p.getFileName().toString().equals(".git") || isIgnored(owner, p)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Lists directories with {@code typed} where it answers; with {@code readAhead} (null for none),
   * queued directories are listed ahead of the walk on that executor's thread.
   */
  public void useTypedListing(TypedListing typed, Executor readAhead) {
    this.typed = Objects.requireNonNull(typed, "typed");
    this.readAhead = readAhead;
  }

  /**
   * Tells {@code reading} each directory as the walk starts to list it, on the walking thread, so
   * that a display can show where a long walk is.
   */
  public void onReading(Consumer<Path> reading) {
    this.reading = Objects.requireNonNull(reading, "reading");
  }

  /** The directories that could not be read so far, in the order met. */
  public List<WalkProblem> problems() {
    return List.copyOf(problems);
  }

  /** How many directory entries the leaf optimisation spared an lstat (for tests). */
  long entriesNotInspected() {
    return leafHint.skipped();
  }

  private void startRoot(Path given) {
    Path root;
    try {
      root = given.toRealPath();
    } catch (IOException e) {
      problems.add(new WalkProblem(given, reason(e)));
      return;
    }
    if (!Files.isDirectory(root)) {
      problems.add(new WalkProblem(given, "not a directory"));
      return;
    }
    LeafHint.Stat stat = leafHint.startRoot(root);
    stack.push(new Frame(root, enclosingListed(root), stat.nlink(), stat.device()));
  }

  /** The deepest yielded repository strictly above {@code dir}: the one whose rules prune it. */
  private Listed enclosingListed(Path dir) {
    for (Path p = dir.getParent(); p != null; p = p.getParent()) {
      Listed l = listed.get(p);
      if (l != null) {
        return l;
      }
    }
    return null;
  }

  private void visit(Frame frame) {
    Path dir = frame.dir();
    if (dir == null) {
      // Done with this work tree: free its cached .gitignore files and index. They are read
      // again should a later root lead back into it.
      frame.owner().rules = null;
      return;
    }
    Path name = dir.getFileName();
    if (name != null && name.toString().equals(".git")) {
      return;
    }
    // A candidate reported by an outer work tree's analysis may lie in a repository listed
    // since: as in a plain walk, the deepest listed repository around it decides.
    Listed owner = frame.owner();
    Listed deeper = frame.candidate() ? enclosingListed(dir) : owner;
    if (deeper != null && (owner == null || deeper.root.startsWith(owner.root))) {
      owner = deeper;
    }
    if (isIgnored(owner, dir)) {
      return;
    }
    reading.accept(dir);
    Listing listing = list(frame);
    if (listing == null) {
      return;
    }
    if (listing.dotGitKind() != null) {
      DotGit.Kind kind = listing.dotGitKind();
      if (kind == DotGit.Kind.SUBMODULE) {
        return;
      }
      if (kind == DotGit.Kind.REPOSITORY && prunedByListed(owner, dir)) {
        return; // upstream never reaches it, nor anything below it
      }
      if (kind == DotGit.Kind.REPOSITORY) {
        owner = listed.get(dir);
        if (owner
            == null) { // a repository reached again (overlapping roots) is walked, not yielded
          owner = new Listed(dir);
          listed.put(dir, owner);
          found = dir;
          if (deferNested) {
            awaiting.add(dir); // its analysis walks the work tree; see nested()
            return;
          }
        }
        stack.push(Frame.leaving(owner));
      }
    }
    List<Listing.Subdir> children = listing.subdirs();
    if (readAhead != null && typedAnswers && !children.isEmpty()) {
      pushReadingAhead(children, owner);
      return;
    }
    for (int i = children.size() - 1; i >= 0; i--) {
      Listing.Subdir child = children.get(i);
      stack.push(new Frame(child.path(), owner, child.nlink(), child.device()));
    }
  }

  /** Pushes the children, each with its listing queued on the read-ahead thread. */
  private void pushReadingAhead(List<Listing.Subdir> children, Listed owner) {
    List<FutureTask<TypedListing.Entries>> tasks = new ArrayList<>(children.size());
    for (Listing.Subdir child : children) {
      Path path = child.path();
      tasks.add(new FutureTask<>(() -> typed.list(path)));
    }
    for (int i = children.size() - 1; i >= 0; i--) {
      Listing.Subdir child = children.get(i);
      stack.push(
          new Frame(child.path(), owner, child.nlink(), child.device(), false, tasks.get(i)));
    }
    // One hand-over per directory, not per child: the read-ahead thread takes the children
    // last-first, the walk (depth-first) needs them first-first, so they rarely meet on one.
    readAhead.execute(
        () -> {
          for (int i = tasks.size() - 1; i >= 0; i--) {
            tasks.get(i).run();
          }
        });
  }

  /**
   * Whether a repository found at {@code dir} (not yet listed) lies in, or is, a folder that the
   * ignored-folder listing of one of the repositories listed around it names (see {@link
   * IgnoreOracle.IgnoreRules#namesFolderOnTheWay}). The check-ignore pruning of the deepest one
   * covers most of that; this covers folders holding only ignored files, and folders that a
   * repository further up reaches through nested repositories it tracks files in.
   */
  private boolean prunedByListed(Listed owner, Path dir) {
    if (includeIgnored || listed.containsKey(dir)) {
      return false;
    }
    for (Listed l = owner; l != null; l = enclosingListed(l.root)) {
      IgnoreOracle.IgnoreRules rules = rules(l);
      try {
        if (rules != null && rules.namesFolderOnTheWay(dir)) {
          return true;
        }
      } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
        // git fails there too: its listing names nothing
      }
    }
    return false;
  }

  /** {@code l}'s rules, fetched on first need; null when they cannot be had. */
  private IgnoreOracle.IgnoreRules rules(Listed l) {
    if (l.unusable) {
      return null;
    }
    if (l.rules == null) {
      try {
        l.rules = oracle.rulesFor(l.root);
      } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
        // The repository itself is broken; its analysis reports that, and git would prune nothing.
        l.unusable = true;
        return null;
      }
    }
    return l.rules;
  }

  /** Whether {@code owner} ignores {@code dir}; a failing oracle prunes nothing, like upstream. */
  private boolean isIgnored(Listed owner, Path dir) {
    if (includeIgnored || owner == null || owner.root.equals(dir) || rules(owner) == null) {
      return false;
    }
    try {
      return owner.rules.isIgnored(dir, true);
    } catch (IOException e) {
      return cannotCheck(owner, reason(e));
    } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
      // Rules JGit cannot hold or match (a huge ignore file, say) cost this work tree its
      // pruning, not the scan.
      String message = e.getMessage();
      return cannotCheck(
          owner,
          e.getClass().getSimpleName()
              + (message == null ? "" : ": " + message.lines().findFirst().orElse("")));
    }
  }

  /** Reported once; like upstream when git cannot list ignored files, nothing more is pruned. */
  private boolean cannotCheck(Listed owner, String reason) {
    owner.unusable = true;
    owner.rules = null;
    problems.add(
        new WalkProblem(
            owner.root, "cannot check ignore rules, ignored directories are walked: " + reason));
    return false;
  }

  /**
   * Lists the frame's directory, or records why it cannot and returns null. The {@code .git} entry
   * is looked at first: a repository this walk yields and leaves to its analysis ({@code
   * deferNested}) needs nothing else from the listing, so its other entries are not lstat'ed.
   */
  private Listing list(Frame frame) {
    Path dir = frame.dir();
    TypedListing.Entries typedEntries = typedEntries(frame);
    if (typedEntries != null) {
      typedAnswers = true;
      return fromTyped(dir, typedEntries);
    }
    long knownSubdirs = leafHint.knownSubdirs(frame.nlink(), frame.device());
    Listing.Builder listing = new Listing.Builder(leafHint, knownSubdirs);
    List<Path> names = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      Path dotGit = null;
      for (Path entry : entries) {
        if (dotGit == null && entry.getFileName().toString().equals(".git")) {
          dotGit = entry;
        } else {
          names.add(entry);
        }
      }
      DotGit.Kind kind = null;
      if (dotGit != null) {
        listing.add(dotGit);
        LeafHint.Stat stat = listing.dotGit();
        if (stat != null) {
          kind = DotGit.classify(dotGit, stat.isDirectory(), stat.isSymbolicLink());
        }
      }
      if (kind == DotGit.Kind.REPOSITORY && deferNested && !listed.containsKey(dir)) {
        listing.skip(names.size());
        return listing.build(kind);
      }
      for (Path entry : names) {
        listing.add(entry);
      }
      inspected += names.size();
      if (typed != null && inspected > TypedListings.WORTH_BINDING_FOR_ENTRIES) {
        typed.wanted();
      }
      return finish(frame, knownSubdirs, listing, kind);
    } catch (NoSuchFileException e) {
      return null; // vanished since its parent was listed: nothing to report
    } catch (IOException e) {
      problems.add(new WalkProblem(dir, reason(e)));
      return null;
    } catch (DirectoryIteratorException e) {
      problems.add(new WalkProblem(dir, reason(e.getCause())));
      return null;
    }
  }

  /** The frame's typed listing, read ahead or now; null where only NIO can list it. */
  private TypedListing.Entries typedEntries(Frame frame) {
    FutureTask<TypedListing.Entries> ahead = frame.ahead();
    if (ahead != null) {
      ahead.run(); // does nothing when the read-ahead thread has started it
      try {
        return ahead.get();
      } catch (ExecutionException e) {
        return null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
    return typed != null && TypedListings.isDefault(frame.dir()) ? typed.list(frame.dir()) : null;
  }

  private static Listing fromTyped(Path dir, TypedListing.Entries entries) {
    List<Listing.Subdir> subdirs = new ArrayList<>(entries.subdirs().size());
    for (String name : entries.subdirs()) {
      subdirs.add(new Listing.Subdir(dir.resolve(name), name, -1, null));
    }
    subdirs.sort(Comparator.comparing(Listing.Subdir::name));
    TypedListing.EntryType type = entries.dotGit();
    if (type == null) {
      return new Listing(List.copyOf(subdirs), null, null);
    }
    boolean isDirectory = type == TypedListing.EntryType.DIRECTORY;
    boolean isLink = type == TypedListing.EntryType.SYMBOLIC_LINK;
    LeafHint.Stat dotGit = new LeafHint.Stat(isDirectory, isLink, -1, null);
    DotGit.Kind kind = DotGit.classify(dir.resolve(".git"), isDirectory, isLink);
    return new Listing(List.copyOf(subdirs), dotGit, kind);
  }

  private Listing finish(
      Frame frame, long knownSubdirs, Listing.Builder listing, DotGit.Kind dotGitKind) {
    if (knownSubdirs < 0 && listing.complete()) {
      leafHint.observe(frame.nlink(), frame.device(), listing.seenDirs());
    }
    if (listing.failure() != null) {
      problems.add(
          new WalkProblem(frame.dir(), "cannot inspect entries: " + reason(listing.failure())));
    }
    return listing.build(dotGitKind);
  }

  /** A one-line reason for an I/O failure, without the path (the problem carries it). */
  static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    String text =
        e instanceof FileSystemException fse && fse.getReason() != null
            ? fse.getReason()
            : String.valueOf(e.getMessage());
    return text.replaceAll("\\s+", " ").strip();
  }

  /** How an entry of a listed directory is looked at: its own attributes, links not followed. */
  static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

  static BasicFileAttributes lstat(Path entry) throws IOException {
    return Files.readAttributes(entry, BasicFileAttributes.class, NOFOLLOW);
  }
}
