package io.gitoverit.analysis.jgit;

import static io.gitoverit.testing.GitFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.analysis.AnalysisOptions;
import io.gitoverit.analysis.FixtureGit;
import io.gitoverit.analysis.gitexe.GitExeAnalyzer;
import io.gitoverit.analysis.gitexe.GitRunner;
import io.gitoverit.report.RepoReport;
import io.gitoverit.report.Signals;
import io.gitoverit.testing.GitFixture;
import io.gitoverit.testing.MoreScenarios;
import io.gitoverit.testing.Scenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each new signal, on real repositories in every state of the test fleet and in the states that
 * make them apply, is what git says: {@code git stash list}, {@code git for-each-ref
 * --format='%(upstream) %(upstream:track)'}, {@code git status}'s operation lines, {@code git
 * ls-files -u}, {@code git log -1}. Both engines, full and metadata-only, the hybrid too.
 */
class SignalsTruthTest {
  @TempDir Path tmp;
  GitFixture fixture;
  GitRunner runner;

  @BeforeEach
  void setUp() throws Exception {
    tmp = tmp.toRealPath();
    fixture = new GitFixture(tmp);
    runner = FixtureGit.runner(fixture);
  }

  record Case(String name, BiFunction<GitFixture, Path, Path> build) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    List<Case> out = new ArrayList<>();
    for (Scenarios.Case c : Scenarios.all()) {
      out.add(new Case(c.name(), c.build()));
    }
    out.add(new Case("stashes", SignalsTruthTest::stashes));
    out.add(new Case("branches", SignalsTruthTest::branches));
    out.add(new Case("detached-with-branches", SignalsTruthTest::detachedWithBranches));
    out.add(new Case("am", SignalsTruthTest::am));
    out.add(new Case("rebase-steps", SignalsTruthTest::rebaseSteps));
    out.add(new Case("stash-pop-conflict", SignalsTruthTest::stashPopConflict));
    out.add(new Case("revert-single", SignalsTruthTest::revertSingle));
    out.add(new Case("subject-verbatim", SignalsTruthTest::subjectVerbatim));
    out.add(new Case("unborn-upstream-present", SignalsTruthTest::unbornUpstreamPresent));
    out.add(new Case("packed-refs", SignalsTruthTest::packedRefs));
    return out.stream();
  }

  /** The signals compared, with the branch a rebase or bisect works on. */
  record Facts(
      int stashes,
      boolean upstreamGone,
      Optional<String> operation,
      Optional<String> operationBranch,
      int conflicts,
      boolean unborn,
      OptionalLong commitTime,
      Optional<String> subject,
      int unpushed,
      int noUpstream,
      int gone) {}

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyEngineSaysWhatGitSays(Case c) throws Exception {
    Path root = c.build().apply(fixture, tmp.resolve(c.name()));
    Facts git = truth(root);
    JGitAnalyzer jgit = new JGitAnalyzer(JGitRuntime.install(), runner);
    GitExeAnalyzer cli = new GitExeAnalyzer(runner);
    RoutingAnalyzer hybrid = new RoutingAnalyzer(jgit, cli);
    AnalysisOptions metadata = new AnalysisOptions(false, true);
    for (AnalysisOptions options : List.of(AnalysisOptions.FULL, metadata)) {
      String mode = options.metadataOnly() ? " (metadata only)" : "";
      assertEquals(git, facts(cli.analyze(root, options)), "the git engine" + mode);
      assertEquals(git, facts(hybrid.analyze(root, options)), "the hybrid" + mode);
      if (JGitRuntime.install().preflight().check(root).reasonForGit().isEmpty()) {
        try {
          assertEquals(git, facts(jgit.read(root, options)), "the JGit engine" + mode);
        } catch (JGitUnsupportedException e) {
          // declined: the hybrid's answer, git's, was checked above
        }
      }
    }
  }

  private static Facts facts(RepoReport r) {
    Signals s = r.signals();
    Optional<String> branch =
        s.operation()
            .filter(o -> o.name().equals("rebase") || o.name().equals("bisect"))
            .flatMap(Signals.Operation::branch);
    return new Facts(
        s.stashes(),
        s.upstreamGone(),
        s.operation().map(Signals.Operation::name),
        branch,
        s.conflicts(),
        s.unborn(),
        s.commitTime(),
        s.commitSubject(),
        s.branchesUnpushed(),
        s.branchesNoUpstream(),
        s.branchesGone());
  }

  /** What git's own commands say. */
  private Facts truth(Path root) {
    int stashes = (int) fixture.git(root, "stash", "list").lines().count();
    GitFixture.Result symbolic = fixture.tryGit(root, "symbolic-ref", "-q", "HEAD");
    Optional<String> headRef =
        symbolic.exitCode() == 0 ? Optional.of(symbolic.stdout().strip()) : Optional.empty();
    boolean born =
        fixture.tryGit(root, "rev-parse", "-q", "--verify", "HEAD^{commit}").exitCode() == 0;
    boolean unborn = headRef.isPresent() && !born;
    int unpushed = 0;
    int noUpstream = 0;
    int gone = 0;
    boolean upstreamGone = false;
    for (String line :
        fixture
            .git(
                root,
                "for-each-ref",
                "--format=%(refname)%00%(upstream)%00%(upstream:track)",
                "refs/heads")
            .lines()
            .toList()) {
      String[] f = line.split("\0", -1);
      boolean head = headRef.equals(Optional.of(f[0]));
      if (f[1].isEmpty()) {
        noUpstream++;
      } else if (f[2].equals("[gone]")) {
        gone++;
        upstreamGone |= head;
      } else if (f[2].startsWith("[ahead ") && !head) {
        unpushed++;
      }
    }
    if (unborn) {
      // for-each-ref lists no unborn branch: its upstream is gone when configured but missing
      String b = headRef.get().substring("refs/heads/".length());
      boolean configured = fixture.tryGit(root, "config", "branch." + b + ".merge").exitCode() == 0;
      upstreamGone =
          configured
              && fixture.tryGit(root, "rev-parse", "-q", "--verify", b + "@{upstream}").exitCode()
                  != 0;
    }
    Set<String> unmerged = new LinkedHashSet<>();
    for (String entry : fixture.git(root, "ls-files", "-u", "-z").split("\0")) {
      if (!entry.isEmpty()) {
        unmerged.add(entry.substring(entry.indexOf('\t') + 1));
      }
    }
    OptionalLong time = OptionalLong.empty();
    Optional<String> subject = Optional.empty();
    if (born) {
      String log = fixture.git(root, "log", "-1", "--format=%ct%x00%s", "HEAD");
      String[] f = log.substring(0, log.length() - 1).split("\0", -1);
      time = OptionalLong.of(Long.parseLong(f[0]));
      subject = Optional.of(f[1]);
    }
    String status = fixture.git(root, "status");
    Optional<String> operation = operation(status);
    return new Facts(
        stashes,
        upstreamGone,
        operation,
        operationBranch(status),
        unmerged.size(),
        unborn,
        time,
        subject,
        unpushed,
        noUpstream,
        gone);
  }

  /**
   * The operation git status describes; when it describes several, the first of rebase or am,
   * merge, cherry-pick, revert, bisect.
   */
  static Optional<String> operation(String status) {
    Map<String, List<String>> says = new java.util.LinkedHashMap<>();
    says.put(
        "rebase",
        List.of(
            "You are currently rebasing",
            "rebase in progress",
            "You are currently editing a commit while rebasing",
            "You are currently splitting"));
    says.put("am", List.of("You are in the middle of an am session"));
    says.put(
        "merge", List.of("git merge --abort", "All conflicts fixed but you are still merging"));
    says.put(
        "cherry-pick",
        List.of("You are currently cherry-picking", "Cherry-pick currently in progress"));
    says.put("revert", List.of("You are currently reverting", "Revert currently in progress"));
    says.put("bisect", List.of("You are currently bisecting"));
    for (Map.Entry<String, List<String>> e : says.entrySet()) {
      if (e.getValue().stream().anyMatch(status::contains)) {
        return Optional.of(e.getKey());
      }
    }
    return Optional.empty();
  }

  /** The branch git status says a rebase or bisect works on. */
  static Optional<String> operationBranch(String status) {
    for (String start :
        List.of("rebasing branch '", "You are currently bisecting, started from branch '")) {
      int at = status.indexOf(start);
      if (at >= 0) {
        int from = at + start.length();
        return Optional.of(status.substring(from, status.indexOf('\'', from)));
      }
    }
    return Optional.empty();
  }

  // The states that make the new signals apply.

  static Path stashes(GitFixture f, Path dir) {
    MoreScenarios.trackingSync(f, dir);
    write(dir, "README.md", "changed\n");
    f.git(dir, "stash", "-q");
    write(dir, "new.txt", "n\n");
    f.git(dir, "stash", "-q", "-u");
    write(dir, "README.md", "again\n");
    f.git(dir, "stash", "-q");
    f.git(dir, "stash", "drop", "-q", "stash@{1}");
    return dir;
  }

  /**
   * main in sync; an unpushed branch, one without upstream, one whose upstream is gone, a local
   * one.
   */
  static Path branches(GitFixture f, Path dir) {
    MoreScenarios.trackingSync(f, dir);
    f.git(dir, "checkout", "-q", "-b", "ahead", "--track", "origin/main");
    write(dir, "x.txt", "x\n");
    f.commitAll(dir, "ahead of origin");
    f.git(dir, "checkout", "-q", "-b", "lonely", "main");
    f.git(dir, "checkout", "-q", "-b", "lost", "--track", "origin/main");
    f.git(dir, "config", "branch.lost.merge", "refs/heads/removed");
    f.git(dir, "checkout", "-q", "-b", "behind", "--track", "origin/main");
    f.git(dir, "reset", "-q", "--hard", "HEAD~1");
    f.git(dir, "checkout", "-q", "-b", "local", "--track", "ahead");
    write(dir, "y.txt", "y\n");
    f.commitAll(dir, "ahead of a local branch");
    f.git(dir, "checkout", "-q", "main");
    return dir;
  }

  static Path detachedWithBranches(GitFixture f, Path dir) {
    branches(f, dir);
    write(dir, "z.txt", "z\n");
    f.commitAll(dir, "main ahead");
    f.git(dir, "checkout", "-q", "--detach", "HEAD~1");
    return dir;
  }

  static Path am(GitFixture f, Path dir) {
    Scenarios.clean(f, dir);
    write(dir, "README.md", "one\n");
    f.commitAll(dir, "one");
    write(dir, "README.md", "two\n");
    f.commitAll(dir, "two");
    String patches =
        f.git(dir, "format-patch", "-2", "-o", dir.resolveSibling("am-patches").toString());
    f.git(dir, "reset", "-q", "--hard", "HEAD~2");
    write(dir, "README.md", "conflicting\n");
    f.commitAll(dir, "conflicting");
    List<String> args = new ArrayList<>(List.of("am", "-q"));
    args.addAll(patches.lines().toList());
    f.tryGit(dir, args.toArray(String[]::new));
    return dir;
  }

  /** An interactive rebase stopped at its second of three steps. */
  static Path rebaseSteps(GitFixture f, Path dir) {
    Scenarios.clean(f, dir);
    f.git(dir, "checkout", "-q", "-b", "topic");
    for (int i = 1; i <= 3; i++) {
      write(dir, "t" + i + ".txt", i + "\n");
      f.commitAll(dir, "t" + i);
    }
    f.git(dir, "-c", "sequence.editor=sed -i 2s/^pick/edit/", "rebase", "-q", "-i", "main");
    assertTrue(Files.isDirectory(dir.resolve(".git/rebase-merge")), "the rebase stopped");
    return dir;
  }

  static Path stashPopConflict(GitFixture f, Path dir) {
    Scenarios.clean(f, dir);
    write(dir, "README.md", "stashed\n");
    f.git(dir, "stash", "-q");
    write(dir, "README.md", "committed\n");
    f.commitAll(dir, "conflicting");
    f.tryGit(dir, "stash", "pop");
    return dir;
  }

  static Path revertSingle(GitFixture f, Path dir) {
    Scenarios.clean(f, dir);
    write(dir, "README.md", "v1\n");
    f.commitAll(dir, "v1");
    write(dir, "README.md", "v2\n");
    f.commitAll(dir, "v2");
    f.tryGit(dir, "revert", "--no-edit", "HEAD~1");
    return dir;
  }

  /**
   * A message git commit would clean up: leading blank lines, trailing blanks, a long first
   * paragraph.
   */
  static Path subjectVerbatim(GitFixture f, Path dir) {
    Scenarios.clean(f, dir);
    try {
      Path message =
          Files.writeString(
              dir.resolveSibling("message"), "\n\n  First line  \t\nsecond line\r\n   \nbody\n");
      String tree = f.git(dir, "rev-parse", "HEAD^{tree}").strip();
      String commit =
          f.git(dir, "commit-tree", tree, "-p", "HEAD", "-F", message.toString()).strip();
      f.git(dir, "update-ref", "refs/heads/main", commit);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return dir;
  }

  /** An unborn branch whose upstream ref exists (git status calls it gone; its ref is not). */
  static Path unbornUpstreamPresent(GitFixture f, Path dir) {
    MoreScenarios.trackingSync(f, dir);
    f.git(dir, "checkout", "-q", "--orphan", "fresh");
    f.git(dir, "rm", "-q", "-r", "--cached", ".");
    f.git(dir, "config", "branch.fresh.remote", "origin");
    f.git(dir, "config", "branch.fresh.merge", "refs/heads/main");
    return dir;
  }

  static Path packedRefs(GitFixture f, Path dir) {
    branches(f, dir);
    f.git(dir, "pack-refs", "--all");
    assertTrue(Files.exists(dir.resolve(".git/packed-refs")));
    return dir;
  }
}
