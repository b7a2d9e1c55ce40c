package io.gitoverit.gitdir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The files that git config {@code include.path} and {@code includeIf.*.path} values name, found
 * and read as git finds them, with a guard a scan needs: a repository's config may name {@code
 * /dev/zero} or a pipe, so only regular files of sane size are read.
 */
public final class IncludedConfigs {
  /** Larger included config files are refused. */
  public static final long MAX_BYTES = 1 << 20;

  private IncludedConfigs() {}

  /**
   * The file that {@code value} names when written in {@code includingFile}: {@code ~/} is the home
   * directory, a relative path lies beside the including file. Null when it names nothing this
   * process can follow ({@code ~user}, no home, not a path).
   */
  public static Path resolve(Path includingFile, String value, Path home) {
    try {
      if (value.startsWith("~/")) {
        return home == null ? null : home.resolve(value.substring(2));
      }
      if (value.startsWith("~")) {
        return null; // ~user: another user's home
      }
      Path p = Path.of(value);
      if (p.isAbsolute()) {
        return p;
      }
      Path dir = includingFile.toAbsolutePath().getParent();
      return dir == null ? null : dir.resolve(p);
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /**
   * The bytes of {@code file}; null when it does not exist or is no regular file (git skips a
   * missing include; a device or pipe is never read).
   *
   * @throws IOException when it cannot be read or is larger than {@link #MAX_BYTES}
   */
  public static byte[] read(Path file) throws IOException {
    try {
      if (!Files.isRegularFile(file)) {
        return null;
      }
      if (Files.size(file) > MAX_BYTES) {
        throw new IOException("config file too large: " + file);
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
