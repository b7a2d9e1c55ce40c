package io.gitoverit.testing;

import java.nio.file.Path;

/**
 * A repository whose local branches are in every state gitob reports, built with real git under
 * {@code base}: {@code ahead} (2 commits), {@code behind} (1), {@code both} (1 and 1), {@code gone}
 * (its upstream pruned), {@code lonely} (no upstream), {@code local-up} (tracking the local {@code
 * main}, 1 ahead), {@code feature/x} (a slashed upstream), {@code café} and {@code 日本} (non-ASCII
 * names), {@code wt-clean} and {@code wt-dirty} (checked out in linked work trees {@code wt-clean}
 * and {@code linked/wt-dirty}, the second with 1 modified and 1 untracked file and 1 commit ahead
 * of origin/main), and {@code main}, current, with 1 untracked file. The remote {@code origin} was
 * a local bare repository; its URL is then set to an https one, which the table links to and which
 * no fetch can reach.
 */
public final class BranchStates {
  public final Path repo;
  public final Path cleanWorktree;
  public final Path dirtyWorktree;

  public BranchStates(GitFixture fx, Path base) {
    Path remote = base.resolve("remote.git");
    fx.git(base, "init", "-q", "--bare", remote.toString());
    Path seed = fx.repoWithCommit(base.resolve("seed"), "file.txt", "one\n");
    fx.git(
        seed,
        "push",
        "-q",
        remote.toString(),
        "main",
        "main:behind",
        "main:both",
        "main:gone-soon",
        "main:feature/deep/x");

    repo = base.resolve("repo");
    fx.git(base, "clone", "-q", remote.toString(), repo.toString());
    fx.git(repo, "checkout", "-q", "-b", "ahead", "--track", "origin/main");
    commit(fx, repo, "ahead one");
    commit(fx, repo, "ahead two");
    fx.git(repo, "branch", "-q", "--track", "behind", "origin/behind");
    fx.git(repo, "checkout", "-q", "-b", "both", "--track", "origin/both");
    commit(fx, repo, "local side");
    fx.git(repo, "checkout", "-q", "main");

    fx.git(seed, "checkout", "-q", "-b", "mover");
    commit(fx, seed, "remote moves");
    fx.git(seed, "push", "-q", remote.toString(), "mover:behind", "mover:both", ":gone-soon");
    fx.git(repo, "branch", "-q", "--track", "gone", "origin/gone-soon");
    fx.git(repo, "fetch", "-q", "--prune", "origin");

    fx.git(repo, "branch", "-q", "lonely");
    fx.git(repo, "checkout", "-q", "-b", "local-up", "--track", "main");
    commit(fx, repo, "ahead of local main");
    fx.git(repo, "checkout", "-q", "main");
    fx.git(repo, "branch", "-q", "--track", "feature/x", "origin/feature/deep/x");
    fx.git(repo, "branch", "-q", "caf\u00e9");
    fx.git(repo, "branch", "-q", "\u65e5\u672c", "ahead");

    fx.git(repo, "branch", "-q", "wt-clean");
    fx.git(repo, "branch", "-q", "--track", "wt-dirty", "origin/main");
    cleanWorktree = base.resolve("wt-clean");
    dirtyWorktree = base.resolve("linked/wt-dirty");
    fx.git(repo, "worktree", "add", "-q", cleanWorktree.toString(), "wt-clean");
    fx.git(repo, "worktree", "add", "-q", dirtyWorktree.toString(), "wt-dirty");
    commit(fx, dirtyWorktree, "dirty tree commit");
    GitFixture.append(dirtyWorktree, "file.txt", "changed\n");
    GitFixture.write(dirtyWorktree, "new.txt", "new\n");
    GitFixture.write(repo, "notes.txt", "local\n");
    // Last, after every fetch: an https URL the table can link to (a fetch now cannot connect).
    fx.git(repo, "remote", "set-url", "origin", URL);
  }

  /** The remote's URL, and its web page. */
  public static final String URL = "https://example.invalid/team/project.git";

  public static final String PAGE = "https://example.invalid/team/project";

  private static void commit(GitFixture fx, Path dir, String message) {
    GitFixture.append(dir, "file.txt", message + "\n");
    fx.commitAll(dir, message);
  }
}
