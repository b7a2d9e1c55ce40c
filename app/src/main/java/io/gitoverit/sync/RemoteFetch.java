package io.gitoverit.sync;

import io.gitoverit.analysis.gitexe.GitRunner;
import io.gitoverit.analysis.gitexe.RepoConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code git fetch} of a whole repository, outside a scan (gitob's {@code --fetch}): the user's
 * git, under the same rules as the scan's fetch ({@link NetworkGit}: no prompt, no terminal, a time
 * limit after which git and its helpers are stopped).
 */
public final class RemoteFetch {
  private RemoteFetch() {}

  /**
   * Runs {@code git fetch args...} in {@code root}.
   *
   * @param processEnvironment the environment git inherits (does the user choose an ssh command?)
   * @return why the fetch failed, in one line; empty when it succeeded
   */
  public static Optional<String> run(
      GitRunner git,
      Map<String, String> processEnvironment,
      Path root,
      Duration limit,
      String... args) {
    RepoConfig config;
    try {
      GitRunner.Result r = git.run(root, "config", "--list", "-z", "--show-scope");
      if (!r.ok()) {
        return Optional.of("fetch failed: " + r.errorLine("git config"));
      }
      config = RepoConfig.parse(r.stdout());
    } catch (IOException e) {
      return Optional.of("fetch failed: " + e.getMessage());
    }
    String[] all = new String[args.length + 1];
    all[0] = "fetch";
    System.arraycopy(args, 0, all, 1, args.length);
    return new NetworkGit(git, processEnvironment).run(root, config, limit, all).failure();
  }
}
