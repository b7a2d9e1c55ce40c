package io.gitoverit.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Verifies the index file's trailing checksum before the git engine trusts it. git itself checks
 * it only in {@code fsck}: {@code git status} reads a truncated or overwritten index as if it were
 * sound and reports invented changes, which a scan must turn into an error row instead.
 */
final class IndexIntegrity {
  private IndexIntegrity() {}

  /**
   * Throws when {@code index} exists but is not an intact index.
   *
   * @param objectFormat the repository's {@code extensions.objectformat} (sha1 when empty)
   */
  static void check(Path index, Optional<String> objectFormat) throws AnalysisException {
    boolean sha256 = objectFormat.map(f -> f.equalsIgnoreCase("sha256")).orElse(false);
    int trailer = sha256 ? 32 : 20;
    // One open file: a concurrent git that renames a new index into place does not mix versions.
    try (FileChannel ch = FileChannel.open(index, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < 12 + trailer) {
        throw corrupt(index, "too short (" + size + " bytes)");
      }
      MessageDigest digest = MessageDigest.getInstance(sha256 ? "SHA-256" : "SHA-1");
      InputStream in = new DigestInputStream(Channels.newInputStream(ch), digest);
      ByteBuffer header = ByteBuffer.wrap(in.readNBytes(12));
      if (header.getInt() != 0x44495243) {
        throw corrupt(index, "not a git index (bad signature)");
      }
      int version = header.getInt();
      if (version < 2 || version > 4) {
        throw corrupt(index, "unknown index version " + version);
      }
      long remaining = size - 12 - trailer;
      byte[] buf = new byte[1 << 16];
      while (remaining > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, remaining));
        if (n < 0) {
          throw corrupt(index, "shorter than its size");
        }
        remaining -= n;
      }
      byte[] expected = Channels.newInputStream(ch).readNBytes(trailer);
      byte[] actual = digest.digest();
      // An all-zero trailer is index.skipHash: git wrote no checksum.
      if (!Arrays.equals(expected, actual) && !Arrays.equals(expected, new byte[trailer])) {
        throw corrupt(index, "checksum mismatch (truncated or overwritten)");
      }
    } catch (NoSuchFileException e) {
      // No index: a fresh repository, which git reads as empty.
    } catch (IOException e) {
      throw new AnalysisException("cannot read index " + index + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static AnalysisException corrupt(Path index, String why) {
    return new AnalysisException("corrupt index " + index + ": " + why);
  }
}
