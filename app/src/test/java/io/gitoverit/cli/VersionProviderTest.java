package io.gitoverit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --version}: the build's version, the Java runtime, and the git on PATH. */
class VersionProviderTest {
  @TempDir Path tmp;

  @Test
  void printsThePomVersionTheJavaRuntimeAndWhatGitSays() throws Exception {
    CliRun r = CliRun.production("--version");
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(3, lines.size(), r.out());

    String pomVersion = System.getProperty("gitoverit.version");
    assertTrue(pomVersion != null && !pomVersion.isEmpty(), "the build passes the pom's version");
    assertEquals("gitoverit " + pomVersion, lines.get(0));

    assertTrue(lines.get(1).startsWith("Java " + Runtime.version() + " ("), lines.get(1));
    assertTrue(lines.get(1).endsWith(", " + System.getProperty("java.home")), lines.get(1));

    Path git = VersionProvider.onPath("git", System.getenv("PATH")).orElseThrow();
    Process p = new ProcessBuilder(git.toString(), "--version").redirectErrorStream(true).start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertEquals(0, p.waitFor());
    assertEquals(said + ", " + git, lines.get(2));
  }

  @Test
  void aMissingGitIsSaidInOneLine() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    assertEquals(
        "git: not found on PATH (needed for the repositories JGit cannot read, and for -f, -P, -U)",
        VersionProvider.gitLine("git", empty + ":" + tmp.resolve("missing")));
  }

  @Test
  void aGitThatFailsIsSaidInOneLine() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path git =
        Files.writeString(
            bin.resolve("git"), "#!/bin/sh\necho 'fatal: \033[31mbroken\033[0m' >&2\nexit 3\n");
    Files.setPosixFilePermissions(git, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertEquals(
        "error: fatal: ?[31mbroken?[0m, " + git, VersionProvider.gitLine("git", bin.toString()));
  }
}
