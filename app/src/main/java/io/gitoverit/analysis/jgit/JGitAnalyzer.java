package io.gitoverit.analysis.jgit;

import io.gitoverit.analysis.Analysis;
import io.gitoverit.analysis.AnalysisException;
import io.gitoverit.analysis.AnalysisOptions;
import io.gitoverit.analysis.BranchTally;
import io.gitoverit.analysis.CommitText;
import io.gitoverit.analysis.GitDirFacts;
import io.gitoverit.analysis.GitWouldHang;
import io.gitoverit.analysis.HeadFile;
import io.gitoverit.analysis.OperationInProgress;
import io.gitoverit.analysis.RepoAnalyzer;
import io.gitoverit.analysis.SpecialFileCheck;
import io.gitoverit.analysis.UpstreamRemote;
import io.gitoverit.analysis.gitexe.CommitterIdent;
import io.gitoverit.analysis.gitexe.GitRunner;
import io.gitoverit.fs.EntryStats;
import io.gitoverit.gitdir.GitDirs;
import io.gitoverit.gitdir.NotARepository;
import io.gitoverit.report.RepoReport;
import io.gitoverit.report.Signals;
import io.gitoverit.report.SyncResult;
import io.gitoverit.report.Worktree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * The in-process engine: one JGit open per repository, every report field as upstream computes it
 * with git. Meant to sit behind {@link RoutingAnalyzer}, which sends what JGit cannot read to the
 * git executable and falls back to it when this throws.
 */
public final class JGitAnalyzer implements RepoAnalyzer {

  /** The work-tree pass, replaceable in tests. */
  @FunctionalInterface
  interface WorktreeReader {
    Worktree.Checked scan(Repository repo, boolean collectMtime)
        throws IOException, JGitUnsupportedException;

    /**
     * Like {@link #scan}, against the commit {@code head} (HEAD's id, already read; null when
     * unborn), with the nested-repository candidates when the reader collects them.
     */
    default JGitWorktree.Walked walk(Repository repo, ObjectId head, boolean collectMtime)
        throws IOException, JGitUnsupportedException {
      return new JGitWorktree.Walked(scan(repo, collectMtime), Optional.empty());
    }
  }

  private final JGitRuntime runtime;
  private final IdentResolver idents;
  private final WorktreeReader worktrees;

  /** The guarded file system repositories are opened with. */
  private final FS fs;

  /**
   * An analyzer that opens repositories through {@code runtime} and asks {@code git} for
   * identities; it lists work-tree folders as JGit does.
   */
  public JGitAnalyzer(JGitRuntime runtime, GitRunner git) {
    this(runtime, git, Optional.empty());
  }

  /**
   * The same, listing work-tree folders with {@code stats} where given (and NIO where it declines).
   */
  public JGitAnalyzer(JGitRuntime runtime, GitRunner git, Optional<EntryStats> stats) {
    this(runtime, new CommitterIdent(git), git, stats);
  }

  /**
   * The same, sharing the committer ident of repositories that cannot change it with {@code
   * idents}.
   */
  public JGitAnalyzer(
      JGitRuntime runtime, CommitterIdent idents, GitRunner git, Optional<EntryStats> stats) {
    this(runtime, IdentResolver.forConfigOf(runtime, idents, git), JGitWorktree.READER, stats);
  }

  JGitAnalyzer(JGitRuntime runtime, IdentResolver idents, WorktreeReader worktrees) {
    this(runtime, idents, worktrees, Optional.empty());
  }

  private JGitAnalyzer(
      JGitRuntime runtime,
      IdentResolver idents,
      WorktreeReader worktrees,
      Optional<EntryStats> stats) {
    this.runtime = runtime;
    this.idents = idents;
    this.worktrees = worktrees;
    this.fs = stats.map(runtime::fsListingWith).orElse(runtime.fs());
  }

  /** The runtime this analyzer opens repositories through. */
  JGitRuntime runtime() {
    return runtime;
  }

  @Override
  public RepoReport analyze(Path root, AnalysisOptions options) throws AnalysisException {
    return analyzeWithNested(root, options).report();
  }

  @Override
  public Analysis analyzeWithNested(Path root, AnalysisOptions options) throws AnalysisException {
    try {
      return readWithNested(root, options);
    } catch (IOException | RuntimeException | JGitUnsupportedException e) {
      throw new AnalysisException(oneLine(e), e);
    }
  }

