package io.gitoverit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.testing.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -P -U} over a fleet of clones with local remotes in every state: exactly the repositories
 * the rules allow change, as the refs before and after show.
 */
class FleetActionsCommandTest {
  @TempDir Path tmp;

  /** One clone of its own bare remote, plus a colleague's clone that can push to it. */
  record Clone(String name, Path local, Path remote, Path other) {}

  GitFixture f;
  final Map<String, Clone> fleet = new LinkedHashMap<>();

  Clone clone(String name) {
    Path base = tmp.resolve("remotes").resolve(name);
    Path remote = base.resolve("remote.git");
    GitFixture.mkdirs(remote);
    f.git(remote, "init", "-q", "--bare", "-b", "main");
    Path seed = f.repoWithCommit(base.resolve("seed"), "README.md", "seed\n");
    f.git(seed, "push", "-q", remote.toString(), "main");
    GitFixture.mkdirs(tmp.resolve("fleet"));
    f.git(tmp.resolve("fleet"), "clone", "-q", remote.toString(), name);
    f.git(base, "clone", "-q", remote.toString(), "other");
    Clone c = new Clone(name, tmp.resolve("fleet").resolve(name), remote, base.resolve("other"));
    fleet.put(name, c);
    return c;
  }

  void commit(Path repo, String file) {
    GitFixture.write(repo, file, file + "\n");
    f.commitAll(repo, file);
  }

  void otherPushes(Clone c) {
    commit(c.other(), "theirs.txt");
    f.git(c.other(), "push", "-q", "origin", "main");
  }

  /**
   * Local branches and HEAD of the clone, all refs of the remote (remote-tracking refs move with
   * every fetch).
   */
  String refs(Clone c) {
    return f.git(
            c.local(),
            "for-each-ref",
            "--format=%(refname) %(objectname)",
            "refs/heads",
            "refs/tags")
        + "HEAD "
        + f.git(c.local(), "rev-parse", "HEAD")
        + f.git(c.remote(), "for-each-ref", "--format=remote %(refname) %(objectname)");
  }

  Map<String, String> allRefs() {
    return fleet.values().stream().collect(Collectors.toMap(Clone::name, this::refs));
  }

  @Test
  void pullAndPushChangeExactlyTheRepositoriesTheRulesAllow() throws Exception {
    f = new GitFixture(tmp);
    otherPushes(clone("behind"));
    commit(clone("ahead").local(), "mine.txt");
    Clone renamed = clone("ahead-renamed");
    f.git(renamed.local(), "branch", "-q", "-m", "local-only");
    commit(renamed.local(), "mine.txt");
    Clone diverged = clone("diverged");
    commit(diverged.local(), "mine.txt");
    otherPushes(diverged);
    Clone dirtyBehind = clone("dirty-behind");
    otherPushes(dirtyBehind);
    GitFixture.write(dirtyBehind.local(), "scratch.txt", "wip\n");
    Clone dirtyAhead = clone("dirty-ahead");
    commit(dirtyAhead.local(), "mine.txt");
    GitFixture.append(dirtyAhead.local(), "README.md", "wip\n");
    Clone detached = clone("detached");
    f.git(detached.local(), "checkout", "-q", "--detach");
    commit(detached.local(), "mine.txt");
    Clone noUpstream = clone("no-upstream");
    f.git(noUpstream.local(), "checkout", "-q", "-b", "topic");
    commit(noUpstream.local(), "mine.txt");
    clone("in-sync");
    Path alone = f.repoWithCommit(tmp.resolve("fleet").resolve("no-remote"), "a.txt", "a\n");
    Map<String, String> before = allRefs();

    CliRun run =
        new RealWiring(tmp)
            .run("-P", "-U", "-o", "json", "-s", "dir", tmp.resolve("fleet").toString());

    assertEquals(0, run.exit(), run.err());
    Map<String, String> after = allRefs();
    Set<String> changed = new TreeSet<>();
    for (String name : before.keySet()) {
      if (!before.get(name).equals(after.get(name))) {
        changed.add(name);
      }
    }
    assertEquals(Set.of("ahead", "ahead-renamed", "behind"), changed);
    Clone behind = fleet.get("behind");
    assertEquals(
        f.git(behind.remote(), "rev-parse", "main"), f.git(behind.local(), "rev-parse", "HEAD"));
    for (String name : List.of("ahead", "ahead-renamed")) {
      Clone c = fleet.get(name);
      assertEquals(f.git(c.local(), "rev-parse", "HEAD"), f.git(c.remote(), "rev-parse", "main"));
    }
    assertEquals(
        "refs/heads/main\n", f.git(renamed.remote(), "for-each-ref", "--format=%(refname)"));
    String json = run.out().replaceAll("\\s+", " ");
    assertTrue(
        json.contains("\"display_path\": \"fleet/ahead\", \"fetch_failed\": false, \"ident\""),
        json);
    assertEquals(1, count(json, "\"pulled\": true"));
    assertEquals(2, count(json, "\"pushed\": true"));
    assertEquals(0, count(json, "_failed\": true"));
    assertFalse(json.contains("sync_error"), json);
    assertTrue(Files.exists(alone));
  }

