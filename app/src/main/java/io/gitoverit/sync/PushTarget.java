package io.gitoverit.sync;

import io.gitoverit.analysis.gitexe.RepoConfig;
import java.util.Optional;

/**
 * Where {@code --push-safe} pushes: the current branch's configured upstream, as upstream's {@code
 * _upstream_push_target} finds it ({@code branch.<b>.remote} naming a configured remote, {@code
 * branch.<b>.merge} naming a branch there), pushed as {@code HEAD:refs/heads/<branch>}.
 */
record PushTarget(String remote, String branch) {

  /** The refspec: exactly the upstream branch, never forced. */
  String refspec() {
    return "HEAD:refs/heads/" + branch;
  }

  /** The target of local branch {@code localBranch}, if it has one on a configured remote. */
  static Optional<PushTarget> of(RepoConfig config, String localBranch) {
    Optional<String> remote = config.get("branch." + localBranch + ".remote");
    Optional<String> merge = config.get("branch." + localBranch + ".merge");
    if (remote.isEmpty() || merge.isEmpty() || !merge.get().startsWith("refs/heads/")) {
      return Optional.empty();
    }
    String branch = merge.get().substring("refs/heads/".length());
    if (branch.isEmpty() || !isRemote(config, remote.get())) {
      return Optional.empty();
    }
    return Optional.of(new PushTarget(remote.get(), branch));
  }

  /** Whether some {@code remote.<name>.*} key exists ({@code .} is no remote). */
  static boolean isRemote(RepoConfig config, String name) {
    return SafeSync.remoteNames(config).contains(name);
  }
}
