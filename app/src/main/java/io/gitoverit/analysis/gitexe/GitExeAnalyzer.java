package io.gitoverit.analysis.gitexe;

import io.gitoverit.analysis.AnalysisException;
import io.gitoverit.analysis.AnalysisOptions;
import io.gitoverit.analysis.BranchTally;
import io.gitoverit.analysis.CommitText;
import io.gitoverit.analysis.GitDirFacts;
import io.gitoverit.analysis.HeadFile;
import io.gitoverit.analysis.IndexIntegrity;
import io.gitoverit.analysis.OperationInProgress;
import io.gitoverit.analysis.RepoAnalyzer;
import io.gitoverit.analysis.SharedIndexTimes;
import io.gitoverit.analysis.SpecialFileCheck;
import io.gitoverit.analysis.UpstreamRemote;
import io.gitoverit.fs.ModifiedTimes;
import io.gitoverit.gitdir.SpecialFiles;
import io.gitoverit.report.RepoReport;
import io.gitoverit.report.Signals;
import io.gitoverit.report.SyncResult;
import io.gitoverit.report.Worktree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Reads one repository with the user's {@code git} executable, read-only: the engine for
 * repositories JGit cannot read correctly (split or sparse index, SHA-256, worktreeConfig,
 * conflicts, filters...). Its report is upstream's, as SPEC.md describes field by field.
 *
 * <p>A clean repository costs four git processes: {@code rev-parse} (validity, git dirs), {@code
 * config --list} (remote, url and the filter drivers to switch off), {@code status} (counts,
 * branch, upstream, ahead/behind) and {@code for-each-ref} (branches, HEAD's commit). {@code var}
 * (ident) runs once per scan for all repositories whose own config cannot change the ident, and in
 * the repository for the others; {@code ls-files} lists a split index's names for the mtime. Line
 * totals ({@code diff --numstat}, twice) only follow a tracked change; {@code rev-parse --verify}
 * of an operation's head only follows its file; {@code ls-tree} and {@code ls-files -s} only follow
 * a {@code .gitmodules}. With {@code metadataOnly}, status is limited to a pathspec that matches
 * nothing: git then prints the same branch headers without looking at a single work-tree file.
 *
 * <p>No program that the repository's config names ever runs. Besides what {@link GitRunner} does
 * (no optional locks, {@code core.fsmonitor=false}, no prompts), every call gets {@code -c
 * core.hooksPath=/dev/null -c core.pager=cat}; diffs get {@code --no-ext-diff --no-textconv}; and
 * clean/smudge/process filter drivers defined by the repository's own (local or worktree) config,
 * or by the config of a submodule git status enters, are switched off by {@link FilterGuard}: a
 * file git would have passed through one is counted as git counts it without the filter, and named
 * in the report's warnings. Filter drivers of the user's global or system config (git-lfs) still
 * run, also when the repository's config repeats the same commands ({@code git lfs install
 * --local}): they are the user's programs, not the repository's.
 */
public final class GitExeAnalyzer implements RepoAnalyzer {
  /**
   * Always passed: no hook and no pager can run, whatever the config says; and {@code git diff}
   * does not refresh and write the index behind stat-only changes, which it does even with {@code
   * --no-optional-locks} (stat-only changes then show as 0/0 lines: same totals).
   */
  private static final List<String> ALWAYS =
      List.of("core.hooksPath=/dev/null", "core.pager=cat", "diff.autoRefreshIndex=false");

  private final GitRunner git;
  private final Optional<ModifiedTimes> times;
  private final CommitterIdent idents;

  public GitExeAnalyzer(GitRunner git) {
    this(git, Optional.empty());
  }

  /** With {@code times}, the mtime scan stats through it where it answers (else through NIO). */
  public GitExeAnalyzer(GitRunner git, Optional<ModifiedTimes> times) {
    this(git, times, new CommitterIdent(git));
  }

  /**
   * The same, with the committer ident of repositories that cannot change it shared through {@code
   * idents} (with the other engine too).
   */
  public GitExeAnalyzer(GitRunner git, Optional<ModifiedTimes> times, CommitterIdent idents) {
    this.git = git.withConfig(ALWAYS);
    this.times = times;
    this.idents = idents;
  }

  @Override
  public RepoReport analyze(Path root, AnalysisOptions options) throws AnalysisException {
    try {
      return read(root, options);
    } catch (IOException e) {
      throw new AnalysisException(String.valueOf(e.getMessage()), e);
    } catch (UncheckedIOException e) {
      throw new AnalysisException(String.valueOf(e.getCause().getMessage()), e.getCause());
    }
  }

