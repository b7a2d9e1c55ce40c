package io.gitoverit.fs;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A directory's entries, each with what {@code lstat} says of it, read with one open of the
 * directory and one stat per entry relative to it, instead of a path resolved from {@code /} and a
 * Java object per attribute. An implementation answers only where it can be exact; where it cannot
 * it returns null and the caller lists that directory with NIO as before.
 */
public interface EntryStats {
  /** The POSIX file type bits of {@link Entry#mode}. */
  int S_IFMT = 0170000;

  int S_IFDIR = 0040000;
  int S_IFREG = 0100000;
  int S_IFLNK = 0120000;

  /** The owner's execute permission bit of {@link Entry#mode}. */
  int S_IXUSR = 0100;

  /**
   * One entry: its name (as NIO decodes it), and its own {@code st_mode}, {@code st_size} and
   * modification time (a symbolic link is not followed).
   */
  record Entry(String name, int mode, long size, long mtimeSeconds, int mtimeNanos) {
    public boolean isDirectory() {
      return (mode & S_IFMT) == S_IFDIR;
    }

    public boolean isRegularFile() {
      return (mode & S_IFMT) == S_IFREG;
    }

    public boolean isSymbolicLink() {
      return (mode & S_IFMT) == S_IFLNK;
    }

    public boolean isOwnerExecutable() {
      return (mode & S_IXUSR) != 0;
    }

    /**
     * The modification time as NIO's {@code lastModifiedTime()} gives it: to the nanosecond, or to
     * the microsecond where nanoseconds since the epoch overflow a long.
     */
    public FileTime modified() {
      if (mtimeNanos == 0) {
        return FileTime.from(mtimeSeconds, TimeUnit.SECONDS);
      }
      try {
        return FileTime.from(
            Math.addExact(mtimeNanos, Math.multiplyExact(mtimeSeconds, 1_000_000_000L)),
            TimeUnit.NANOSECONDS);
      } catch (ArithmeticException e) {
        return FileTime.from(mtimeSeconds * 1_000_000L + mtimeNanos / 1_000, TimeUnit.MICROSECONDS);
      }
    }
  }

  /**
   * Every entry of {@code dir} except {@code .} and {@code ..}, in no particular order; or null
   * when this cannot say exactly: the directory cannot be opened, an entry cannot be stat'ed (gone
   * since it was listed, or the directory is not searchable), a name is not valid in the JVM's
   * file-name encoding, or an entry's whole path reaches {@code PATH_MAX} (NIO's {@code lstat} of
   * it fails).
   */
  List<Entry> stat(Path dir);

  /**
   * Tells an implementation that is bound on demand that a caller has listed enough entries with
   * NIO to earn the cost of binding it; a bound one ignores it.
   */
  default void wanted() {}
}
