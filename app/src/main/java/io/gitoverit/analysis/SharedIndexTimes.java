package io.gitoverit.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Git refreshes the modification time of a split index's {@code sharedindex.*} files every time it
 * reads the index (so that they do not expire), even with {@code --no-optional-locks}, and offers
 * no switch against it. A scan must leave the repository as it found it, so the times are recorded
 * before git runs and put back afterwards. Nothing else in the files changes.
 */
public final class SharedIndexTimes {
  private final Map<Path, FileTime> times;

  private SharedIndexTimes(Map<Path, FileTime> times) {
    this.times = times;
  }

  /** Records the times of the {@code sharedindex.*} files in {@code gitDir} (usually none). */
  public static SharedIndexTimes record(Path gitDir) {
    Map<Path, FileTime> times = new LinkedHashMap<>();
    try (Stream<Path> s = Files.list(gitDir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (p.getFileName().toString().startsWith("sharedindex.")) {
          times.put(p, Files.getLastModifiedTime(p));
        }
      }
    } catch (IOException e) {
      // an unreadable git dir fails later, with git's own message
    }
    return new SharedIndexTimes(times);
  }

  /** Puts the recorded times back where git changed them. */
  public void restore() {
    times.forEach(
        (p, t) -> {
          try {
            if (!Files.getLastModifiedTime(p).equals(t)) {
              Files.setLastModifiedTime(p, t);
            }
          } catch (IOException e) {
            // the file went away or is not ours to touch: nothing to put back
          }
        });
  }
}
