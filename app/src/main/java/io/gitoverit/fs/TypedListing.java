package io.gitoverit.fs;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Lists a directory with each entry's type as the directory itself records it (Linux's {@code
 * d_type}), so that a walk learns which entries are directories without an {@code lstat} per entry.
 * An implementation answers only where it can be exact; everywhere else it returns null and the
 * caller lists that directory with NIO as before.
 */
public interface TypedListing {

  /** What a directory holds that a walk for repositories needs. */
  record Entries(List<String> subdirs, EntryType dotGit) {}

  /** An entry's own type; a symbolic link is not followed. */
  enum EntryType {
    DIRECTORY,
    SYMBOLIC_LINK,
    FILE,
    /** A FIFO, socket or device. */
    OTHER
  }

  /**
   * The names of {@code dir}'s real subdirectories (symbolic links excluded, {@code .git} too, in
   * no particular order) and the type of its {@code .git} entry (null without one); or null when
   * this listing cannot say exactly: the directory cannot be opened or searched, an entry's type is
   * unknown, or a name is not valid in the JVM's file-name encoding.
   */
  Entries list(Path dir);

  /**
   * Tells a listing that is bound on demand that a walk has met enough entries to earn the cost of
   * binding it; a bound listing ignores it.
   */
  default void wanted() {}

  /**
   * The same native layer's {@link ModifiedTimes}, when it has one; a listing bound on demand binds
   * when {@link ModifiedTimes#ready} is told of a scan big enough to earn it.
   */
  default Optional<ModifiedTimes> modifiedTimes() {
    return Optional.empty();
  }

  /**
   * The same native layer's {@link EntryStats}, when it has one; a listing bound on demand binds
   * when {@link EntryStats#wanted} or {@link #wanted} is called.
   */
  default Optional<EntryStats> entryStats() {
    return Optional.empty();
  }
}
