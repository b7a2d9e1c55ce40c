package io.gitoverit.analysis.jgit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gitoverit.fs.EntryStats;
import io.gitoverit.fs.TypedListing;
import io.gitoverit.fs.TypedListings;
import io.gitoverit.testing.Fifos;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.FileTreeIterator.FileEntry;
import org.eclipse.jgit.treewalk.WorkingTreeIterator.Entry;
import org.eclipse.jgit.util.FS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guarded file system's folder listing, native against JGit's own (a {@code lstat} per entry by
 * its whole path): the same entries, and for each the same file, mode, length and modification
 * time, and the same attributes handed to the mode strategy. Runs where the platform has the native
 * layer (the build's JDK 22+ test run).
 */
class GuardedFsListingTest {
  @TempDir Path tmp;

  @Test
  void nativeListingGivesJGitWhatItsOwnListingGives() throws Exception {
    EntryStats stats = TypedListings.typedListing().flatMap(TypedListing::entryStats).orElse(null);
    assumeTrue(stats != null);
    Path dir = Files.createDirectories(tmp.resolve("work")).toRealPath();
    Files.writeString(dir.resolve("plain.txt"), "hello\n");
    Path script = Files.writeString(dir.resolve("run.sh"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr--r--"));
    Files.createDirectories(dir.resolve("sub/inner"));
    Files.createDirectories(dir.resolve("nested/.git"));
    Files.createSymbolicLink(dir.resolve("link"), Path.of("plain.txt"));
    Files.createSymbolicLink(dir.resolve("dangling"), Path.of("nowhere"));
    Files.writeString(dir.resolve("ünïcode"), "x");
    new Fifos().make(dir.resolve("pipe"));
    Files.setLastModifiedTime(
        dir.resolve("plain.txt"), FileTime.from(Instant.parse("1969-07-20T20:17:40.123456789Z")));

    FS plain = JGitRuntime.install().fs();
    FS listing = JGitRuntime.install().fsListingWith(stats);
    AtomicInteger askedNative = new AtomicInteger();
    Map<String, String> viaJGit = describe(plain.list(dir.toFile(), strategy(null)));
    Map<String, String> viaNative = describe(listing.list(dir.toFile(), strategy(askedNative)));
    assertEquals(viaJGit, viaNative);
    assertEquals(8, viaNative.size());
    assertEquals(8, askedNative.get(), "the mode strategy saw every native entry");
    assertNotNull(stats.stat(dir), "answered natively, not through JGit's own listing");
  }

  /** JGit's default modes, and what the strategy was handed, in the mode's description. */
  private static FileTreeIterator.FileModeStrategy strategy(AtomicInteger asked) {
    return (file, attributes) -> {
      if (asked != null) {
        asked.incrementAndGet();
      }
      return FileTreeIterator.DefaultFileModeStrategy.INSTANCE.getMode(file, attributes);
    };
  }

  private static Map<String, String> describe(Entry[] entries) {
    Map<String, String> out = new TreeMap<>();
    for (Entry e : entries) {
      File file = ((FileEntry) e).getFile();
      out.put(
          e.getName(),
          List.of(
                  file.getPath(),
                  e.getMode().toString(),
                  Long.toString(e.getLength()),
                  e.getLastModifiedInstant().toString())
              .toString());
    }
    return out;
  }
}