  private RepoReport read(Path root, AnalysisOptions options)
      throws IOException, AnalysisException {
    Path dotGit = root.resolve(".git");
    if (Files.isDirectory(dotGit) && !(Files.isReadable(dotGit) && Files.isExecutable(dotGit))) {
      throw new AnalysisException("cannot read " + dotGit + ": permission denied");
    }
    boolean checkedFirst = Files.isDirectory(dotGit);
    if (checkedFirst) {
      // Before git reads anything: a FIFO where git expects a file would hold it for the timeout,
      // and git's own message for a bad HEAD says no more than "not a repository".
      SpecialFileCheck.check(root, dotGit, io.gitoverit.gitdir.GitDirs.commonDirOf(dotGit));
      HeadFile.check(dotGit);
    }
    GitDirs dirs = locate(root);
    if (!checkedFirst) { // a gitfile: the git dirs are known only now
      SpecialFileCheck.check(root, dirs.gitDir(), dirs.commonDir());
      HeadFile.check(dirs.gitDir());
    }
    SharedIndexTimes shared = SharedIndexTimes.record(dirs.gitDir());
    try {
      return read(root, options, dirs, git);
    } finally {
      shared.restore();
    }
  }

  private RepoReport read(Path root, AnalysisOptions options, GitDirs dirs, GitRunner git)
      throws IOException, AnalysisException {
    RepoConfig config =
        RepoConfig.parse(ok(git.run(root, "config", "--list", "-z", "--show-scope"), "git config"));
    Path index = dirs.gitDir().resolve("index");
    // Before any git reads the index: a header, size or layout that rules one out (a zero-filled
    // file, more entries than the file can hold, zeros where extensions go) fails the repository
    // at once, where git would first hash the whole file. The same walk keeps the entries' names
    // for the mtime scan and says whether a gitlink is recorded.
    boolean readsWorkTree = !options.metadataOnly();
    IndexIntegrity.Survey survey =
        IndexIntegrity.checkLayout(
            index, config.get("extensions.objectformat"), readsWorkTree && options.collectMtime());
    // Only a work-tree read enters submodules, and only where the index records a gitlink (a
    // split index records its entries in the shared index too).
    boolean entersSubmodules =
        readsWorkTree
            && (survey.split()
                ? FilterGuard.mayHaveGitlinks(dirs.gitDir(), config.get("extensions.objectformat"))
                : survey.gitlink());
    GitRunner.Pending listing = entersSubmodules ? FilterGuard.listIndex(git, root) : null;
    FilterGuard guard;
    try {
      guard = FilterGuard.of(config, git, root, listing);
    } catch (AnalysisException e) {
      IndexIntegrity.checkSum(index, config.get("extensions.objectformat")); // damage says so
      throw e;
    }
    GitRunner g = git.withConfig(guard.overrides());

    PorcelainStatus status;
    Worktree worktree;
    List<String> warnings = List.of();
    if (options.metadataOnly()) {
      IndexIntegrity.checkSum(index, config.get("extensions.objectformat"));
      status =
          PorcelainStatus.parse(
              ok(
                  g.run(
                      root,
                      "status",
                      "--porcelain=v2",
                      "--branch",
                      "-z",
                      "--ahead-behind",
                      "--untracked-files=no",
                      "--ignore-submodules=all",
                      "--",
                      ":(exclude)*"),
                  "git status"));
      worktree = new Worktree.Unchecked();
    } else {
      // git status (the long part on a big work tree) runs while this thread checks the index
      // and stats the tracked files; nothing it says is used before the index proved intact.
      GitRunner.Pending statusRun =
          g.start(
              root,
              "status",
              "--porcelain=v2",
              "--branch",
              "-z",
              "--ahead-behind",
              "--untracked-files=normal");
      FilterGuard.Check filterCheck = guard.start(g);
      // The index checksum (~100 ms for 100,000 entries) is summed on a thread of its own.
      FutureTask<Void> intact =
          new FutureTask<>(
              () -> {
                IndexIntegrity.checkSum(index, config.get("extensions.objectformat"));
                return null;
              });
      Thread checker = new Thread(intact, "gitoverit-index-check");
      checker.setDaemon(true);
      checker.start();
      GitRunner.Result full;
      Optional<Instant> trackedMtime = Optional.empty();
      try {
        if (options.collectMtime()) {
          // The index's own names, as git ls-files --cached --sparse lists them; a split index's
          // are partly in the shared index, which git puts together.
          trackedMtime =
              survey.names() != null
                  ? WorktreeFacts.newestMtime(root, survey.names(), times)
                  : WorktreeFacts.newestMtime(g, root, times, "--cached");
        }
      } finally {
        full = statusRun.await();
        awaitCheck(intact);
      }
      status = PorcelainStatus.parse(ok(full, "git status"));
      checkWholeTreeRead(full);
      warnings = guard.warnings(filterCheck, g);
      WorktreeFacts.LineTotals lines =
          status.changes().isEmpty()
              ? new WorktreeFacts.LineTotals(0, 0)
              : WorktreeFacts.lineTotals(g, root);
      Optional<Instant> mtime = trackedMtime;
      if (options.collectMtime() && status.untracked() > 0) {
        // Untracked, not ignored files exist only when status lists one ('?'): git's
        // ls-files --others shows the same files, and walks the work tree to find them.
        mtime =
            WorktreeFacts.newer(
                mtime, WorktreeFacts.newestMtime(g, root, times, "--others", "--exclude-standard"));
      }
      worktree =
          new Worktree.Checked(
              status.modified(),
              status.untracked(),
              status.deleted(),
              status.conflicts(),
              lines.additions(),
              lines.deletions(),
              mtime);
    }

    String head = readHead(dirs.gitDir());
    boolean detached = !head.startsWith("ref:");
    boolean exceptional =
        status.conflicts() > 0
            || detached
            || OperationInProgress.any(dirs.gitDir(), name -> resolves(g, root, name));
    Optional<String> branchName = Optional.empty();
    if (!detached) {
      String ref = head.substring("ref:".length()).strip();
      branchName =
          Optional.of(ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : ref);
    }
    UpstreamRemote.Result remote = UpstreamRemote.of(status.upstream(), branchName, config::get);
    int submodules = Submodules.count(g, root);
    Signals signals = signals(g, root, dirs, config, status, worktree, branchName, detached);
    return new RepoReport(
        root,
        status.branch(),
        remote.remote(),
        remote.urls(),
        config.identMayDiffer() ? CommitterIdent.in(g, root) : idents.shared(root),
        status.ahead(),
        status.behind(),
        submodules,
        exceptional,
        worktree,
        SyncResult.NONE,
        "git",
        warnings,
        signals);
  }

