package io.gitoverit.testing;

import static io.gitoverit.testing.GitFixture.write;
import static io.gitoverit.testing.Scenarios.lines;
import static io.gitoverit.testing.Scenarios.std;

import io.gitoverit.testing.Scenarios.Case;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The fleet's tracking, remote, submodule, structure and index-format states, plus the states the
 * git engine exists for (SHA-256, worktreeConfig). Helper repositories (bare remotes, submodule
 * sources) are built next to {@code dir}, named after it.
 */
public final class MoreScenarios {
  private MoreScenarios() {}

  public static List<Case> all() {
    return List.of(
        new Case("tracking-sync", "clean", MoreScenarios::trackingSync),
        new Case("ahead", "2\u2191", MoreScenarios::ahead),
        new Case("behind", "2\u2193", MoreScenarios::behind),
        new Case("diverged", "1\u2191 1\u2193", MoreScenarios::diverged),
        new Case("upstream-gone", "clean", MoreScenarios::upstreamGone),
        new Case("no-upstream", "clean", MoreScenarios::noUpstream),
        new Case("local-upstream", "1\u2191", MoreScenarios::localUpstream),
        new Case("merge-short-name", "clean", MoreScenarios::mergeShortName),
        new Case("unborn-with-upstream", "clean", MoreScenarios::unbornWithUpstream),
        new Case("two-remotes-pushurl", "1\u2191", MoreScenarios::twoRemotesPushurl),
        new Case("branch-slashes", "1\u2191", MoreScenarios::branchSlashes),
        new Case("submodule", "1s", MoreScenarios::submodule),
        new Case("submodule-dirty", "1m 1s", MoreScenarios::submoduleDirty),
        new Case("submodule-deinit", "1s", MoreScenarios::submoduleDeinit),
        new Case("submodule-staged", "2m (+4/-0) 1s", MoreScenarios::submoduleStaged),
        new Case("gitmodules-stale-entry", "1s", MoreScenarios::gitmodulesStaleEntry),
        new Case("separate-gitdir", "1m (+1/-0)", MoreScenarios::separateGitdir),
        new Case("worktree-linked", "1u", MoreScenarios::worktreeLinked),
        new Case("index-v4", "2m (+1/-1) 1u", MoreScenarios::indexV4),
        new Case("split-index", "2m (+2/-3)", MoreScenarios::splitIndex),
        new Case("untracked-cache", "2u", MoreScenarios::untrackedCache),
        new Case("autocrlf", "1m (+1/-0)", MoreScenarios::autocrlf),
        new Case("sparse-cone", "1m (+1/-0)", MoreScenarios::sparseCone),
        new Case("sparse-index", "clean", MoreScenarios::sparseIndex),
        new Case("local-ident", "clean", MoreScenarios::localIdent),
        new Case("weird-names", "3m (+1/-3) 2u 1d", MoreScenarios::weirdNames),
        new Case("sha256", "1m (+1/-0) 1u", MoreScenarios::sha256),
        new Case("worktree-config", "clean", MoreScenarios::worktreeConfig),
        new Case("symlink-head", "!", MoreScenarios::symlinkHead));
  }

  /** A bare remote beside {@code dir} whose main has three commits (m1, m2, m3). */
  public static Path origin(GitFixture f, Path dir) {
    Path bare = dir.resolveSibling(dir.getFileName() + "-origin.git");
    GitFixture.mkdirs(bare);
    f.git(bare, "init", "-q", "--bare", "-b", "main");
    Path seed = dir.resolveSibling(dir.getFileName() + "-seed");
    f.init(seed);
    write(seed, "README.md", lines("readme", 3));
    f.commitAll(seed, "m1");
    write(seed, "a.txt", lines("a", 3));
    f.commitAll(seed, "m2");
    write(seed, "b.txt", lines("b", 3));
    f.commitAll(seed, "m3");
    f.git(seed, "push", "-q", bare.toString(), "main");
    return bare;
  }

  private static Path cloneOf(GitFixture f, Path source, Path dir) {
    GitFixture.mkdirs(dir.getParent());
    f.git(dir.getParent(), "clone", "-q", source.toString(), dir.getFileName().toString());
    return dir;
  }

  public static Path trackingSync(GitFixture f, Path dir) {
    return cloneOf(f, origin(f, dir), dir);
  }

  public static Path ahead(GitFixture f, Path dir) {
    cloneOf(f, origin(f, dir), dir);
    write(dir, "l1.txt", "1\n");
    f.commitAll(dir, "local 1");
    write(dir, "l2.txt", "2\n");
    f.commitAll(dir, "local 2");
    return dir;
  }