  /** The report, or whatever JGit threw; {@link RoutingAnalyzer} treats all alike. */
  RepoReport read(Path root, AnalysisOptions options)
      throws AnalysisException, IOException, JGitUnsupportedException {
    return readWithNested(root, options).report();
  }

  /** The report and the walk's nested-repository candidates, or whatever JGit threw. */
  Analysis readWithNested(Path root, AnalysisOptions options)
      throws AnalysisException, IOException, JGitUnsupportedException {
    return readWithNested(root, options, () -> {});
  }

  /**
   * As above; runs {@code noNested} as soon as it is clear that the work tree will not be walked
   * (metadata only), so that there will be no candidates.
   */
  Analysis readWithNested(Path root, AnalysisOptions options, Runnable noNested)
      throws AnalysisException, IOException, JGitUnsupportedException {
    return readWithNested(root, options, noNested, Optional.empty());
  }

  /** As above, with what the preflight already found of the repository, when it ran. */
  Analysis readWithNested(
      Path root, AnalysisOptions options, Runnable noNested, Optional<Preflight.Facts> known)
      throws AnalysisException, IOException, JGitUnsupportedException {
    if (options.metadataOnly()) {
      noNested.run();
    }
    GitDirs dirs = known.isPresent() ? known.get().dirs() : locate(root);
    SpecialFileCheck.check(root, dirs.gitDir(), dirs.commonDir());
    HeadFile.check(dirs.gitDir());
    runtime.cover(dirs.gitDir());
    runtime.cover(dirs.commonDir());
    runtime.cover(root);
    try (Repository repo =
        new FileRepositoryBuilder()
            .setFS(fs) // submodules, at every depth, inherit it
            .setGitDir(dirs.gitDir().toFile())
            .setWorkTree(root.toFile())
            .setMustExist(true)
            .build()) {
      Head head = Head.read(repo);
      JGitWorktree.Walked walked;
      try {
        walked =
            options.metadataOnly() ? null : worktrees.walk(repo, head.id(), options.collectMtime());
      } catch (GitWouldHang.InWalk e) {
        throw new GitWouldHang(e.file);
      }
      Worktree worktree = walked == null ? new Worktree.Unchecked() : walked.worktree();
      Config config = repo.getConfig();
      Optional<String> upstreamRef =
          head.branch().isPresent()
              ? Upstream.refOf(repo, config, head.branch().get())
              : Optional.empty();
      Optional<Supplier<String>> upstreamName = upstreamRef.map(ref -> () -> shortened(repo, ref));
      UpstreamRemote.Result display =
          UpstreamRemote.ofLazy(upstreamName, head.branch(), key -> configValue(config, key));
      int[] ab = aheadBehind(repo, head, upstreamRef);
      int conflicts = worktree instanceof Worktree.Checked c ? c.conflicts() : 0;
      boolean exceptional =
          conflicts > 0
              || head.detached()
              || OperationInProgress.any(dirs.gitDir(), name -> resolves(repo, name));
      RevCommit headCommit = headCommit(repo, head.id());
      int submodules =
          SubmoduleCount.count(repo, root, headCommit == null ? null : headCommit.getTree());
      Signals signals = signals(repo, config, dirs, head, upstreamRef, worktree, headCommit);
      RepoReport report =
          new RepoReport(
              root,
              head.display(),
              display.remote(),
              display.urls(),
              idents.identFor(dirs, known.map(Preflight.Facts::ownConfig)),
              ab[0],
              ab[1],
              submodules,
              exceptional,
              worktree,
              SyncResult.NONE,
              "jgit",
              List.of(),
              signals);
      Optional<List<Path>> nested =
          walked == null
              ? Optional.empty()
              : walked.nestedDirs().map(relative -> relative.stream().map(root::resolve).toList());
      return new Analysis(report, nested);
    }
  }