  /**
   * The facts beyond upstream's: the git-dir files as {@link GitDirFacts} reads them for both
   * engines, the branches and HEAD's commit from one {@code git for-each-ref} (plus {@code
   * cat-file} for a detached HEAD's commit, {@code ls-files -u} for a split index's conflicts in a
   * metadata-only scan, and {@code rev-parse} for an unborn branch's upstream, each only then).
   */
  private static Signals signals(
      GitRunner g,
      Path root,
      GitDirs dirs,
      RepoConfig config,
      PorcelainStatus status,
      Worktree worktree,
      Optional<String> branchName,
      boolean detached)
      throws IOException, AnalysisException {
    int conflicts;
    if (worktree instanceof Worktree.Checked c) {
      conflicts = c.conflicts();
    } else {
      boolean sha256 =
          config
              .get("extensions.objectformat")
              .map(f -> f.equalsIgnoreCase("sha256"))
              .orElse(false);
      OptionalInt counted = GitDirFacts.conflicts(dirs.gitDir().resolve("index"), sha256 ? 32 : 20);
      conflicts = counted.isPresent() ? counted.getAsInt() : unmergedPaths(g, root);
    }
    GitDirFacts.refuseSpecialRefs(dirs.commonDir().resolve("refs/heads"));
    List<BranchTally.Line> lines =
        BranchTally.lines(
            ok(
                g.run(root, "for-each-ref", "--format=" + BranchTally.FORMAT, "refs/heads"),
                "git for-each-ref"));
    boolean unborn = status.oid().map(o -> o.equals("(initial)")).orElse(false);
    Optional<BranchTally.Line> headLine =
        branchName.flatMap(
            b -> lines.stream().filter(l -> l.ref().equals("refs/heads/" + b)).findFirst());
    boolean upstreamGone;
    if (unborn) {
      // git calls any upstream of an unborn branch gone; it is gone only when its ref is.
      upstreamGone =
          status.upstream().isPresent()
              && !g.run(root, "rev-parse", "--verify", "-q", "@{upstream}").ok();
    } else {
      upstreamGone = headLine.map(l -> l.track().equals("[gone]")).orElse(false);
    }
    OptionalLong commitTime = OptionalLong.empty();
    Optional<String> subject = Optional.empty();
    if (headLine.isPresent()) {
      String t = headLine.get().commitTime();
      commitTime =
          t.matches("-?\\d{1,18}") ? OptionalLong.of(Long.parseLong(t)) : OptionalLong.empty();
      subject = Optional.of(CommitText.subject(headLine.get().message()));
    } else if (!unborn) {
      GitRunner.Result r = g.run(root, "cat-file", "commit", "HEAD");
      if (r.ok()) {
        CommitText.Parsed parsed = CommitText.parse(r.stdout());
        commitTime = parsed.committerTime();
        subject = Optional.of(parsed.subject());
      }
    }
    BranchTally branches = BranchTally.of(lines, branchName);
    return new Signals(
        GitDirFacts.stashes(dirs.commonDir()),
        upstreamGone,
        GitDirFacts.operation(dirs.gitDir()),
        conflicts,
        unborn,
        detached,
        commitTime,
        subject,
        branches.unpushed(),
        branches.noUpstream(),
        branches.gone());
  }

