package io.gitoverit.testing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A folder of repositories whose git files are far larger than any valid one, next to healthy ones:
 * a {@code .git} file, a HEAD and indexes of a gigabyte or more (sparse files, which cost no disk),
 * and a packed-refs of a million lines, which is valid. {@link #healthy} and {@link #broken} say
 * what a scan must report for each.
 */
public final class HugeFiles {
  public static final long GIB = 1L << 30;

  public final Path root;

  /** Repository folder name under {@link #root} to the status text the scan must show. */
  public final Map<String, String> healthy = new LinkedHashMap<>();

  /** Repository folder name under {@link #root} to a fragment its error message must contain. */
  public final Map<String, String> broken = new LinkedHashMap<>();

  /** Builds the folder in {@code scratch/huge}. */
  public HugeFiles(GitFixture f, Path scratch) {
    root = scratch.resolve("huge");
    try {
      f.repoWithCommit(root.resolve("good"), "a.txt", "a\n");
      healthy.put("good", "clean");

      Path refs = f.repoWithCommit(root.resolve("million-refs"), "a.txt", "a\n");
      f.git(refs, "pack-refs", "--all");
      appendTags(
          refs.resolve(".git/packed-refs"), f.git(refs, "rev-parse", "HEAD").strip(), 1_000_000);
      healthy.put("million-refs", "clean");

      GitFixture.mkdirs(root.resolve("gitfile-3g"));
      sparse(root.resolve("gitfile-3g/.git"), 3 * GIB);
      broken.put("gitfile-3g", "too large to be a .git file");

      GitFixture.mkdirs(root.resolve("gitfile-1g"));
      Files.writeString(root.resolve("gitfile-1g/.git"), "gitdir: ../good/.git\n");
      sparse(root.resolve("gitfile-1g/.git"), GIB);
      broken.put("gitfile-1g", "too large to be a .git file");

      Path index = f.repoWithCommit(root.resolve("index-3g"), "a.txt", "a\n");
      sparse(index.resolve(".git/index"), 3 * GIB); // truncate -s 3G: the real index, then zeros
      broken.put("index-3g", "corrupt index");

      index = f.repoWithCommit(root.resolve("index-zero-1g"), "a.txt", "a\n");
      Files.delete(index.resolve(".git/index"));
      sparse(index.resolve(".git/index"), GIB);
      broken.put("index-zero-1g", "not a git index (bad signature)");

      index = f.repoWithCommit(root.resolve("index-garbage"), "a.txt", "a\n");
      Files.write(index.resolve(".git/index"), garbage(300));
      broken.put("index-garbage", "corrupt index");

      Path head = f.repoWithCommit(root.resolve("head-1g"), "a.txt", "a\n");
      sparse(head.resolve(".git/HEAD"), GIB);
      broken.put("head-1g", "HEAD is neither a ref nor an object id");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Extends (or creates) {@code file} to {@code size} bytes without writing them. */
  public static void sparse(Path file, long size) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(size);
    }
  }

  /** Appends {@code n} tags, in sorted order after the branches, to a packed-refs file. */
  private static void appendTags(Path packedRefs, String id, int n) throws IOException {
    try (BufferedWriter w =
        Files.newBufferedWriter(packedRefs, StandardCharsets.US_ASCII, StandardOpenOption.APPEND)) {
      for (int i = 0; i < n; i++) {
        w.write(id);
        w.write(" refs/tags/t");
        w.write(Integer.toString(1_000_000 + i));
        w.write('\n');
      }
    }
  }

  /** Bytes from a fixed linear congruential sequence: garbage, the same on every run. */
  private static byte[] garbage(int n) {
    byte[] b = new byte[n];
    long x = 42;
    for (int i = 0; i < n; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
      b[i] = (byte) (x >>> 56);
    }
    return b;
  }
}
