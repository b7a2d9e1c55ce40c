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
import java.util.Arrays;
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
   * Throws when {@code index} exists but its header, size or layout rules out a git index: the part
   * of {@link #check} that reads no more than the entries and extension headers, made before any
   * git process reads the file (git would first hash all of it).
   *
   * @param objectFormat the repository's {@code extensions.objectformat} (sha1 when empty)
   */
  public static void checkLayout(Path index, Optional<String> objectFormat)
      throws AnalysisException {
    try (FileInputStream in = IndexFile.open(index)) {
      IndexFile.Header header =
          IndexFile.judge(
              in.readNBytes(IndexFile.HEADER_BYTES),
              in.getChannel().size(),
              hashLength(objectFormat));
      IndexFile.walk(in, header, new IndexFile.Visitor() {});
    } catch (NoSuchFileException e) {
      // No index: a fresh repository, which git reads as empty.
    } catch (IndexFile.Corrupt | EOFException e) {
      throw corrupt(index, e.getMessage());
    } catch (IOException e) {
      throw new AnalysisException("cannot read index " + index + ": " + e.getMessage(), e);
    }
  }

  /**
   * Throws when {@code index} exists but is not an intact index.
   *
   * @param objectFormat the repository's {@code extensions.objectformat} (sha1 when empty)
   */
  public static void check(Path index, Optional<String> objectFormat) throws AnalysisException {
    int trailer = hashLength(objectFormat);
    // One open file: a concurrent git that renames a new index into place does not mix versions.
    try (FileInputStream in = IndexFile.open(index)) {
      FileChannel ch = in.getChannel();
      long size = ch.size();
      // Header and layout first: they refuse a damaged file without reading all of it.
      IndexFile.Header header =
          IndexFile.judge(in.readNBytes(IndexFile.HEADER_BYTES), size, trailer);
      IndexFile.walk(in, header, new IndexFile.Visitor() {});
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
