package io.gitoverit.gitdir;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Existence and type checks for names that are usually absent (MERGE_HEAD, rebase-apply,
 * .gitmodules...). java.io answers an absent name with false; NIO (on JDK 17) throws and catches a
 * NoSuchFileException with its stack trace for each, about eight per repository. Links are
 * followed, as by {@code Files.exists} and friends without options. Paths of another file system
 * (an in-memory one in tests) are asked through NIO.
 */
public final class QuietFiles {
  private QuietFiles() {}

  /** {@code Files.exists(p)}. */
  public static boolean exists(Path p) {
    return isDefault(p) ? p.toFile().exists() : Files.exists(p);
  }

  /** {@code Files.isDirectory(p)}. */
  public static boolean isDirectory(Path p) {
    return isDefault(p) ? p.toFile().isDirectory() : Files.isDirectory(p);
  }

  /** {@code Files.isRegularFile(p)}. */
  public static boolean isRegularFile(Path p) {
    return isDefault(p) ? p.toFile().isFile() : Files.isRegularFile(p);
  }

  private static boolean isDefault(Path p) {
    return p.getFileSystem() == FileSystems.getDefault();
  }
}
