package io.gitoverit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gitoverit.testing.GitFixture;
import io.gitoverit.testing.HostileFleet;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unreadable parts of a fleet are error rows, for what root cannot be denied: the jar runs as user
 * nobody (through {@code setpriv}) over a fleet owned by nobody in which some folders are mode 000.
 * Every unreadable part is an error row naming it, nothing is reported as deleted, nothing changes.
 */
class UnreadableIT {
  @TempDir Path tmp;

  @Test
  void unreadableFoldersAreErrorRowsNeverMissingFiles() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root to switch user");
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv");
    tmp = tmp.toRealPath();
    GitFixture f = new GitFixture(tmp);
    Path fleet = tmp.resolve("fleet");
    f.repoWithCommit(fleet.resolve("ok"), "a.txt", "a\n");
    f.repoWithCommit(fleet.resolve("locked-subdir"), "a.txt", "a\n", "sub/b.txt", "b\n");
    f.repoWithCommit(fleet.resolve("locked-git"), "a.txt", "a\n");
    Path untracked = f.repoWithCommit(fleet.resolve("locked-untracked"), "a.txt", "a\n");
    GitFixture.write(untracked, "newdir/f.txt", "f\n");
    f.repoWithCommit(fleet.resolve("locked-folder/inner"), "a.txt", "a\n");
    f.repoWithCommit(fleet.resolve("unsearchable-subdir"), "a.txt", "a\n", "sub/b.txt", "b\n");
    run(tmp, "chown", "-R", "nobody:nogroup", tmp.toString());
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    for (String locked :
        List.of(
            "locked-subdir/sub", "locked-git/.git", "locked-untracked/newdir", "locked-folder")) {
      Files.setPosixFilePermissions(
          fleet.resolve(locked), PosixFilePermissions.fromString("---------"));
    }
    // Readable but not searchable: the names list, no entry can be lstat'ed.
    Files.setPosixFilePermissions(
        fleet.resolve("unsearchable-subdir/sub"), PosixFilePermissions.fromString("r--r--r--"));
    Map<String, String> before = HostileFleet.snapshot(fleet);

    Path jar =
        Path.of(System.getProperty("gitoverit.jar", "target/gitoverit.jar")).toAbsolutePath();
    Path out = tmp.resolve("out.json");
    Path err = tmp.resolve("err.txt");
    ProcessBuilder pb =
        new ProcessBuilder(
                "setpriv",
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "--format",
                "json",
                "--no-progress",
                "--errors",
                "fleet")
            .directory(tmp.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    pb.environment().putAll(f.environment());
    pb.environment().put("LC_ALL", "C.UTF-8");
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process p = pb.start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    String json = Files.readString(out);
    String stderr = Files.readString(err);

    assertEquals(1, p.exitValue(), stderr);
    assertEquals(before, HostileFleet.snapshot(fleet));
    assertTrue(json.contains("\"display_path\": \"fleet/ok\""), json);
    assertEquals(
        1, json.lines().filter(l -> l.contains("\"status\"")).count(), "only ok is read: " + json);
    for (String[] row :
        new String[][] {
          {"fleet/locked-subdir", "cannot read the whole work tree: sub/b.txt: Permission denied"},
          {
            "fleet/locked-git",
            "cannot read " + fleet.resolve("locked-git/.git") + ": permission denied"
          },
          {
            "fleet/locked-untracked",
            "cannot read the whole work tree: warning: could not open directory 'newdir/'"
          },
          {"fleet/locked-folder", "permission denied"},
          {
            "fleet/unsearchable-subdir",
            "cannot read the whole work tree: sub/b.txt: Permission denied"
          }
        }) {
      assertTrue(
          stderr
              .lines()
              .anyMatch(
                  l ->
                      l.startsWith(tmp.resolve(row[0]) + ": " + row[1])
                          || l.startsWith(row[0] + ": " + row[1])),
          row[0] + "\n" + stderr);
    }
    assertFalse(json.contains("\"deleted\": 1"), json);
    // The folder inside the failed work tree is told by that repository's row, not a second one.
    assertFalse(json.contains("locked-subdir/sub"), json);
  }

  static void run(Path dir, String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).inheritIO().start();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue());
  }
}