  public static Path behind(GitFixture f, Path dir) {
    cloneOf(f, origin(f, dir), dir);
    f.git(dir, "reset", "-q", "--hard", "HEAD~2");
    return dir;
  }

  public static Path diverged(GitFixture f, Path dir) {
    cloneOf(f, origin(f, dir), dir);
    f.git(dir, "reset", "-q", "--hard", "HEAD~1");
    write(dir, "mine.txt", "mine\n");
    f.commitAll(dir, "mine");
    return dir;
  }

  public static Path upstreamGone(GitFixture f, Path dir) {
    cloneOf(f, origin(f, dir), dir);
    f.git(dir, "checkout", "-q", "-b", "feature");
    f.git(dir, "config", "branch.feature.remote", "origin");
    f.git(dir, "config", "branch.feature.merge", "refs/heads/feature");
    return dir;
  }

  public static Path noUpstream(GitFixture f, Path dir) {
    cloneOf(f, origin(f, dir), dir);
    f.git(dir, "checkout", "-q", "-b", "topic");
    return dir;
  }

  public static Path localUpstream(GitFixture f, Path dir) {
    std(f, dir);
    f.git(dir, "checkout", "-q", "-b", "work", "--track", "main");
    write(dir, "w.txt", "w\n");
    f.commitAll(dir, "work");
    return dir;
  }

  /**
   * {@code branch.main.merge = main}, not a full ref name: git finds no upstream (the remote's
   * fetch refspec maps only {@code refs/heads/*}), so the row has none, as git status says.
   */
  public static Path mergeShortName(GitFixture f, Path dir) {
    ahead(f, dir);
    f.git(dir, "config", "branch.main.merge", "main");
    return dir;
  }

  public static Path unbornWithUpstream(GitFixture f, Path dir) {
    Path bare = dir.resolveSibling(dir.getFileName() + "-empty.git");
    GitFixture.mkdirs(bare);
    f.git(bare, "init", "-q", "--bare", "-b", "main");
    return cloneOf(f, bare, dir);
  }

  public static Path twoRemotesPushurl(GitFixture f, Path dir) {
    std(f, dir);
    f.git(dir, "remote", "add", "origin", "https://github.com/o/r.git");
    f.git(dir, "config", "remote.origin.pushurl", "git@github.com:o/r.git");
    f.git(dir, "update-ref", "refs/remotes/origin/main", "HEAD");
    f.git(dir, "remote", "add", "upstream", "git@gitlab.com:up/r.git");
    f.git(dir, "update-ref", "refs/remotes/upstream/main", "HEAD");
    f.git(dir, "config", "branch.main.remote", "origin");
    f.git(dir, "config", "branch.main.merge", "refs/heads/main");
    write(dir, "ahead.txt", "a\n");
    f.commitAll(dir, "ahead of origin");
    return dir;
  }

  public static Path branchSlashes(GitFixture f, Path dir) {
    std(f, dir);
    f.git(dir, "remote", "add", "origin", "https://github.com/o/r.git");
    f.git(dir, "update-ref", "refs/remotes/origin/release/v1/x", "HEAD");
    f.git(dir, "checkout", "-q", "-b", "feature/x");
    f.git(dir, "config", "branch.feature/x.remote", "origin");
    f.git(dir, "config", "branch.feature/x.merge", "refs/heads/release/v1/x");
    write(dir, "f.txt", "f\n");
    f.commitAll(dir, "on feature/x");
    return dir;
  }

  /** A bare submodule source beside {@code dir}: lib.txt (4 lines) and inc/lib.h. */
  private static Path sublib(GitFixture f, Path dir) {
    Path bare = dir.resolveSibling(dir.getFileName() + "-sublib.git");
    GitFixture.mkdirs(bare);
    f.git(bare, "init", "-q", "--bare", "-b", "main");
    Path seed = dir.resolveSibling(dir.getFileName() + "-subseed");
    f.init(seed);
    write(seed, "lib.txt", lines("lib", 4));
    write(seed, "inc/lib.h", "h\n");
    f.commitAll(seed, "lib");
    f.git(seed, "push", "-q", bare.toString(), "main");
    return bare;
  }

  private static Path superRepo(GitFixture f, Path dir, boolean commit) {
    Path lib = sublib(f, dir);
    std(f, dir);
    f.git(dir, "submodule", "add", "-q", lib.toString(), "libs/sub");
    if (commit) {
      f.commitAll(dir, "add submodule");
    }
    return dir;
  }

