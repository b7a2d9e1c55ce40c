package io.gitoverit.fs;

import java.nio.file.Path;
import java.util.List;

/**
 * The newest modification time over many files named relative to one directory, each name given as
 * the bytes git stores, with no {@code Path} or {@code String} made per name. An implementation
 * answers only where it can be exact; where it cannot it returns null and the caller stats the
 * names with NIO as before.
 */
public interface ModifiedTimes {
  /**
   * The newest modification time, in nanoseconds since the epoch, of the files that {@code names}
   * (relative to {@code root}) name, symbolic links followed as {@code stat} follows them, skipping
   * names that lead nowhere (missing, a dangling link, not searchable); {@link Long#MIN_VALUE} when
   * none leads anywhere; null when this cannot say ({@code root} cannot be opened, or its path is
   * not one this can name).
   */
  Long newestNanos(Path root, List<byte[]> names);

  /**
   * Gets ready for a scan of {@code names} names in all, which may come in several calls (chunks on
   * several threads): an implementation that must first bind native calls does so here when that
   * many names earn it. False when it would answer every call with null, so that the caller stats
   * the names with NIO from the start.
   */
  default boolean ready(int names) {
    return true;
  }
}