  @Test
  void aRejectedPushIsMarkedKeptByDirtyOnlyExplainedByErrorsAndFailsTheRun() throws Exception {
    f = new GitFixture(tmp);
    Clone rejected = clone("rejected");
    Path hook = GitFixture.write(rejected.remote(), "hooks/pre-receive", "#!/bin/sh\nexit 1\n");
    assertTrue(hook.toFile().setExecutable(true));
    commit(rejected.local(), "mine.txt");
    clone("in-sync");
    RealWiring wiring = new RealWiring(tmp);

    CliRun table =
        wiring.run("-U", "-d", "--color", "never", "--errors", tmp.resolve("fleet").toString());
    assertEquals(1, table.exit(), table.err());
    List<String> rows = table.out().lines().filter(l -> l.contains("fleet/")).toList();
    assertEquals(1, rows.size(), table.out());
    assertTrue(rows.get(0).startsWith("! fleet/rejected"), rows.get(0));
    assertTrue(rows.get(0).contains("1\u2191"), rows.get(0));
    assertFalse(rows.get(0).contains(" U "), rows.get(0));
    assertTrue(
        table.err().contains("gitoverit: a fetch, pull or push failed in 1 repository"),
        table.err());
    assertTrue(
        table
            .err()
            .contains("fleet/rejected: push failed: rejected: ! [remote rejected] HEAD -> main"),
        table.err());

    CliRun json = wiring.run("-U", "-d", "-o", "json", tmp.resolve("fleet").toString());
    String flat = json.out().replaceAll("\\s+", " ");
    assertTrue(
        flat.contains("\"push_failed\": true, \"pushed\": false, \"remote\": \"origin/main\""),
        flat);
    assertTrue(
        flat.contains("\"sync_error\": \"push failed: rejected: ! [remote rejected] HEAD -> main"),
        flat);
    assertFalse(flat.contains("in-sync"), flat);
    assertTrue(json.err().contains("(--errors shows why)"), json.err());

    // Sorted by dir as upstream sorts it: by the shown path, "! " mark included, so first.
    CliRun sorted = wiring.run("-U", "-o", "json", "-s", "dir", tmp.resolve("fleet").toString());
    int failed = sorted.out().indexOf("\"! fleet/rejected\"");
    int fine = sorted.out().indexOf("\"fleet/in-sync\"");
    assertTrue(failed >= 0 && fine > failed, sorted.out());
  }

  @Test
  @Timeout(120)
  void aHangingRemoteCostsOneTimeoutAndTheScanGoesOn() throws Exception {
    f = new GitFixture(tmp);
    otherPushes(clone("behind"));
    Clone hanging = clone("hanging");
    try (java.net.ServerSocket silent =
        new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      // Accepts into the backlog and never answers: git waits for a reply that never comes.
      f.git(
          hanging.local(),
          "remote",
          "set-url",
          "origin",
          "git://127.0.0.1:" + silent.getLocalPort() + "/r.git");

      CliRun run =
          new RealWiring(tmp)
              .run(
                  "-P",
                  "-j",
                  "0",
                  "--net-timeout",
                  "1.5",
                  "-o",
                  "json",
                  "-s",
                  "dir",
                  tmp.resolve("fleet").toString());

      assertEquals(1, run.exit(), run.err());
      String flat = run.out().replaceAll("\\s+", " ");
      assertTrue(
          flat.contains("\"display_path\": \"fleet/behind\", \"fetch_failed\": false"), flat);
      assertEquals(1, count(flat, "\"pulled\": true"), flat);
      assertTrue(
          flat.contains("\"display_path\": \"! fleet/hanging\", \"fetch_failed\": true"), flat);
      assertTrue(flat.contains("\"sync_error\": \"fetch failed: timed out after 1.5 s"), flat);
    }
    assertEquals(
        f.git(fleet.get("behind").remote(), "rev-parse", "main"),
        f.git(fleet.get("behind").local(), "rev-parse", "HEAD"));
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
