package io.gitoverit.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gitoverit.testing.Fifos;
import io.gitoverit.testing.WalkListings;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native folder listing with each entry's {@code lstat} against NIO on real files: where it
 * answers, it must give exactly the names NIO lists and, for each, what NIO's {@code lstat} gives
 * (type, owner execute bit, size, modification time to the nanosecond); where it cannot be exact it
 * must decline (null). Runs where the platform has the native layer (the build's JDK 22+ test run);
 * the JDK 17 run checks that none is offered.
 */
class EntryStatsTest {
  @TempDir Path tmp;
  private EntryStats stats;

  @BeforeEach
  void bind() {
    stats = TypedListings.typedListing().flatMap(TypedListing::entryStats).orElse(null);
  }

  @Test
  void offeredWithTheTypedListingOnly() {
    if (Runtime.version().feature() < 22) {
      assertNull(stats, "JDK 17-21 have no native listing");
    }
    if (WalkListings.typed()) {
      assertNotNull(stats, "gitoverit.fs=typed, but no native listing on this JDK");
    }
  }

  @Test
  void agreesWithNioOnARandomTree() throws IOException, InterruptedException {
    assumeTrue(stats != null);
    Random random = new Random(20261203L);
    Path root = Files.createDirectories(tmp.resolve("root")).toRealPath();
    List<Path> dirs = new ArrayList<>(List.of(root));
    for (int i = 0; i < 300; i++) {
      Path parent = dirs.get(random.nextInt(dirs.size()));
      Path entry = parent.resolve(random.nextInt(4) == 0 ? "é-" + i : "n" + i);
      switch (random.nextInt(7)) {
        case 0, 1 -> dirs.add(Files.createDirectory(entry));
        case 2 -> Files.writeString(entry, "x".repeat(random.nextInt(5000)));
        case 3 -> {
          Files.writeString(entry, "#!/bin/sh\n");
          Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rwxr-x---"));
        }
        case 4 -> Files.createSymbolicLink(entry, dirs.get(random.nextInt(dirs.size())));
        case 5 -> Files.createSymbolicLink(entry, parent.resolve("missing-" + i));
        default -> {
          new Fifos().make(entry); // never opened: lstat only
          continue;
        }
      }
      if (random.nextBoolean()) {
        // Times git and NIO must carry exactly: nanoseconds, and before 1970.
        long nanos = random.nextLong(-2_000_000_000_000_000_000L, 4_000_000_000_000_000_000L);
        Files.getFileAttributeView(
                entry,
                java.nio.file.attribute.BasicFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS)
            .setTimes(FileTime.from(nanos, TimeUnit.NANOSECONDS), null, null);
      }
    }
    for (Path dir : dirs) {
      List<EntryStats.Entry> listed = stats.stat(dir);
      assertNotNull(listed, dir.toString());
      assertSameAsNio(dir, listed);
    }
  }

  @Test
  void readsFoldersLargerThanOneBuffer() throws IOException {
    assumeTrue(stats != null);
    Path dir = Files.createDirectories(tmp.resolve("big"));
    String pad = "n".repeat(120);
    for (int i = 0; i < 2000; i++) {
      Files.writeString(dir.resolve(pad + i), "x".repeat(i % 7));
    }
    List<EntryStats.Entry> listed = stats.stat(dir);
    assertEquals(2000, listed.size());
    assertSameAsNio(dir, listed);
  }

  @Test
  void timesBeyondWhatNanosecondsHoldAreMicrosecondsAsNioGivesThem() throws IOException {
    assumeTrue(stats != null);
    Path dir = Files.createDirectories(tmp.resolve("far"));
    Path file = Files.writeString(dir.resolve("f"), "");
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2400-01-01T00:00:00.123456789Z")));
    List<EntryStats.Entry> listed = stats.stat(dir);
    assertSameAsNio(dir, listed);
    assertEquals(Files.getLastModifiedTime(file), listed.get(0).modified());
  }

  @Test
  void declinesWhereOnlyNioCanBeExact() throws IOException, InterruptedException {
    assumeTrue(stats != null);
    assertNull(stats.stat(tmp.resolve("missing")), "cannot be opened: NIO says why");
    assertNull(stats.stat(Files.writeString(tmp.resolve("plain"), "x")), "not a folder");

    Path odd = Files.createDirectories(tmp.resolve("odd"));
    Process p =
        new ProcessBuilder("sh", "-c", "touch \"$(printf 'odd/bad\\377name')\"")
            .directory(tmp.toFile())
            .start();
    assertEquals(0, p.waitFor());
    assertNull(stats.stat(odd), "a name that is not UTF-8: NIO keeps its bytes, a String cannot");

    // A folder whose entry's whole path reaches PATH_MAX (4,096 bytes): NIO's lstat of it fails.
    Path deep = tmp;
    while (deep.toString().length() < 4096 - 200) {
      deep = deep.resolve("d".repeat(100));
    }
    deep = Files.createDirectories(deep);
    String name = "x".repeat(4096 - deep.toString().length());
    Process touch = new ProcessBuilder("touch", name).directory(deep.toFile()).start();
    assertEquals(0, touch.waitFor());
    try {
      assertNull(stats.stat(deep));
    } finally { // no one can delete it by its whole path
      assertEquals(0, new ProcessBuilder("rm", name).directory(deep.toFile()).start().waitFor());
    }

    if (!"root".equals(System.getProperty("user.name"))) {
      Path closed = Files.createDirectories(tmp.resolve("closed"));
      Files.writeString(closed.resolve("inner"), "");
      Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("r--r--r--"));
      try {
        assertNull(stats.stat(closed), "listable but not searchable: NIO's lstat fails");
      } finally {
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
  }

  @Test
  void onDemandItAnswersOnlyOnceBound() throws IOException, InterruptedException {
    assumeTrue(stats != null);
    Path dir = Files.createDirectories(tmp.resolve("d"));
    Files.writeString(dir.resolve("f"), "x");
    String before = System.getProperty(TypedListings.PROPERTY);
    System.clearProperty(TypedListings.PROPERTY);
    EntryStats onDemand;
    try {
      onDemand = TypedListings.bindingOnDemand().flatMap(TypedListing::entryStats).orElseThrow();
    } finally {
      if (before != null) {
        System.setProperty(TypedListings.PROPERTY, before);
      }
    }
    assertNull(onDemand.stat(dir), "not bound before it is wanted: NIO lists");
    onDemand.wanted();
    List<EntryStats.Entry> listed = null;
    for (int i = 0; i < 600 && listed == null; i++) { // binding is quick; this only bounds a hang
      Thread.sleep(50);
      listed = onDemand.stat(dir);
    }
    assertNotNull(listed, "bound after it was wanted");
    assertSameAsNio(dir, listed);
  }

  private static void assertSameAsNio(Path dir, List<EntryStats.Entry> listed) throws IOException {
    Map<String, String> expected = new TreeMap<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        PosixFileAttributes a =
            Files.readAttributes(entry, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String type =
            a.isDirectory()
                ? "dir"
                : a.isSymbolicLink() ? "link" : a.isRegularFile() ? "file" : "other";
        boolean exec = a.permissions().contains(PosixFilePermission.OWNER_EXECUTE);
        expected.put(
            entry.getFileName().toString(),
            type + " exec=" + exec + " size=" + a.size() + " mtime=" + a.lastModifiedTime());
      }
    }
    Map<String, String> actual = new TreeMap<>();
    for (EntryStats.Entry e : listed) {
      String type =
          e.isDirectory()
              ? "dir"
              : e.isSymbolicLink() ? "link" : e.isRegularFile() ? "file" : "other";
      String previous =
          actual.put(
              e.name(),
              type
                  + " exec="
                  + e.isOwnerExecutable()
                  + " size="
                  + e.size()
                  + " mtime="
                  + e.modified());
      assertNull(previous, "listed twice: " + e.name());
    }
    assertEquals(expected, actual, dir.toString());
    assertTrue(actual.keySet().stream().noneMatch(n -> n.equals(".") || n.equals("..")));
  }
}