  public static Path submodule(GitFixture f, Path dir) {
    return superRepo(f, dir, true);
  }

  public static Path submoduleDirty(GitFixture f, Path dir) {
    superRepo(f, dir, true);
    write(dir, "libs/sub/lib.txt", lines("lib", 4) + "changed\n");
    write(dir, "libs/sub/untracked.txt", "u\n");
    return dir;
  }

  public static Path submoduleDeinit(GitFixture f, Path dir) {
    superRepo(f, dir, true);
    f.git(dir, "submodule", "deinit", "-q", "-f", "libs/sub");
    return dir;
  }

  public static Path submoduleStaged(GitFixture f, Path dir) {
    return superRepo(f, dir, false);
  }

  public static Path gitmodulesStaleEntry(GitFixture f, Path dir) {
    superRepo(f, dir, true);
    GitFixture.append(
        dir, ".gitmodules", "[submodule \"old\"]\n\tpath = old/gone\n\turl = ../gone.git\n");
    f.commitAll(dir, "stale .gitmodules entry");
    return dir;
  }

  public static Path separateGitdir(GitFixture f, Path dir) {
    GitFixture.mkdirs(dir);
    Path gitdir = dir.resolveSibling(dir.getFileName() + "-gitdir.git");
    f.git(dir, "init", "-q", "-b", "main", "--separate-git-dir=" + gitdir);
    write(dir, "s.txt", lines("s", 2));
    f.commitAll(dir, "sep");
    write(dir, "s.txt", lines("s", 3));
    return dir;
  }

  /** The linked worktree of a repository built in {@code dir-main}; returns {@code dir}. */
  public static Path worktreeLinked(GitFixture f, Path dir) {
    Path main = dir.resolveSibling(dir.getFileName() + "-main");
    std(f, main);
    f.git(main, "branch", "feature");
    f.git(main, "worktree", "add", "-q", dir.toString(), "feature");
    write(dir, "wip.txt", "wip\n");
    return dir;
  }

  /** A {@code .git} file naming a missing directory: git cannot read it. */
  public static Path brokenGitfile(GitFixture f, Path dir) {
    write(dir, ".git", "gitdir: ./missing-gitdir\n");
    write(dir, "f.txt", "f\n");
    return dir;
  }

  private static Path small(GitFixture f, Path dir) {
    f.init(dir);
    for (int i = 0; i < 40; i++) {
      write(dir, String.format("d%d/f%02d.txt", i % 5, i), lines("f" + i, 3));
    }
    f.commitAll(dir, "initial");
    return dir;
  }

  public static Path indexV4(GitFixture f, Path dir) {
    small(f, dir);
    f.git(dir, "update-index", "--index-version", "4");
    write(dir, "d1/f01.txt", lines("f1", 4));
    write(dir, "d2/f02.txt", lines("f2", 2));
    write(dir, "zz-untracked.txt", "u\n");
    return dir;
  }

  public static Path splitIndex(GitFixture f, Path dir) {
    small(f, dir);
    f.git(dir, "config", "core.splitIndex", "true");
    f.git(dir, "update-index", "--split-index");
    write(dir, "d3/f03.txt", lines("f3", 4));
    f.git(dir, "add", "d3/f03.txt");
    write(dir, "d4/f04.txt", "replaced\n");
    return dir;
  }

  public static Path untrackedCache(GitFixture f, Path dir) {
    small(f, dir);
    f.git(dir, "config", "core.untrackedCache", "true");
    f.git(dir, "update-index", "--untracked-cache");
    f.git(dir, "status", "--porcelain");
    write(dir, "new/x.txt", "x\n");
    write(dir, "y.txt", "y\n");
    return dir;
  }

  public static Path autocrlf(GitFixture f, Path dir) {
    f.init(dir);
    write(dir, "lf.txt", lines("lf", 3));
    write(dir, "mod.txt", lines("mod", 3));
    write(dir, "crlf-in-index.txt", lines("crlf", 2).replace("\n", "\r\n"));
    f.commitAll(dir, "mixed eol");
    f.git(dir, "config", "core.autocrlf", "true");
    Scenarios.delete(dir.resolve("lf.txt"));
    Scenarios.delete(dir.resolve("mod.txt"));
    f.git(dir, "checkout", "--", "lf.txt", "mod.txt");
    write(dir, "mod.txt", (lines("mod", 3) + "mod added\n").replace("\n", "\r\n"));
    return dir;
  }