  /** Paths with an unmerged entry, as {@code git ls-files --unmerged} lists them. */
  private static int unmergedPaths(GitRunner g, Path root) throws IOException, AnalysisException {
    byte[] out = ok(g.run(root, "ls-files", "--unmerged", "-z"), "git ls-files");
    java.util.Set<String> paths = new java.util.HashSet<>();
    for (byte[] entry : PorcelainStatus.splitNul(out)) {
      String line = new String(entry, StandardCharsets.UTF_8);
      int tab = line.indexOf('\t');
      paths.add(tab < 0 ? line : line.substring(tab + 1));
    }
    return paths.size();
  }

  /** Waits for the index check; its failure is this repository's error. */
  private static void awaitCheck(FutureTask<Void> check) throws AnalysisException, IOException {
    try {
      check.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AnalysisException a) {
        throw a;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new AnalysisException(String.valueOf(e.getCause()), e.getCause());
    }
  }

  /**
   * git status only warns about a folder or file it cannot read, and reports the rest as if the
   * unreadable part were gone or empty: a count that would be wrong, so the repository fails.
   */
  private static void checkWholeTreeRead(GitRunner.Result r) throws AnalysisException {
    for (String line : r.stderr().lines().toList()) {
      if (line.contains("could not open directory") || line.endsWith("Permission denied")) {
        throw new AnalysisException("cannot read the whole work tree: " + line.strip());
      }
    }
  }

  /** The worktree's own git dir and the common one (they differ for a linked worktree). */
  private record GitDirs(Path gitDir, Path commonDir) {}

  /** Checks that git sees {@code root} as a work-tree root (SPEC "validity"). */
  private GitDirs locate(Path root) throws IOException, AnalysisException {
    GitRunner.Result r =
        git.run(root, "rev-parse", "--absolute-git-dir", "--git-common-dir", "--show-toplevel");
    if (!r.ok()) {
      throw r.failure(oneLine(r, "git rev-parse"));
    }
    String out = r.stdoutText();
    out = out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
    String[] lines = out.split("\n", 3);
    if (lines.length < 3) {
      throw new AnalysisException("git rev-parse printed no work tree for " + root);
    }
    Path gitDir = Path.of(lines[0]);
    Path commonDir = root.resolve(lines[1]).normalize();
    String toplevel = lines[2];
    // core.worktree may point elsewhere: the repository still counts when its git dir is the
    // one that root/.git names.
    if (!toplevel.equals(root.toString()) && !sameFile(gitDir, ownGitDir(root))) {
      throw new AnalysisException("not a repository root: git's work tree is " + toplevel);
    }
    return new GitDirs(gitDir, commonDir);
  }

  /**
   * The git dir that {@code root/.git} names: the directory itself or its {@code gitdir:} target.
   */
  private static Optional<Path> ownGitDir(Path root) {
    Path dotgit = root.resolve(".git");
    if (Files.isDirectory(dotgit)) {
      return Optional.of(dotgit);
    }
    try {
      String text =
          new String(
              SpecialFiles.read(dotgit, io.gitoverit.gitdir.GitDirs.MAX_GITFILE_BYTES),
              StandardCharsets.UTF_8);
      String first = text.lines().findFirst().orElse("");
      if (!first.startsWith("gitdir:")) {
        return Optional.empty();
      }
      return Optional.of(root.resolve(first.substring("gitdir:".length()).strip()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static boolean sameFile(Path a, Optional<Path> b) {
    try {
      return b.isPresent() && a.toRealPath().equals(b.get().toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  /** The text of the git dir's HEAD file, stripped; empty when unreadable. */
  private static String readHead(Path gitDir) {
    try {
      return new String(
              SpecialFiles.read(gitDir.resolve("HEAD"), HeadFile.MAX_BYTES), StandardCharsets.UTF_8)
          .strip();
    } catch (IOException e) {
      return "";
    }
  }

  private static boolean resolves(GitRunner g, Path root, String name) {
    try {
      return g.run(root, "rev-parse", "--verify", "-q", name).ok();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] ok(GitRunner.Result r, String what) throws AnalysisException {
    if (!r.ok()) {
      throw r.failure(oneLine(r, what));
    }
    return r.stdout();
  }

  /** git's fatal line when it printed one (warnings may come first), else its first line. */
  private static String oneLine(GitRunner.Result r, String what) {
    List<String> lines = new ArrayList<>(r.stderr().strip().lines().toList());
    for (String line : lines) {
      if (line.startsWith("fatal: ") || line.startsWith("error: ")) {
        return line.strip();
      }
    }
    return r.errorLine(what);
  }
}
