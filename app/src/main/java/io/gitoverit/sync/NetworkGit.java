package io.gitoverit.sync;

import io.gitoverit.analysis.gitexe.Durations;
import io.gitoverit.analysis.gitexe.GitRunner;
import io.gitoverit.analysis.gitexe.GitTimeoutException;
import io.gitoverit.analysis.gitexe.RepoConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs fetch, pull and push with the user's git so that their ssh setup, credential helpers and
 * proxies apply, but never interactively: no terminal (see {@link GitRunner#runAction}), standard
 * input closed, {@code GIT_TERMINAL_PROMPT=0}, no askpass program, Git Credential Manager told not
 * to ask, ssh in batch mode unless the user chose their own ssh command, and a time limit after
 * which the whole process tree is killed.
 */
final class NetworkGit {
  /** The user's choice of ssh command, which batch mode must not override. */
  private static final List<String> OWN_SSH_VARIABLES = List.of("GIT_SSH_COMMAND", "GIT_SSH");

  private final GitRunner git;
  private final boolean userChoseSsh;

  NetworkGit(GitRunner git, Map<String, String> processEnvironment) {
    this.git = git;
    this.userChoseSsh = OWN_SSH_VARIABLES.stream().anyMatch(processEnvironment::containsKey);
  }

  /** What one action did: nothing to report, or why it failed. */
  record Outcome(Optional<String> failure) {
    boolean ok() {
      return failure.isEmpty();
    }
  }

  /**
   * Runs {@code git args...} in {@code root} within {@code limit}.
   *
   * @param config the repository's config (does it name its own {@code core.sshCommand}?)
   */
  Outcome run(Path root, RepoConfig config, Duration limit, String... args) {
    String op = args[0];
    try {
      GitRunner.Result r = runner(config).withTimeout(limit).runAction(root, args);
      return r.ok()
          ? new Outcome(Optional.empty())
          : new Outcome(Optional.of(op + " failed: " + reason(r)));
    } catch (GitTimeoutException e) {
      return new Outcome(
          Optional.of(
              op
                  + " failed: timed out after "
                  + Durations.text(limit)
                  + " (git and its helpers were stopped)"));
    } catch (IOException e) {
      return new Outcome(Optional.of(op + " failed: " + e.getMessage()));
    }
  }

  private GitRunner runner(RepoConfig config) {
    Map<String, String> env = new HashMap<>();
    env.put("GIT_TERMINAL_PROMPT", "0");
    // Empty, not unset: git then skips core.askPass and SSH_ASKPASS too, and fails instead.
    env.put("GIT_ASKPASS", "");
    env.put("SSH_ASKPASS_REQUIRE", "never");
    env.put("GCM_INTERACTIVE", "never");
    if (!userChoseSsh && config.get("core.sshcommand").isEmpty()) {
      env.put("GIT_SSH_COMMAND", "ssh -o BatchMode=yes");
    }
    return git.withEnvironment(env, Set.of());
  }

  /** Why git failed, in a few words, followed by git's own line. */
  static String reason(GitRunner.Result r) {
    List<String> lines = r.stderr().strip().lines().map(String::strip).toList();
    for (String line : lines) {
      String l = line.toLowerCase(Locale.ROOT);
      if (l.contains("terminal prompts disabled")
          || l.contains("authentication failed")
          || l.contains("permission denied (")
          || l.contains("could not read username")
          || l.contains("could not read password")
          || l.contains("returned error: 401")
          || l.contains("returned error: 403")
          || l.contains("host key verification failed")) {
        return "authentication needed: " + line;
      }
    }
    for (String line : lines) {
      if (line.contains("[rejected]") || line.contains("[remote rejected]")) {
        return "rejected: " + line;
      }
      if (line.contains("Not possible to fast-forward")
          || line.contains("Diverging branches can't be fast-forwarded")) {
        return "not fast-forward: " + line;
      }
    }
    for (String line : lines) {
      if (line.startsWith("fatal: ") || line.startsWith("error: ")) {
        return line;
      }
    }
    return r.errorLine("git");
  }
}