  public static Path sparseCone(GitFixture f, Path dir) {
    std(f, dir, "dirA/a.txt", lines("a", 2), "dirB/b.txt", lines("b", 2), "top.txt", "t\n");
    f.git(dir, "sparse-checkout", "set", "--cone", "dirA");
    write(dir, "dirA/a.txt", lines("a", 3));
    return dir;
  }

  public static Path sparseIndex(GitFixture f, Path dir) {
    std(f, dir, "dirA/a.txt", lines("a", 2), "dirB/sub/b.txt", lines("b", 2), "top.txt", "t\n");
    f.git(dir, "sparse-checkout", "init", "--cone", "--sparse-index");
    f.git(dir, "sparse-checkout", "set", "dirA");
    return dir;
  }

  public static Path localIdent(GitFixture f, Path dir) {
    std(f, dir);
    f.git(dir, "config", "user.name", "Local Person");
    f.git(dir, "config", "user.email", "local@fleet.invalid");
    return dir;
  }

  /**
   * Spaces, unicode, newline, tab and a quote in names; a staged rename to a unicode name. Built by
   * a shell script with octal escapes, because the test JVM may run in the C locale.
   */
  public static Path weirdNames(GitFixture f, Path dir) {
    f.init(dir);
    sh(
        f,
        dir,
        """
        u=$(printf '\\303\\274n\\303\\257c\\303\\266d\\303\\251 \\346\\226\\207\\344\\273\\266.txt')
        nl=$(printf 'new\\nline.txt.')
        nl=${nl%.}
        tab=$(printf 'tab\\there.txt')
        printf 's line 1\\ns line 2\\n' > 'with space.txt'
        printf 'u line 1\\nu line 2\\n' > "$u"
        printf 'n line 1\\nn line 2\\n' > "$nl"
        printf 't line 1\\nt line 2\\n' > "$tab"
        printf 'q line 1\\nq line 2\\n' > 'quote"s.txt'
        git add -A && git commit -q -m 'odd names'
        printf 's line 1\\ns line 2\\ns line 3\\n' > 'with space.txt'
        printf 'n line 1\\n' > "$nl"
        rm "$tab"
        git mv 'quote"s.txt' "$(printf 'renamed \\342\\234\\223.txt')"
        unl=$(printf 'untracked\\nnewline.txt.')
        printf 'x\\n' > "${unl%.}"
        mkdir "$(printf '\\303\\274 dir')"
        printf 'y\\n' > "$(printf '\\303\\274 dir')/inside.txt"
        """);
    return dir;
  }

  /** A SHA-256 repository with one change and one untracked file. */
  public static Path sha256(GitFixture f, Path dir) {
    GitFixture.mkdirs(dir);
    f.git(dir, "init", "-q", "-b", "main", "--object-format=sha256");
    write(dir, "a.txt", lines("a", 2));
    f.commitAll(dir, "sha256");
    GitFixture.append(dir, "a.txt", "more\n");
    write(dir, "u.txt", "u\n");
    return dir;
  }

  /** extensions.worktreeConfig with a per-worktree user.name. */
  public static Path worktreeConfig(GitFixture f, Path dir) {
    std(f, dir);
    f.git(dir, "config", "extensions.worktreeConfig", "true");
    f.git(dir, "config", "--worktree", "user.name", "Worktree Person");
    f.git(dir, "config", "--worktree", "user.email", "wt@test.invalid");
    return dir;
  }

  /**
   * HEAD as a symbolic link to the branch (what core.preferSymlinkRefs wrote): git status still
   * names the branch (main); JGit would read the commit id behind the link as a detached HEAD
   * (DETACHED@...). The row says main, and "!" as upstream does: its detached test reads the HEAD
   * file's text, which through the link is a commit id (fleet SPEC, "detached").
   */
  public static Path symlinkHead(GitFixture f, Path dir) {
    std(f, dir);
    Path head = dir.resolve(".git/HEAD");
    try {
      java.nio.file.Files.delete(head);
      java.nio.file.Files.createSymbolicLink(head, Path.of("refs/heads/main"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  /** Runs a POSIX shell script in {@code dir} with the fixture's environment. */
  public static void sh(GitFixture f, Path dir, String script) {
    ProcessBuilder pb = new ProcessBuilder("sh", "-ec", script).directory(dir.toFile());
    pb.environment().remove("GIT_DIR");
    pb.environment().putAll(f.environment());
    pb.redirectErrorStream(true);
    try {
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new AssertionError("script failed in " + dir + ": " + out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
