package io.gitoverit.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * FIFOs made with {@code mkfifo}, as an unpacked archive can hold them. A reader that opens one
 * waits for a writer; {@link #releaseAll} is that writer, so no test thread stays blocked.
 */
public final class Fifos {
  private final List<Path> made = new ArrayList<>();

  /** Makes a FIFO at {@code path}, replacing a file there. */
  public Path make(Path path) throws IOException, InterruptedException {
    Files.deleteIfExists(path);
    Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IOException("mkfifo failed for " + path);
    }
    made.add(path);
    return path;
  }

  /** Opens every FIFO made here for writing, once, letting any waiting reader go. */
  public void releaseAll() throws IOException, InterruptedException {
    for (Path fifo : made) {
      new ProcessBuilder("timeout", "1", "sh", "-c", ": > \"$1\"", "sh", fifo.toString())
          .start()
          .waitFor(5, TimeUnit.SECONDS);
    }
  }
}
