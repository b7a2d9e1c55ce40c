package io.gitoverit.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.testing.GitFixture;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every index git writes passes, entry for entry as {@code git ls-files --stage} lists them; a
 * damaged one is refused, by its header alone when the header or size rules it out.
 */
class IndexFileTest {
  @TempDir Path tmp;
  GitFixture git;

  @BeforeEach
  void setUp() {
    git = new GitFixture(tmp);
  }

  /** The entry names the walk sees (empty ones included), after the header check. */
  static List<String> walk(Path index, int hashLength) throws IOException {
    List<String> names = new ArrayList<>();
    try (FileInputStream in = IndexFile.open(index)) {
      IndexFile.Header header =
          IndexFile.judge(
              in.readNBytes(IndexFile.HEADER_BYTES), in.getChannel().size(), hashLength);
      IndexFile.walk(
          in,
          header,
          new IndexFile.Visitor() {
            @Override
            public void entry(int mode, boolean skipWorktree, byte[] name, int length) {
              names.add(new String(name, 0, length, StandardCharsets.UTF_8));
            }
          });
      assertEquals(header.dataEnd(), in.getChannel().position(), "stops at the checksum");
    }
    return names;
  }

  /** git's own list of the index entries. */
  List<String> gitEntries(Path repo) {
    List<String> names = new ArrayList<>();
    for (String record : git.git(repo, "ls-files", "--stage", "-z").split("\0")) {
      if (!record.isEmpty()) {
        names.add(record.substring(record.indexOf('\t') + 1));
      }
    }
    return names;
  }

  Path repoWithVariety(String name) {
    Path repo =
        git.repoWithCommit(
            tmp.resolve(name),
            "a.txt",
            "a\n",
            "d/b.txt",
            "b\n",
            "d/e/c.txt",
            "c\n",
            "sp ace/ü.txt",
            "u\n");
    // A name longer than 4095 bytes: its length is where its NUL is, not in the flags.
    String blob = git.git(repo, "hash-object", "-w", "a.txt").strip();
    String longName = "l/" + "x".repeat(5000);
    git.git(repo, "update-index", "--add", "--cacheinfo", "100644," + blob + "," + longName);
    GitFixture.write(repo, "new.txt", "n\n");
    git.git(repo, "add", "-N", "new.txt"); // intent-to-add: an extended flag in version 3
    git.git(repo, "update-index", "--skip-worktree", "d/b.txt");
    return repo;
  }

  @Test
  void everyIndexVersionIsReadEntryForEntry() throws Exception {
    for (String version : List.of("2", "3", "4")) {
      Path repo = repoWithVariety("v" + version);
      git.git(repo, "update-index", "--index-version", version);
      assertEquals(gitEntries(repo), walk(repo.resolve(".git/index"), 20), "version " + version);
    }
  }

  @Test
  void extensionsGitWritesAreRead() throws Exception {
    Path repo = repoWithVariety("ext");
    git.git(repo, "config", "index.recordEndOfIndexEntries", "true");
    git.git(repo, "config", "index.recordOffsetTable", "true");
    git.git(repo, "config", "core.untrackedCache", "true");
    git.git(repo, "update-index", "--untracked-cache");
    git.git(repo, "status", "--porcelain");
    GitFixture.append(repo, "a.txt", "more\n");
    git.git(repo, "add", "a.txt"); // written again, with the end-of-entries extension
    Path index = repo.resolve(".git/index");
    assertEquals(gitEntries(repo), walk(index, 20));
    List<String> seen = new ArrayList<>();
    try (FileInputStream in = IndexFile.open(index)) {
      IndexFile.walk(
          in,
          IndexFile.judge(in.readNBytes(12), in.getChannel().size(), 20),
          new IndexFile.Visitor() {
            @Override
            public void extension(String signature, long size, byte[] head) {
              seen.add(signature);
            }
          });
    }
    assertTrue(seen.containsAll(List.of("TREE", "UNTR", "EOIE")), seen.toString());
  }

  @Test
  void aSha256IndexIsRead() throws Exception {
    Path repo = tmp.resolve("sha256");
    GitFixture.mkdirs(repo);
    git.git(repo, "init", "-q", "--object-format=sha256");
    GitFixture.write(repo, "a.txt", "a\n");
    git.commitAll(repo, "one");
    assertEquals(gitEntries(repo), walk(repo.resolve(".git/index"), 32));
  }

  /** A split index's replacement entries have no name of their own: allowed there only. */
  @Test
  void aSplitIndexWithReplacedEntriesIsRead() throws Exception {
    Path repo = repoWithVariety("split");
    git.git(repo, "update-index", "--split-index");
    GitFixture.append(repo, "a.txt", "more\n");
    git.git(repo, "add", "a.txt");
    List<String> names = walk(repo.resolve(".git/index"), 20);
    assertTrue(names.contains(""), "a replacement without a name: " + names);
  }

