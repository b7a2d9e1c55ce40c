package io.gitoverit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gitoverit.testing.GitFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive {@code target/gitoverit-VERSION.tar.gz} as people install it: unpacked anywhere and
 * linked onto PATH, or unpacked into a prefix such as ~/.local, then run from any folder.
 */
class DistributionIT {
  @TempDir Path tmp;

  record Proc(int exit, String out, String err) {}

  private static final String VERSION = System.getProperty("gitoverit.version");

  private static Path archive() {
    Path dist =
        Path.of(System.getProperty("gitoverit.dist", "target/gitoverit-" + VERSION + ".tar.gz"));
    assertTrue(Files.isRegularFile(dist), "archive missing: " + dist);
    return dist;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static Proc exec(Path dir, Map<String, String> env, String... cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().remove("MANPATH");
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    CompletableFuture<byte[]> err =
        CompletableFuture.supplyAsync(() -> JarIT.read(p.getErrorStream()));
    byte[] out = JarIT.read(p.getInputStream());
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + List.of(cmd));
    return new Proc(
        p.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err.get(), StandardCharsets.UTF_8));
  }

  /** Unpacks the archive into {@code into}; with {@code strip}, without its top folder. */
  private Path unpack(Path into, boolean strip) throws Exception {
    Files.createDirectories(into);
    List<String> cmd =
        new ArrayList<>(List.of("tar", "xzf", archive().toString(), "-C", into.toString()));
    if (strip) {
      cmd.add("--strip-components=1");
    }
    Proc p = exec(tmp, Map.of(), cmd.toArray(String[]::new));
    assertEquals(0, p.exit(), p.err());
    return strip ? into : into.resolve("gitoverit-" + VERSION);
  }

  /** An environment for the launchers: the fixture's git config, this JVM, no class-data cache. */
  private Map<String, String> env(GitFixture fx, Path pathFirst) {
    Map<String, String> env = new HashMap<>(fx.environment());
    env.put("PATH", pathFirst + ":" + System.getenv("PATH"));
    env.put("GITOVERIT_JAVA", java());
    env.put("GITOVERIT_CDS", "0");
    env.put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
    return env;
  }

  /** Runs {@code command} as a shell finds it on the PATH of {@code env}. */
  private static Proc onPath(Path cwd, Map<String, String> env, String command, String... args)
      throws Exception {
    List<String> cmd = new ArrayList<>(List.of("sh", "-c", command + " \"$@\"", "sh"));
    cmd.addAll(List.of(args));
    return exec(cwd, env, cmd.toArray(String[]::new));
  }

  private Path projects(GitFixture fx) {
    Path repo = fx.repoWithCommit(tmp.resolve("projects/one"), "a.txt", "a\n");
    GitFixture.append(repo, "a.txt", "more\n");
    return tmp.resolve("projects");
  }

  @Test
  void theArchiveHoldsTheLaunchersTheJarAndWhatTheJarGenerates() throws Exception {
    Path home = unpack(tmp.resolve("opt"), false);
    for (String launcher : List.of("bin/gitoverit", "bin/gito", "bin/gitob")) {
      assertTrue(Files.isExecutable(home.resolve(launcher)), launcher);
    }
    for (String file :
        List.of(
            "lib/gitoverit.jar", "share/doc/gitoverit/README.md", "share/doc/gitoverit/LICENSE")) {
      assertTrue(Files.isRegularFile(home.resolve(file)), file);
    }
    Map<String, List<String>> generated =
        Map.of(
            "man", List.of("share/man/man1/gitoverit.1"),
            "complete-bash",
                List.of(
                    "share/bash-completion/completions/gitoverit",
                    "share/bash-completion/completions/gito"),
            "complete-zsh", List.of("share/zsh/site-functions/_gitoverit"),
            "complete-fish",
                List.of(
                    "share/fish/vendor_completions.d/gitoverit.fish",
                    "share/fish/vendor_completions.d/gito.fish"));
    for (Map.Entry<String, List<String>> e : generated.entrySet()) {
      Proc p =
          exec(
              tmp,
              Map.of(),
              java(),
              "-jar",
              home.resolve("lib/gitoverit.jar").toString(),
              "--generate",
              e.getKey());
      assertEquals(0, p.exit(), p.err());
      for (String file : e.getValue()) {
        assertEquals(p.out(), Files.readString(home.resolve(file)), file);
      }
    }
    assertEquals(".so man1/gitoverit.1\n", Files.readString(home.resolve("share/man/man1/gito.1")));
    Map<String, String> gitob =
        Map.of(
            "man", "share/man/man1/gitob.1",
            "complete-bash", "share/bash-completion/completions/gitob",
            "complete-zsh", "share/zsh/site-functions/_gitob",
            "complete-fish", "share/fish/vendor_completions.d/gitob.fish");
    for (Map.Entry<String, String> e : gitob.entrySet()) {
      Proc p =
          exec(
              tmp,
              Map.of(),
              java(),
              "-Dgitoverit.program=gitob",
              "-jar",
              home.resolve("lib/gitoverit.jar").toString(),
              "--generate",
              e.getKey());
      assertEquals(0, p.exit(), p.err());
      assertTrue(p.out().contains("gitob"), p.out());
      assertEquals(p.out(), Files.readString(home.resolve(e.getValue())), e.getValue());
    }
  }

  @Test
  void aLinkOnPathRunsItFromAnyFolder() throws Exception {
    GitFixture fx = new GitFixture(tmp);
    Path projects = projects(fx);
    Path home = unpack(tmp.resolve("opt"), false);
    // A relative link through a linked folder, and an absolute one.
    Files.createSymbolicLink(tmp.resolve("opt/current"), home.getFileName());
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Files.createSymbolicLink(bin.resolve("gitoverit"), Path.of("../opt/current/bin/gitoverit"));
    Files.createSymbolicLink(bin.resolve("gito"), home.resolve("bin/gito"));
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Map<String, String> env = env(fx, bin);

    Proc direct =
        exec(
            elsewhere,
            fx.environment(),
            java(),
            "-jar",
            home.resolve("lib/gitoverit.jar").toString(),
            "--format",
            "json",
            "--no-progress",
            projects.toString());
    assertEquals(0, direct.exit(), direct.err());
    assertTrue(direct.out().contains("\"status\": \"1m (+1/-0)\""), direct.out());
    for (String name : List.of("gitoverit", "gito")) {
      Proc p =
          onPath(elsewhere, env, name, "--format", "json", "--no-progress", projects.toString());
      assertEquals(direct, p, name);
    }

    Proc version = onPath(elsewhere, env, "gito", "--version");
    assertEquals(0, version.exit(), version.err());
    assertEquals("gitoverit " + VERSION, version.out().lines().findFirst().orElseThrow());

    Proc completion =
        onPath(
            elsewhere,
            env,
            "bash",
            "--norc",
            "-c",
            "source <(gitoverit --generate complete-bash); complete -p gitoverit");
    assertEquals(0, completion.exit(), completion.err());
    assertEquals("complete -F _gitoverit gitoverit\n", completion.out());
  }

  @Test
  void unpackedIntoAPrefixTheLauncherAndTheManPageAreFound() throws Exception {
    GitFixture fx = new GitFixture(tmp);
    Path projects = projects(fx);
    Path local = unpack(tmp.resolve("local"), true);
    Map<String, String> env = env(fx, local.resolve("bin"));

    Proc p = onPath(tmp, env, "gitoverit", "--format", "json", "--no-progress", "projects");
    assertEquals(0, p.exit(), p.err());
    assertTrue(p.out().contains("\"display_path\": \"projects/one\""), p.out());
    assertTrue(
        p.out().contains("\"path\": \"" + projects.toRealPath().resolve("one") + "\""), p.out());

    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/man")),
        "man is not installed (Debian package man-db)");
    // man-db looks for ../share/man beside each folder on PATH.
    for (String page : List.of("gitoverit", "gito")) {
      Proc where = onPath(tmp, env, "man", "-w", page);
      assertEquals(0, where.exit(), where.err());
      assertEquals(
          local.resolve("share/man/man1/gitoverit.1").toString(), where.out().strip(), page);
    }
  }

  @Test
  void versionSaysSoWhenGitIsMissing() throws Exception {
    Path home = unpack(tmp.resolve("opt"), false);
    Proc p =
        exec(
            tmp,
            Map.of("PATH", tmp.resolve("nowhere").toString()),
            java(),
            "-jar",
            home.resolve("lib/gitoverit.jar").toString(),
            "--version");
    assertEquals(0, p.exit(), p.err());
    List<String> lines = p.out().lines().toList();
    assertEquals("gitoverit " + VERSION, lines.get(0));
    assertTrue(lines.get(2).startsWith("git: not found on PATH"), p.out());
  }
}
