package io.gitoverit.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.gitoverit.analysis.AnalysisException;
import io.gitoverit.analysis.AnalysisOptions;
import io.gitoverit.analysis.gitexe.GitExeAnalyzer;
import io.gitoverit.analysis.gitexe.GitRunner;
import io.gitoverit.report.RepoReport;
import io.gitoverit.testing.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Remotes that hang or ask for credentials, served on 127.0.0.1: an action must end, never prompt,
 * and leave no process behind. The JUnit timeouts only guard the build; the assertions are about
 * what the report says and what the server saw.
 */
class SafeSyncNetworkTest {
  @TempDir Path tmp;

  /** The test's git never goes through a proxy, so loopback stays loopback. */
  static GitRunner loopbackGit() {
    return GitRunner.standard()
        .withEnvironment(
            Map.of("NO_PROXY", "127.0.0.1,localhost", "no_proxy", "127.0.0.1,localhost"),
            Set.of(
                "http_proxy",
                "https_proxy",
                "HTTP_PROXY",
                "HTTPS_PROXY",
                "ALL_PROXY",
                "all_proxy"));
  }

  Path cloneWithRemote(String url) {
    GitFixture f = new GitFixture(tmp);
    Path repo = f.repoWithCommit(tmp.resolve("repo"), "a.txt", "a\n");
    f.git(repo, "remote", "add", "origin", url);
    return repo;
  }

  static RepoReport fetch(GitRunner git, Path repo, Duration limit) throws AnalysisException {
    SyncPlan plan = SyncPlan.of(true, false, false).withTimeout(limit);
    return new SafeSync(new GitExeAnalyzer(git), git, plan, 1, Map.of())
        .analyze(repo, AnalysisOptions.FULL);
  }

  @ParameterizedTest
  @ValueSource(strings = {"git://127.0.0.1:%d/r.git", "http://127.0.0.1:%d/r.git"})
  @Timeout(60)
  void aSilentRemoteCostsOneTimeoutAndLeavesNoProcessBehind(String pattern) throws Exception {
    try (LoopbackServers.Silent server = new LoopbackServers.Silent()) {
      Path repo = cloneWithRemote(String.format(pattern, server.port()));
      RepoReport r = fetch(loopbackGit(), repo, Duration.ofSeconds(2));
      assertTrue(server.wasContacted());
      assertTrue(r.sync().fetchFailed());
      assertEquals(
          "fetch failed: timed out after 2 s (git and its helpers were stopped)",
          r.sync().detail().orElseThrow());
      assertEquals("main", r.branch(), "the repository is still reported");
      // For http the connection belongs to git-remote-http, a child of git: it closes only if
      // the whole tree was killed.
      assertTrue(server.clientGoneWithin(20), "the process holding the connection is gone");
    }
  }

  @Test
  @Timeout(60)
  void aRemoteAskingForCredentialsFailsAtOnceWithoutRunningAnyAskpass() throws Exception {
    HttpServer http = LoopbackServers.unauthorized();
    try {
      Path marker = tmp.resolve("askpass-ran");
      Path askpass =
          GitFixture.write(tmp, "askpass.sh", "#!/bin/sh\ntouch '" + marker + "'\necho secret\n");
      assertTrue(askpass.toFile().setExecutable(true));
      Path repo = cloneWithRemote("http://127.0.0.1:" + http.getAddress().getPort() + "/r.git");
      new GitFixture(tmp).git(repo, "config", "core.askPass", askpass.toString());
      GitRunner git =
          loopbackGit()
              .withEnvironment(
                  Map.of("GIT_ASKPASS", askpass.toString(), "SSH_ASKPASS", askpass.toString()),
                  Set.of());

      RepoReport r = fetch(git, repo, Duration.ofSeconds(50));

      assertTrue(r.sync().fetchFailed());
      String why = r.sync().detail().orElseThrow();
      assertTrue(why.startsWith("fetch failed: authentication needed: "), why);
      assertTrue(why.contains("terminal prompts disabled"), why);
      assertFalse(Files.exists(marker), "no askpass program was asked");
    } finally {
      http.stop(0);
    }
  }
}
