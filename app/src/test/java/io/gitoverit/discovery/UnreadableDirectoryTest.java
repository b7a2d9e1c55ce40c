package io.gitoverit.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gitoverit.testing.WalkListings;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A directory without read permission on the real file system is reported, not fatal. */
class UnreadableDirectoryTest {
  @TempDir Path tmp;

  @Test
  void anUnreadableDirectoryIsReportedAndTheWalkGoesOn() throws IOException {
    Path root = tmp.toRealPath();
    Path first = Files.createDirectories(root.resolve("a/.git")).getParent();
    Path locked =
        Files.createDirectories(root.resolve("b-locked/hidden/.git")).getParent().getParent();
    Path last = Files.createDirectories(root.resolve("c/.git")).getParent();
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    try {
      assumeTrue(cannotList(locked), "permissions are not enforced here (running as root?)");
      RepositoryWalker walker =
          WalkListings.applyTo(new RepositoryWalker(List.of(root), false, new FakeIgnoreOracle()));

      assertEquals(List.of(first, last), RepositoryWalkerTest.drain(walker));
      assertEquals(List.of(new WalkProblem(locked, "permission denied")), walker.problems());
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }

  private static boolean cannotList(Path dir) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      return false;
    } catch (AccessDeniedException e) {
      return true;
    }
  }
}
