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
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The typed listing against NIO on real directories: every directory that the typed listing answers
 * for must give exactly the subdirectories and {@code .git} type that NIO's listing and {@code
 * lstat} give, and where it cannot be exact it must decline (null). Runs where the platform has a
 * typed listing (the build's JDK 22+ test run); elsewhere the tests are skipped, and the JDK 17 run
 * checks that no typed listing is offered.
 */
class TypedListingTest {
  @TempDir Path tmp;
  private TypedListing typed;

  @BeforeEach
  void bind() {
    typed = TypedListings.typedListing().orElse(null);
  }

  @Test
  void offeredOnlyWhereTheJdkHasTheForeignFunctionApi() {
    if (Runtime.version().feature() < 22) {
      assertNull(typed, "JDK 17-21 have no typed listing");
    }
    if (WalkListings.typed()) {
      // The JDK 22+ test run must really exercise it: missing there means the build left it out.
      assertNotNull(typed, "gitoverit.fs=typed, but no typed listing on this JDK");
    }
  }

  @Test
  void agreesWithNioOnARandomTree() throws IOException {
    assumeTrue(typed != null);
    Random random = new Random(20261203);
    List<Path> dirs = new ArrayList<>();
    Path root = Files.createDirectories(tmp.resolve("root")).toRealPath();
    dirs.add(root);
    for (int i = 0; i < 400; i++) {
      Path parent = dirs.get(random.nextInt(dirs.size()));
      String name = name(random, i);
      Path entry = parent.resolve(name);
      if (Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      switch (random.nextInt(6)) {
        case 0, 1 -> dirs.add(Files.createDirectory(entry));
        case 2 -> Files.writeString(entry, "x");
        case 3 -> Files.createSymbolicLink(entry, dirs.get(random.nextInt(dirs.size())));
        case 4 -> Files.createSymbolicLink(entry, parent.resolve("missing"));
        default -> {
          Path dotGit = parent.resolve(".git");
          if (!Files.exists(dotGit, LinkOption.NOFOLLOW_LINKS)) {
            switch (random.nextInt(3)) {
              case 0 -> Files.createDirectory(dotGit);
              case 1 -> Files.writeString(dotGit, "gitdir: ../elsewhere\n");
              default -> Files.createSymbolicLink(dotGit, root);
            }
          }
        }
      }
    }
    for (Path dir : dirs) {
      TypedListing.Entries entries = typed.list(dir);
      assertNotNull(entries, dir.toString());
      assertSameAsNio(dir, entries);
    }
  }

  @Test
  void readsDirectoriesLargerThanOneBuffer() throws IOException {
    assumeTrue(typed != null);
    Path dir = Files.createDirectories(tmp.resolve("big"));
    String pad = "n".repeat(120);
    for (int i = 0; i < 3000; i++) {
      if (i % 3 == 0) {
        Files.createDirectory(dir.resolve(pad + i));
      } else {
        Files.writeString(dir.resolve(pad + i), "");
      }
    }
    Files.createDirectory(dir.resolve(".git"));
    TypedListing.Entries entries = typed.list(dir);
    assertEquals(1000, entries.subdirs().size());
    assertSameAsNio(dir, entries);
  }

  @Test
  void typesOfTheDotGitEntry() throws IOException, InterruptedException {
    assumeTrue(typed != null);
    Path file = Files.createDirectories(tmp.resolve("file"));
    Files.writeString(file.resolve(".git"), "gitdir: x\n");
    Path link = Files.createDirectories(tmp.resolve("link"));
    Files.createSymbolicLink(link.resolve(".git"), tmp);
    Path fifo = Files.createDirectories(tmp.resolve("fifo"));
    new Fifos().make(fifo.resolve(".git")); // never opened: its type is in the listing
    Path none = Files.createDirectories(tmp.resolve("none"));
    Files.writeString(none.resolve(".gitignore"), "");
    assertEquals(TypedListing.EntryType.FILE, typed.list(file).dotGit());
    assertEquals(TypedListing.EntryType.SYMBOLIC_LINK, typed.list(link).dotGit());
    assertEquals(TypedListing.EntryType.OTHER, typed.list(fifo).dotGit());
    assertNull(typed.list(none).dotGit());
    assertEquals(List.of(), typed.list(none).subdirs());
  }

  @Test
  void declinesWhereOnlyNioCanBeExact() throws IOException {
    assumeTrue(typed != null);
    assertNull(typed.list(tmp.resolve("missing")), "cannot be opened: NIO says why");
    Path file = Files.writeString(tmp.resolve("plain"), "x");
    assertNull(typed.list(file), "not a directory");

    // A name that is not UTF-8: NIO keeps its bytes, a String cannot.
    Path odd = Files.createDirectories(tmp.resolve("odd"));
    Process p =
        new ProcessBuilder("sh", "-c", "mkdir \"$(printf 'odd/bad\\377name')\"")
            .directory(tmp.toFile())
            .start();
    assertEquals(0, waitFor(p));
    assertNull(typed.list(odd));

    if (!"root".equals(System.getProperty("user.name"))) {
      Path closed = Files.createDirectories(tmp.resolve("closed"));
      Files.createDirectory(closed.resolve("inner"));
      Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("r--r--r--"));
      try {
        assertNull(typed.list(closed), "listable but not searchable: NIO's lstat fails");
      } finally {
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
  }

  @Test
  void noTypedListingWhenTurnedOff() {
    String before = System.getProperty(TypedListings.PROPERTY);
    System.setProperty(TypedListings.PROPERTY, "nio");
    try {
      assertTrue(TypedListings.typedListing().isEmpty());
      assertTrue(TypedListings.bindingOnDemand().isEmpty());
    } finally {
      if (before == null) {
        System.clearProperty(TypedListings.PROPERTY);
      } else {
        System.setProperty(TypedListings.PROPERTY, before);
      }
    }
  }

  @Test
  void onDemandListingAnswersOnlyAfterItIsWanted() throws IOException, InterruptedException {
    assumeTrue(typed != null);
    Path dir = Files.createDirectories(tmp.resolve("d/sub"));
    String before = System.getProperty(TypedListings.PROPERTY);
    System.clearProperty(TypedListings.PROPERTY);
    TypedListing onDemand;
    try {
      onDemand = TypedListings.bindingOnDemand().orElseThrow();
    } finally {
      if (before != null) {
        System.setProperty(TypedListings.PROPERTY, before);
      }
    }
    assertNull(onDemand.list(dir.getParent()), "not bound before it is wanted: NIO lists");
    onDemand.wanted();
    onDemand.wanted(); // a second call starts nothing more
    TypedListing.Entries entries = null;
    for (int i = 0; i < 600 && entries == null; i++) { // binding is quick; this only bounds a hang
      Thread.sleep(50);
      entries = onDemand.list(dir.getParent());
    }
    assertNotNull(entries, "bound after it was wanted");
    assertEquals(List.of("sub"), entries.subdirs());
  }

  private static void assertSameAsNio(Path dir, TypedListing.Entries entries) throws IOException {
    Set<String> subdirs = new TreeSet<>();
    TypedListing.EntryType dotGit = null;
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      for (Path entry : stream) {
        String name = entry.getFileName().toString();
        BasicFileAttributes a =
            Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (name.equals(".git")) {
          dotGit =
              a.isDirectory()
                  ? TypedListing.EntryType.DIRECTORY
                  : a.isSymbolicLink()
                      ? TypedListing.EntryType.SYMBOLIC_LINK
                      : a.isRegularFile()
                          ? TypedListing.EntryType.FILE
                          : TypedListing.EntryType.OTHER;
        } else if (a.isDirectory()) {
          subdirs.add(name);
        }
      }
    }
    assertEquals(subdirs, new TreeSet<>(entries.subdirs()), dir.toString());
    assertEquals(entries.subdirs().size(), subdirs.size(), "each subdirectory once: " + dir);
    assertEquals(dotGit, entries.dotGit(), dir.toString());
  }

  private static String name(Random random, int i) {
    String[] shapes = {"d", "dir with space", "ünï", "日本", ".hidden", "a.b", "-x", "x\ty"};
    return shapes[random.nextInt(shapes.length)] + i;
  }

  private static int waitFor(Process p) {
    try {
      return p.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