  @Test
  void aSparseIndexIsRead() throws Exception {
    Path repo =
        git.repoWithCommit(
            tmp.resolve("sparse"), "a.txt", "a\n", "in/b.txt", "b\n", "out/c.txt", "c\n");
    git.git(repo, "sparse-checkout", "init", "--cone", "--sparse-index");
    git.git(repo, "sparse-checkout", "set", "in");
    assertEquals(List.of("a.txt", "in/b.txt", "out/"), walk(repo.resolve(".git/index"), 20));
  }

  @Test
  void aZeroFilledIndexIsRefusedByItsHeader() throws Exception {
    Path index = sparse(tmp.resolve("index"), new byte[0], 1L << 30);
    IndexFile.Corrupt e = assertThrows(IndexFile.Corrupt.class, () -> IndexFile.header(index, 20));
    assertEquals("not a git index (bad signature)", e.getMessage());
  }

  @Test
  void moreEntriesThanTheFileCanHoldAreRefusedByTheHeader() throws Exception {
    // 64 bytes is the smallest entry git writes, in every version, with SHA-1.
    for (int version = 2; version <= 4; version++) {
      Path index = sparse(tmp.resolve("index" + version), header(version, 10), 12 + 640 + 20);
      assertEquals(10, IndexFile.header(index, 20).entries());
      sparse(index, header(version, 10), 12 + 639 + 20);
      IndexFile.Corrupt e =
          assertThrows(IndexFile.Corrupt.class, () -> IndexFile.header(index, 20));
      assertEquals("claims 10 entries, more than its 671 bytes can hold", e.getMessage());
    }
    Path huge = sparse(tmp.resolve("huge"), header(2, -1), 1L << 30);
    assertThrows(IndexFile.Corrupt.class, () -> IndexFile.header(huge, 20));
    Path garbage =
        sparse(tmp.resolve("garbage"), "DIRC\0\0\0\7".getBytes(StandardCharsets.UTF_8), 100);
    assertEquals(
        "unknown index version 7",
        assertThrows(IndexFile.Corrupt.class, () -> IndexFile.header(garbage, 20)).getMessage());
  }

  @Test
  void zerosAfterAValidHeaderAreRefusedAtTheFirstEntry() throws Exception {
    Path index = sparse(tmp.resolve("index"), header(2, 1_000_000), 1L << 30);
    IndexFile.Corrupt e = assertThrows(IndexFile.Corrupt.class, () -> walk(index, 20));
    assertEquals("entry 1 has no valid mode (00)", e.getMessage());
  }

  /** What `truncate -s 3G .git/index` makes: the real entries, then zeros where extensions go. */
  @Test
  void aRealIndexExtendedWithZerosIsRefused() throws Exception {
    Path repo = git.repoWithCommit(tmp.resolve("r"), "a.txt", "a\n");
    Path index = repo.resolve(".git/index");
    try (RandomAccessFile f = new RandomAccessFile(index.toFile(), "rw")) {
      f.setLength(3L << 30);
    }
    assertEquals(1, IndexFile.header(index, 20).entries());
    assertThrows(IndexFile.Corrupt.class, () -> walk(index, 20));
  }

  @Test
  void anExtensionLargerThanTheRestOfTheFileIsRefused() throws Exception {
    Path repo = git.repoWithCommit(tmp.resolve("r"), "a.txt", "a\n");
    Path index = repo.resolve(".git/index");
    byte[] b = Files.readAllBytes(index);
    int tree = indexOf(b, "TREE");
    ByteBuffer.wrap(b).putInt(tree + 4, 0x7fffffff);
    Files.write(index, b);
    assertEquals(
        "extension TREE claims 2147483647 bytes, more than the rest of the file",
        assertThrows(IndexFile.Corrupt.class, () -> walk(index, 20)).getMessage());
    b[tree] = 't'; // lower case: an extension git requires, and knows nothing of
    ByteBuffer.wrap(b).putInt(tree + 4, 0);
    Files.write(index, b);
    assertEquals(
        "unknown required extension tREE",
        assertThrows(IndexFile.Corrupt.class, () -> walk(index, 20)).getMessage());
  }

  @Test
  void aNameRunningPastTheEndIsRefused() throws Exception {
    Path repo = git.repoWithCommit(tmp.resolve("r"), "a.txt", "a\n");
    git.git(repo, "update-index", "--index-version", "4");
    Path index = repo.resolve(".git/index");
    byte[] b = Files.readAllBytes(index);
    int name = indexOf(b, "a.txt");
    byte[] cut = java.util.Arrays.copyOf(b, name + 3 + 20); // "a.t", then a "checksum"
    Files.write(index, cut);
    assertThrows(IndexFile.Corrupt.class, () -> walk(index, 20));
  }

  static byte[] header(int version, int entries) {
    return ByteBuffer.allocate(12).putInt(0x44495243).putInt(version).putInt(entries).array();
  }

  static Path sparse(Path file, byte[] start, long size) throws IOException {
    Files.write(file, start);
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(size);
    }
    return file;
  }

  static int indexOf(byte[] b, String text) {
    byte[] what = text.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i + what.length <= b.length; i++) {
      for (int k = 0; k < what.length; k++) {
        if (b[i + k] != what[k]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError(text + " not found");
  }
}
