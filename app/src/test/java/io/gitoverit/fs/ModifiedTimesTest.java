package io.gitoverit.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gitoverit.testing.WalkListings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native mtime scan against NIO on real files: every answer must be the newest of what {@code
 * Files.getLastModifiedTime} (links followed) gives for the names that lead somewhere, and where it
 * cannot be exact it must decline (null). Runs where the platform has a typed listing (the build's
 * JDK 22+ test run); the JDK 17 run checks that none is offered.
 */
class ModifiedTimesTest {
  @TempDir Path tmp;
  private ModifiedTimes times;
  private Path root;

  @BeforeEach
  void bind() throws IOException {
    times = TypedListings.typedListing().flatMap(TypedListing::modifiedTimes).orElse(null);
    root = Files.createDirectories(tmp.resolve("root")).toRealPath();
  }

  @Test
  void offeredWithTheTypedListingOnly() {
    if (Runtime.version().feature() < 22) {
      assertNull(times, "JDK 17-21 have no native mtime scan");
    }
    if (WalkListings.typed()) {
      assertNotNull(times, "gitoverit.fs=typed, but no native mtime scan on this JDK");
    }
  }

  /**
   * As production gets it (bound on demand, no walk has bound it yet): a scan of many names comes
   * in chunks smaller than what earns a binding, so the whole count decides ({@code ready}), and
   * then every chunk is answered, as NIO answers it; a few names are not worth a binding.
   */
  @Test
  void onDemandTheWholeScanDecidesNotEachChunk() throws IOException {
    // Not bound at once, as gitoverit.fs=typed (the JDK 22+ test run) would have it.
    String chosen = System.clearProperty(TypedListings.PROPERTY);
    Optional<TypedListing> onDemand;
    try {
      onDemand = TypedListings.bindingOnDemand();
    } finally {
      if (chosen != null) {
        System.setProperty(TypedListings.PROPERTY, chosen);
      }
    }
    assumeTrue(onDemand.isPresent() && times != null);
    ModifiedTimes lazy = onDemand.get().modifiedTimes().orElseThrow();
    assertFalse(lazy.ready(10), "ten names do not earn a binding");
    long newest = Long.MIN_VALUE;
    for (String name : List.of("a", "b", "c")) {
      Path file = Files.writeString(root.resolve(name), name);
      FileTime time = FileTime.from(Instant.ofEpochSecond(1_600_000_000L, name.hashCode()));
      Files.setLastModifiedTime(file, time);
      newest = Math.max(newest, Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS));
    }
    List<byte[]> chunk = new ArrayList<>();
    for (int i = 0; i < 4096; i++) {
      chunk.add(List.of("a", "b", "c", "missing").get(i % 4).getBytes(StandardCharsets.UTF_8));
    }
    assertNull(lazy.newestNanos(root, chunk), "not bound yet: the caller stats with NIO");
    assertTrue(lazy.ready(TypedListings.WORTH_BINDING_FOR_NAMES * 10));
    assertEquals(newest, lazy.newestNanos(root, chunk));
  }

  @Test
  void agreesWithNioOnRandomNames() throws IOException {
    assumeTrue(times != null);
    Random random = new Random(20261203);
    List<Path> dirs = new ArrayList<>(List.of(root));
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      Path parent = dirs.get(random.nextInt(dirs.size()));
      String rel = root.relativize(parent.resolve("e" + i)).toString();
      Path entry = root.resolve(rel);
      switch (random.nextInt(7)) {
        case 0 -> {
          dirs.add(Files.createDirectory(entry));
          rel = random.nextBoolean() ? rel + "/" : rel; // a sparse index's folder entry
        }
        case 1, 2 -> Files.writeString(entry, "x");
        case 3 -> Files.createSymbolicLink(entry, dirs.get(random.nextInt(dirs.size())));
        case 4 -> Files.createSymbolicLink(entry, parent.resolve("missing"));
        case 5 -> {
          Files.writeString(entry, "x");
          rel = rel + "/"; // a file named as a folder: NIO drops the slash
        }
        default -> rel = rel + "-never-made";
      }
      if (Files.exists(entry)) {
        Files.setLastModifiedTime(
            entry,
            FileTime.from(
                Instant.ofEpochSecond(
                    1_500_000_000L + random.nextInt(100_000_000), random.nextInt(1_000_000_000))));
      }
      names.add(rel);
    }
    for (String name : names) {
      assertEquals(nio(List.of(name)), times.newestNanos(root, bytes(List.of(name))), name);
    }
    assertEquals(nio(names), times.newestNanos(root, bytes(names)));
  }

  @Test
  void noNameLeadingAnywhereIsTheSmallestLongAndAMissingRootDeclines() throws IOException {
    assumeTrue(times != null);
    Files.createSymbolicLink(root.resolve("loop"), root.resolve("loop"));
    List<byte[]> names = bytes(List.of("missing", "loop", "no/such/dir"));
    assertEquals(Long.MIN_VALUE, times.newestNanos(root, names));
    assertEquals(Long.MIN_VALUE, times.newestNanos(root, List.of()));
    assertNull(times.newestNanos(root.resolve("gone"), names));
  }

  @Test
  void timesBeyondWhatNanosecondsHoldSaturateAsNioDoes() throws IOException {
    assumeTrue(times != null);
    Path late = Files.writeString(root.resolve("late"), "x");
    Files.setLastModifiedTime(late, FileTime.from(Instant.parse("2300-01-01T00:00:00Z")));
    Path early = Files.writeString(root.resolve("early"), "x");
    Files.setLastModifiedTime(early, FileTime.from(Instant.parse("1960-01-01T00:00:00.5Z")));
    assertEquals(nio(List.of("late")), times.newestNanos(root, bytes(List.of("late"))));
    assertEquals(Long.MAX_VALUE, times.newestNanos(root, bytes(List.of("late"))));
    assertEquals(nio(List.of("early")), times.newestNanos(root, bytes(List.of("early"))));
  }

  @Test
  void aNameNioCannotExpressIsStatedFromItsBytes() throws Exception {
    assumeTrue(times != null);
    Process p =
        new ProcessBuilder(
                "sh",
                "-c",
                "printf x > \"$(printf 'bad\\377name')\" && touch -d @1700000000.25 bad*")
            .directory(root.toFile())
            .inheritIO()
            .start();
    assertEquals(0, p.waitFor());
    byte[] raw = {'b', 'a', 'd', (byte) 0xff, 'n', 'a', 'm', 'e'};
    assertEquals(1_700_000_000_250_000_000L, times.newestNanos(root, List.of(raw)));
  }

  @Test
  void aPathNioCouldNotNameDeclines() throws IOException {
    assumeTrue(times != null);
    String longName = "d/".repeat(2100) + "f";
    assertNull(times.newestNanos(root, bytes(List.of("a", longName))));
  }

  /** What NIO says: the newest mtime (links followed) of the names that lead somewhere. */
  private long nio(List<String> names) {
    long newest = Long.MIN_VALUE;
    for (String name : names) {
      try {
        newest =
            Math.max(
                newest, Files.getLastModifiedTime(root.resolve(name)).to(TimeUnit.NANOSECONDS));
      } catch (IOException e) {
        // leads nowhere
      }
    }
    return newest;
  }

  private static List<byte[]> bytes(List<String> names) {
    return names.stream().map(n -> n.getBytes(StandardCharsets.UTF_8)).toList();
  }
}
