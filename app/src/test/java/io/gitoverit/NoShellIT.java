package io.gitoverit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.testing.GitFixture;
import io.gitoverit.testing.HostileFleet;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan runs no program a repository names, seen from outside the JVM: over the hostile fleet,
 * neither JGit (whose {@code FS.runInShell} starts filters, hooks and LFS through {@code sh}) nor
 * the git it starts runs a shell. {@code sh} and {@code bash} on the PATH leave a marker before
 * doing their job.
 */
class NoShellIT {
  @TempDir Path tmp;

  @Test
  void aScanOfTheHostileFleetStartsNoShell() throws Exception {
    tmp = tmp.toRealPath();
    GitFixture f = new GitFixture(tmp);
    HostileFleet fleet = new HostileFleet(f, tmp);
    Path bin = Files.createDirectories(tmp.resolve("fake-bin"));
    for (String shell : List.of("sh", "bash", "dash")) {
      Path p = bin.resolve(shell);
      Files.writeString(
          p,
          "#!/bin/dash\ntouch '"
              + fleet.markers.resolve("shell-" + shell)
              + "'\nexec /bin/"
              + shell
              + " \"$@\"\n");
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Path jar =
        Path.of(System.getProperty("gitoverit.jar", "target/gitoverit.jar")).toAbsolutePath();
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "--format",
                "json",
                "--no-progress",
                "fleet")
            .directory(tmp.toFile())
            .redirectOutput(tmp.resolve("out").toFile())
            .redirectError(tmp.resolve("err").toFile());
    pb.environment().putAll(f.environment());
    pb.environment().put("LC_ALL", "C.UTF-8");
    pb.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
    Process p = pb.start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    String out = Files.readString(tmp.resolve("out"));

    assertEquals(1, p.exitValue(), Files.readString(tmp.resolve("err")));
    assertEquals(List.of(), fleet.markersLeft());
    assertTrue(out.contains("\"display_path\": \"fleet/programs-direct\""), out);
    // The trap is real: a program that looks sh up on the same PATH leaves the marker.
    Process control =
        new ProcessBuilder(
                "env",
                "PATH=" + bin + File.pathSeparator + System.getenv("PATH"),
                "sh",
                "-c",
                "true")
            .start();
    assertTrue(control.waitFor(30, TimeUnit.SECONDS));
    assertEquals(List.of("shell-sh"), fleet.markersLeft());
  }
}
