package io.gitoverit.analysis;

import io.gitoverit.discovery.IndexFile;
import java.io.EOFException;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Verifies the index file before the git engine trusts it: its header against its size, its layout
 * ({@link IndexFile}), then its trailing checksum. git itself checks the checksum only in {@code
 * fsck}: {@code git status} reads a truncated or overwritten index as if it were sound and reports
 * invented changes (a zero-filled body with a valid header reads as a clean work tree), which a
 * scan must turn into an error row instead.
 */
public final class IndexIntegrity {
  private IndexIntegrity() {}

  /**
   * What one walk of the index saw: whether it is split (its entries live partly in a shared index,
   * so neither answer below is complete), whether an entry is a gitlink, and, when asked for, every
   * entry's name in index order, as the bytes git stores (null when not asked for or split). No
   * index reads as an empty one, as git reads it.
   */
  public record Survey(boolean split, boolean gitlink, List<byte[]> names) {}

  /**
   * Throws when {@code index} exists but its header, size or layout rules out a git index: the part
   * of the verification that reads no more than the entries and extension headers, made before any
   * git process reads the file (git would first hash all of it); {@link #checkSum} is the rest.
   * Returns what the walk saw, so that no one walks the file again for it.
   *
   * @param objectFormat the repository's {@code extensions.objectformat} (sha1 when empty)
   * @param names whether to keep every entry's name
   */
  public static Survey checkLayout(Path index, Optional<String> objectFormat, boolean names)
      throws AnalysisException {
    try (FileInputStream in = IndexFile.open(index)) {
      IndexFile.Header header =
          IndexFile.judge(
              in.readNBytes(IndexFile.HEADER_BYTES),
              in.getChannel().size(),
              hashLength(objectFormat));
      List<byte[]> kept = names ? new ArrayList<>((int) Math.min(header.entries(), 1 << 20)) : null;
      boolean[] gitlink = {false};
      boolean[] split = {false};
      IndexFile.walk(
          in,
          header,
          new IndexFile.Visitor() {
            @Override
            public void entry(int mode, boolean skipWorktree, byte[] name, int length) {
              gitlink[0] |= (mode & IndexFile.TYPE_MASK) == IndexFile.GITLINK;
              if (kept != null) {
                kept.add(Arrays.copyOf(name, length));
              }
            }

            @Override
            public void extension(String signature, long size, byte[] head) {
              split[0] |= signature.equals("link");
            }
          });
      return new Survey(split[0], gitlink[0], split[0] ? null : kept);
    } catch (NoSuchFileException e) {
      // No index: a fresh repository, which git reads as empty.
      return new Survey(false, false, names ? List.of() : null);
    } catch (IndexFile.Corrupt | EOFException e) {
      throw corrupt(index, e.getMessage());
    } catch (IOException e) {
      throw new AnalysisException("cannot read index " + index + ": " + e.getMessage(), e);
    }
  }

  /**
   * Throws when {@code index} exists but its checksum does not match its content: the part of the
   * verification that reads the whole file, made after {@link #checkLayout} (the header is judged
   * again: a file replaced since then is judged as it is now).
   *
   * @param objectFormat the repository's {@code extensions.objectformat} (sha1 when empty)
   */
  public static void checkSum(Path index, Optional<String> objectFormat) throws AnalysisException {
    int trailer = hashLength(objectFormat);
    // One open file: a concurrent git that renames a new index into place does not mix versions.
    try (FileInputStream in = IndexFile.open(index)) {
      FileChannel ch = in.getChannel();
      long size = ch.size();
      IndexFile.judge(in.readNBytes(IndexFile.HEADER_BYTES), size, trailer);
      ch.position(0);
      MessageDigest digest = MessageDigest.getInstance(trailer == 32 ? "SHA-256" : "SHA-1");
      InputStream summed = new DigestInputStream(in, digest);
      long remaining = size - trailer;
      byte[] buf = new byte[1 << 16];
      while (remaining > 0) {
        int n = summed.read(buf, 0, (int) Math.min(buf.length, remaining));
        if (n < 0) {
          throw corrupt(index, "shorter than its size");
        }
        remaining -= n;
      }
      byte[] expected = in.readNBytes(trailer);
      byte[] actual = digest.digest();
      // An all-zero trailer is index.skipHash: git wrote no checksum.
      if (!Arrays.equals(expected, actual) && !Arrays.equals(expected, new byte[trailer])) {
        throw corrupt(index, "checksum mismatch (truncated or overwritten)");
      }
    } catch (NoSuchFileException e) {
      // No index: a fresh repository, which git reads as empty.
    } catch (IndexFile.Corrupt | EOFException e) {
      throw corrupt(index, e.getMessage());
    } catch (IOException e) {
      throw new AnalysisException("cannot read index " + index + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int hashLength(Optional<String> objectFormat) {
    return objectFormat.map(f -> f.equalsIgnoreCase("sha256")).orElse(false) ? 32 : 20;
  }

  private static AnalysisException corrupt(Path index, String why) {
    return new AnalysisException("corrupt index " + index + ": " + why);
  }
}
