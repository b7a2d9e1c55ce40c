package io.gitoverit.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When link counts may stand in for an lstat per entry, and when they may not. */
class LeafHintTest {

  @Test
  void linkCountsAreTrustedOnlyOnceTheRootListingAgreedAndADisagreementRevokesThem() {
    LeafHint hint = new LeafHint();
    Object dev = 7L;
    assertEquals(-1, hint.knownSubdirs(3, dev), "nothing is trusted before a root was checked");
    hint.observe(4, dev, 2); // no root started: the device is not the root's
    assertEquals(-1, hint.knownSubdirs(3, dev));
  }

  @Test
  void skipsTheLstatOfFilesOnceAllSubdirectoriesWereSeen() throws IOException {
    try (FileSystem fs = Jimfs.newFileSystem(RepositoryWalkerTest.UNIX_WITH_NLINK)) {
      Path w = tree(fs);
      RepositoryWalker walker = new RepositoryWalker(List.of(w), false, new FakeIgnoreOracle());
      assertEquals(
          List.of(w.resolve("r"), w.resolve("zz/deep/s")), RepositoryWalkerTest.drain(walker));
      // 50 leaf directories with one file each, the files in r, and some of the root's files.
      assertTrue(
          walker.entriesNotInspected() >= 50, () -> "spared " + walker.entriesNotInspected());
    }
  }

  @Test
  void inspectsEveryEntryWithoutLinkCounts() throws IOException {
    try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
      Path w = tree(fs);
      RepositoryWalker walker = new RepositoryWalker(List.of(w), false, new FakeIgnoreOracle());
      assertEquals(
          List.of(w.resolve("r"), w.resolve("zz/deep/s")), RepositoryWalkerTest.drain(walker));
      assertEquals(0, walker.entriesNotInspected());
    }
  }

  @Test
  void aDirectoryWhoseLinkCountUndercountsIsNotTrustedAgain() throws IOException {
    try (FileSystem fs = Jimfs.newFileSystem(RepositoryWalkerTest.UNIX_WITH_NLINK)) {
      Path w = tree(fs);
      LeafHint hint = new LeafHint();
      LeafHint.Stat root = hint.startRoot(w);
      hint.observe(root.nlink(), root.device(), (int) root.nlink() - 2);
      assertEquals(5, hint.knownSubdirs(7, root.device()));
      assertEquals(-1, hint.knownSubdirs(7, "another device"), "mount points are never trusted");
      hint.observe(3, root.device(), 4);
      assertEquals(-1, hint.knownSubdirs(7, root.device()));
    }
  }

  private static Path tree(FileSystem fs) throws IOException {
    Path w = fs.getPath("/w");
    Files.createDirectories(w.resolve("r/.git"));
    Files.writeString(w.resolve("r/readme"), "x");
    for (int i = 0; i < 50; i++) {
      Files.writeString(Files.createDirectories(w.resolve("leaf" + i)).resolve("f"), "x");
      Files.writeString(w.resolve("file" + i), "x");
    }
    Files.createDirectories(w.resolve("zz/deep/s/.git"));
    return w;
  }
}
