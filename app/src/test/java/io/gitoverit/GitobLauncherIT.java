package io.gitoverit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.testing.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers the build writes beside the jar ({@code target/gitob}, {@code target/gito}, {@code
 * target/gitoverit}), run as a shell finds them: through symbolic links in a folder on PATH, from
 * another folder.
 */
class GitobLauncherIT {
  @TempDir Path tmp;

  private static Path target() {
    return Path.of(System.getProperty("gitoverit.jar", "target/gitoverit.jar"))
        .toAbsolutePath()
        .getParent();
  }

  private Map<String, String> env(GitFixture fx, Path bin) {
    Map<String, String> env = new HashMap<>(fx.environment());
    env.put("PATH", bin + ":" + System.getenv("PATH"));
    env.put("GITOVERIT_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    env.put("GITOVERIT_CDS", "0");
    env.put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
    return env;
  }

  private static DistributionIT.Proc onPath(
      Path cwd, Map<String, String> env, String command, String... args) throws Exception {
    String[] cmd = new String[args.length + 4];
    cmd[0] = "sh";
    cmd[1] = "-c";
    cmd[2] = command + " \"$@\"";
    cmd[3] = "sh";
    System.arraycopy(args, 0, cmd, 4, args.length);
    return DistributionIT.exec(cwd, env, cmd);
  }

  @Test
  void eachLauncherRunsItsProgramThroughALinkOnPath() throws Exception {
    GitFixture fx = new GitFixture(tmp);
    Path repo = fx.repoWithCommit(tmp.resolve("work/repo"), "a.txt", "a\n");
    fx.git(repo, "branch", "topic");
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    for (String name : new String[] {"gitob", "gito", "gitoverit"}) {
      Path launcher = target().resolve(name);
      assertTrue(Files.isExecutable(launcher), "launcher missing: " + launcher);
      Files.createSymbolicLink(bin.resolve(name), launcher);
    }
    // A link under another name still runs the program its target is named for.
    Files.createSymbolicLink(bin.resolve("branches"), bin.resolve("gitob"));
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Map<String, String> env = env(fx, bin);

    DistributionIT.Proc gitob = onPath(elsewhere, env, "gitob", "--json", repo.toString());
    assertEquals(0, gitob.exit(), gitob.err());
    assertTrue(gitob.out().contains("\"branch\": \"topic\""), gitob.out());
    assertTrue(gitob.out().contains("\"worktree\": \"here\""), gitob.out());
    assertEquals(gitob, onPath(elsewhere, env, "branches", "--json", repo.toString()));

    DistributionIT.Proc gito =
        onPath(elsewhere, env, "gito", "--format", "json", "--no-progress", repo.toString());
    assertEquals(0, gito.exit(), gito.err());
    assertTrue(gito.out().contains("\"status\": \"clean\""), gito.out());
    assertEquals(
        gito,
        onPath(elsewhere, env, "gitoverit", "--format", "json", "--no-progress", repo.toString()));

    DistributionIT.Proc version = onPath(elsewhere, env, "gitob", "--version");
    assertEquals(0, version.exit(), version.err());
    assertTrue(version.out().startsWith("gitob "), version.out());

    DistributionIT.Proc notRepo = onPath(elsewhere, env, "gitob", elsewhere.toString());
    assertEquals(1, notRepo.exit());
    assertEquals(1, notRepo.err().lines().count(), notRepo.err());
    assertTrue(notRepo.err().contains(elsewhere.toString()), notRepo.err());
  }
}