  private static String shortened(Repository repo, String ref) {
    try {
      return Upstream.shorten(repo, ref);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Ahead/behind exist only while the branch and its upstream ref both do (as in git). */
  private static int[] aheadBehind(Repository repo, Head head, Optional<String> upstreamRef)
      throws IOException {
    if (upstreamRef.isEmpty() || head.id() == null) {
      return new int[] {0, 0};
    }
    Ref up = repo.exactRef(upstreamRef.get());
    if (up == null || up.getObjectId() == null) {
      return new int[] {0, 0};
    }
    return Upstream.aheadBehind(repo, head.id(), up.getObjectId());
  }

  /** HEAD's commit, its message parsed; null when unborn or when HEAD names no commit. */
  private static RevCommit headCommit(Repository repo, ObjectId id) throws IOException {
    if (id == null) {
      return null;
    }
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit commit = walk.parseCommit(id);
      walk.parseBody(commit);
      return commit;
    } catch (IncorrectObjectTypeException e) {
      return null;
    }
  }

  /** The facts beyond upstream's, from refs and git-dir files (see {@link GitDirFacts}). */
  private static Signals signals(
      Repository repo,
      Config config,
      GitDirs dirs,
      Head head,
      Optional<String> upstreamRef,
      Worktree worktree,
      RevCommit headCommit)
      throws IOException, AnalysisException, JGitUnsupportedException {
    int conflicts;
    if (worktree instanceof Worktree.Checked c) {
      conflicts = c.conflicts();
    } else {
      OptionalInt counted = GitDirFacts.conflicts(dirs.gitDir().resolve("index"), 20);
      if (counted.isEmpty()) {
        throw new JGitUnsupportedException("split index");
      }
      conflicts = counted.getAsInt();
    }
    boolean upstreamGone = false;
    if (upstreamRef.isPresent()) {
      Ref up = repo.exactRef(upstreamRef.get());
      upstreamGone = up == null || up.getObjectId() == null;
    }
    GitDirFacts.refuseSpecialRefs(dirs.commonDir().resolve("refs/heads"));
    BranchTally branches = BranchTallies.read(repo, config, head.branch());
    return new Signals(
        GitDirFacts.stashes(dirs.commonDir()),
        upstreamGone,
        GitDirFacts.operation(dirs.gitDir()),
        conflicts,
        !head.detached() && head.branch().isPresent() && head.id() == null,
        head.detached(),
        headCommit == null ? OptionalLong.empty() : OptionalLong.of(headCommit.getCommitTime()),
        headCommit == null
            ? Optional.empty()
            : Optional.of(CommitText.subject(headCommit.getFullMessage())),
        branches.unpushed(),
        branches.noUpstream(),
        branches.gone());
  }

  /** Whether {@code git rev-parse name} would print an object id. */
  private static boolean resolves(Repository repo, String name) {
    try {
      return repo.resolve(name) != null;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** A dotted key such as {@code branch.rel/v1.2.remote}: section, subsection, name. */
  static Optional<String> configValue(Config config, String key) {
    int first = key.indexOf('.');
    int last = key.lastIndexOf('.');
    if (first < 0) {
      return Optional.empty();
    }
    String section = key.substring(0, first);
    String subsection = last > first ? key.substring(first + 1, last) : null;
    return Optional.ofNullable(config.getString(section, subsection, key.substring(last + 1)));
  }

  static String oneLine(Throwable e) {
    String m = e.getMessage();
    String text = m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip();
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }

  /** What HEAD says: the branch (also unborn), or detached at an id. */
  record Head(Optional<String> branch, ObjectId id, boolean detached) {
    static Head read(Repository repo) throws IOException {
      Ref head = repo.exactRef(Constants.HEAD);
      if (head == null) {
        return new Head(Optional.empty(), null, false);
      }
      if (head.isSymbolic()) {
        String target = head.getLeaf().getName();
        String name =
            target.startsWith(Constants.R_HEADS)
                ? target.substring(Constants.R_HEADS.length())
                : target;
        return new Head(Optional.of(name), head.getObjectId(), false);
      }
      return new Head(Optional.empty(), head.getObjectId(), true);
    }

    /** The branch column: name, {@code DETACHED@<7 hex>}, or {@code UNKNOWN}. */
    String display() {
      if (detached) {
        return id == null ? "DETACHED" : "DETACHED@" + id.name().substring(0, 7);
      }
      return branch.orElse("UNKNOWN");
    }
  }

  /** The git dirs of {@code root}, or git's own words for why there are none. */
  static GitDirs locate(Path root) throws AnalysisException {
    try {
      return GitDirs.locate(root);
    } catch (NotARepository e) {
      throw new AnalysisException(e.getMessage(), e.getCause());
    }
  }
}
