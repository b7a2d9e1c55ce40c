package io.gitoverit.analysis.gitexe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Spots a git process (or one it started) that waits to open a FIFO: a downloaded repository can
 * hold one where git reads a file, and git would wait for a writer forever. Linux names that wait
 * {@code wait_for_partner} in {@code /proc/<pid>/wchan}; elsewhere (no {@code /proc}, an older
 * kernel) nothing is spotted and the call's own timeout still applies. The scan's {@code
 * StallWatch} does the same for JGit's opens, in the JVM.
 */
final class FifoWait {
  /** How long a process may wait to open a FIFO before its call is given up. */
  static final Duration LIMIT = Duration.ofSeconds(10);

  private final long limitNanos;

  /** Since when (System.nanoTime) each waiting process has been seen waiting. */
  private final Map<Long, Long> since = new HashMap<>();

  FifoWait(Duration limit) {
    this.limitNanos = limit.toNanos();
  }

  /** Whether a process of the tree under {@code root} has waited on a FIFO open for the limit. */
  boolean stuck(ProcessHandle root) {
    long now = System.nanoTime();
    Set<Long> waiting = new HashSet<>();
    Stream.concat(Stream.of(root), root.descendants())
        .map(ProcessHandle::pid)
        .filter(FifoWait::opensFifo)
        .forEach(waiting::add);
    since.keySet().retainAll(waiting);
    for (long pid : waiting) {
      if (now - since.computeIfAbsent(pid, p -> now) >= limitNanos) {
        return true;
      }
    }
    return false;
  }

  /** Whether process {@code pid} is blocked opening a FIFO that has no writer. */
  static boolean opensFifo(long pid) {
    try {
      byte[] wchan = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "wchan"));
      return new String(wchan, StandardCharsets.US_ASCII).strip().equals("wait_for_partner");
    } catch (IOException | SecurityException e) {
      return false; // gone, or no /proc: nothing to tell
    }
  }
}
