package io.gitoverit.scan;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spots analyses that will never finish: a thread that has sat in the same native file open for
 * {@link #LIMIT}. Opening a FIFO waits for a writer that never comes (git waits too), and a
 * downloaded repository can hold one wherever git reads a file: a loose object, a ref. The analysis
 * checks the usual places first ({@code analysis.SpecialFileCheck}); this is the net for the rest.
 * A regular file on a local disk opens in microseconds, so an unchanged stack inside an open for
 * that long means the open is not coming back (or the file system has hung).
 *
 * <p>Analysing threads call {@link #started} and {@link #finished}; only the coordinator calls
 * {@link #check}.
 */
final class StallWatch {
  /** How long one open may block before its repository becomes an error row. */
  static final Duration LIMIT = Duration.ofSeconds(10);

  /** How often the coordinator looks at the analysing threads. */
  static final Duration EVERY = Duration.ofMillis(500);

  /** A repository given up on: its analysing thread and where that thread is stuck. */
  record Stuck(Path repo, Thread thread, StackTraceElement[] stack) {
    String message(Duration limit) {
      return "no answer after "
          + limit.toSeconds()
          + " s: stuck opening a file, likely a FIFO or"
          + " device where git expects a file (git would wait too)";
    }

    String detail() {
      StringBuilder text = new StringBuilder(thread.getName()).append(" waits in:\n");
      for (StackTraceElement frame : stack) {
        text.append("\tat ").append(frame).append('\n');
      }
      return text.toString();
    }
  }

  private record Sample(StackTraceElement[] stack, long since) {}

  private final long limitNanos;
  private final Map<Path, Thread> running = new ConcurrentHashMap<>();
  private final Map<Path, Sample> samples = new HashMap<>();
  private long nextCheck;

  StallWatch(Duration limit) {
    this.limitNanos = limit.toNanos();
    this.nextCheck = System.nanoTime() + EVERY.toNanos();
  }

  /** The calling thread now analyses {@code repo}. */
  void started(Path repo) {
    running.put(repo, Thread.currentThread());
  }

  /** The calling thread is done with {@code repo}. */
  void finished(Path repo) {
    running.remove(repo, Thread.currentThread());
  }

  /** How long the coordinator may wait for a result before the next look, in nanoseconds. */
  long untilNextCheck() {
    return Math.max(0, nextCheck - System.nanoTime());
  }

  /**
   * When a look is due: the repositories whose thread has waited in one open for the limit. They
   * are forgotten here; a result their thread delivers later must be ignored by the caller.
   */
  List<Stuck> check() {
    long now = System.nanoTime();
    if (now < nextCheck) {
      return List.of();
    }
    nextCheck = now + EVERY.toNanos();
    samples.keySet().retainAll(running.keySet());
    List<Stuck> stuck = new ArrayList<>();
    for (Map.Entry<Path, Thread> e : running.entrySet()) {
      Path repo = e.getKey();
      Thread thread = e.getValue();
      StackTraceElement[] stack = thread.getStackTrace();
      if (!inFileOpen(stack)) {
        samples.remove(repo);
        continue;
      }
      Sample before = samples.get(repo);
      if (before == null || !Arrays.equals(before.stack(), stack)) {
        samples.put(repo, new Sample(stack, now));
      } else if (now - before.since() >= limitNanos && running.remove(repo, thread)) {
        samples.remove(repo);
        stuck.add(new Stuck(repo, thread, stack));
      }
    }
    return stuck;
  }

  /** The innermost frame is the JDK's native open of a file (java.io or NIO). */
  static boolean inFileOpen(StackTraceElement[] stack) {
    if (stack.length == 0 || !stack[0].isNativeMethod()) {
      return false;
    }
    String type = stack[0].getClassName();
    return stack[0].getMethodName().startsWith("open")
        && (type.startsWith("java.io.") || type.startsWith("sun.nio."));
  }
}
