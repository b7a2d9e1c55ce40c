package io.gitoverit.analysis;

import io.gitoverit.testing.GitFixture;
import java.nio.file.Path;

/**
 * Upstream's PullSafe/PushSafe set-up: a bare remote with one commit on main, and two clones of it,
 * {@code local} (the one under test) and {@code other} (a colleague who pushes).
 */
public record RemoteTriple(GitFixture f, Path remote, Path local, Path other) {

  public static RemoteTriple create(GitFixture f, Path dir) {
    Path remote = dir.resolve("remote.git");
    GitFixture.mkdirs(remote);
    f.git(remote, "init", "-q", "--bare", "-b", "main");
    Path seed = f.init(dir.resolve("seed"));
    GitFixture.write(seed, "README.md", "seed\n");
    f.commitAll(seed, "seed");
    f.git(seed, "remote", "add", "origin", remote.toString());
    f.git(seed, "push", "-q", "--set-upstream", "origin", "main");
    f.git(dir, "clone", "-q", remote.toString(), "local");
    f.git(dir, "clone", "-q", remote.toString(), "other");
    return new RemoteTriple(f, remote, dir.resolve("local"), dir.resolve("other"));
  }

  /** Commits a file in {@code clone}. */
  public void commit(Path clone, String file, String content) {
    GitFixture.write(clone, file, content);
    f.commitAll(clone, "change " + file);
  }

  /** The colleague commits and pushes, so {@code local} becomes behind after a fetch. */
  public void otherPushes(String file) {
    commit(other, file, "remote\n");
    f.git(other, "push", "-q", "origin", "main");
  }

  /** The commit a ref names in {@code repo} ({@code git rev-parse}). */
  public String rev(Path repo, String ref) {
    return f.git(repo, "rev-parse", "--verify", "-q", ref).strip();
  }

  /** Every ref of {@code repo} with its commit, for before/after comparisons. */
  public String refs(Path repo) {
    return f.git(repo, "for-each-ref", "--format=%(refname) %(objectname)");
  }
}
