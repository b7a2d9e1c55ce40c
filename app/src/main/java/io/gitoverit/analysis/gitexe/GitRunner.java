package io.gitoverit.analysis.gitexe;

import io.gitoverit.analysis.AnalysisException;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs the user's {@code git} executable for read-only questions: never prompts (stdin closed,
 * {@code GIT_TERMINAL_PROMPT=0}), C locale for parseable messages, no optional locks (so no {@code
 * index.lock} and no index refresh written back), fsmonitor off, no pager, and a timeout after
 * which the process tree is killed. A runner is immutable: {@link #withConfig} and {@link
 * #withEnvironment} derive runners for per-repository overrides and test environments.
 */
public final class GitRunner {

  /** What one git call produced. */
  public record Result(int exitCode, byte[] stdout, String stderr) {
    public boolean ok() {
      return exitCode == 0;
    }

    public String stdoutText() {
      return new String(stdout, StandardCharsets.UTF_8);
    }

    /** git's stderr stripped, or a generic line when it said nothing. */
    public String errorLine(String what) {
      String s = stderr.strip();
      if (s.isEmpty()) {
        return what + " exited with " + exitCode;
      }
      int nl = s.indexOf('\n');
      return nl < 0 ? s : s.substring(0, nl).strip();
    }

    /**
     * The failure of this call: {@code line} as the message, and git's other stderr lines (at most
     * 20) as its detail.
     */
    AnalysisException failure(String line) {
      List<String> rest = new ArrayList<>();
      for (String l : stderr.strip().lines().toList()) {
        if (!l.isBlank() && !l.strip().equals(line)) {
          rest.add(l.strip());
        }
      }
      if (rest.size() > MAX_DETAIL_LINES) {
        int more = rest.size() - MAX_DETAIL_LINES;
        rest = new ArrayList<>(rest.subList(0, MAX_DETAIL_LINES));
        rest.add("(" + more + " more lines)");
      }
      return new AnalysisException(
          line, rest.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", rest)));
    }
  }

  /** How many lines of git's stderr a failure keeps besides its message. */
  private static final int MAX_DETAIL_LINES = 20;

  /** Options put before every subcommand so that a read-only call stays read-only. */
  private static final List<String> SAFE_OPTIONS =
      List.of("--no-optional-locks", "-c", "core.fsmonitor=false");

  /**
   * Pumps git's pipes. Dedicated threads: a pipe reader parked in the common pool could keep
   * another git from ever draining its stdout, and all of them from finishing.
   */
  private static final ExecutorService PUMPS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "gitoverit-git-pipe");
            t.setDaemon(true);
            return t;
          });

  /** util-linux's setsid: detaches a git action from the terminal (absent on macOS). */
  private static final File SETSID = new File("/usr/bin/setsid");

  private final String executable;
  private final Duration timeout;

  /** {@code key=value} pairs passed as {@code -c} after the safe options. */
  private final List<String> extraConfig;

  /** Variables set for every call; a {@code null} value removes the variable. */
  private final Map<String, String> environment;

  public GitRunner(String executable, Duration timeout) {
    this(executable, timeout, List.of(), Map.of());
  }

  private GitRunner(
      String executable,
      Duration timeout,
      List<String> extraConfig,
      Map<String, String> environment) {
    this.executable = executable;
    this.timeout = timeout;
    this.extraConfig = List.copyOf(extraConfig);
    this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
  }

  /** The default: {@code git} from PATH, 60 s per call. */
  public static GitRunner standard() {
    return new GitRunner("git", Duration.ofSeconds(60));
  }

  /**
   * A runner that also passes {@code -c key=value} for each entry after its own options: these win
   * over every config file, and git hands them on to the git processes it starts itself (submodule
   * status), through {@code GIT_CONFIG_PARAMETERS}.
   */
  public GitRunner withConfig(List<String> keyValues) {
    if (keyValues.isEmpty()) {
      return this;
    }
    List<String> all = new ArrayList<>(extraConfig);
    all.addAll(keyValues);
    return new GitRunner(executable, timeout, all, environment);
  }

  /**
   * A runner whose git processes also get the variables {@code set} and lack those in {@code
   * unset}.
   */
  public GitRunner withEnvironment(Map<String, String> set, Set<String> unset) {
    Map<String, String> all = new LinkedHashMap<>(environment);
    all.putAll(set);
    unset.forEach(name -> all.put(name, null));
    return new GitRunner(executable, timeout, extraConfig, all);
  }

  /** A runner whose calls are stopped (their whole process tree killed) after {@code limit}. */
  public GitRunner withTimeout(Duration limit) {
    return new GitRunner(executable, limit, extraConfig, environment);
  }

  /** How long one call may take. */
  public Duration timeout() {
    return timeout;
  }

  /**
   * Runs {@code git <safe options> args...} in {@code dir}.
   *
   * @throws IOException when git cannot be started or does not finish in time
   */
  public Result run(Path dir, String... args) throws IOException {
    return run(dir, null, args);
  }

  /**
   * Like {@link #run(Path, String...)}, with {@code input} written to git's standard input (for
   * {@code --stdin} options, so that file names stay bytes).
   */
  public Result runWithInput(Path dir, byte[] input, String... args) throws IOException {
    return run(dir, input, args);
  }

  private Result run(Path dir, byte[] input, String... args) throws IOException {
    return start(dir, input, args).await();
  }

  /**
   * Starts git like {@link #run(Path, String...)} and returns at once: the caller does other work
   * while git runs, then calls {@link Pending#await()}.
   */
  public Pending start(Path dir, String... args) throws IOException {
    return start(dir, null, args);
  }

  private Pending start(Path dir, byte[] input, String... args) throws IOException {
    ProcessBuilder pb = builder(List.of(), false, dir, args);
    if (input == null) {
      pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    }
    Process p = pb.start();
    // Both pipes are pumped while we wait, so a git that hangs silently still times out.
    CompletableFuture<byte[]> out =
        CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()), PUMPS);
    CompletableFuture<byte[]> err =
        CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()), PUMPS);
    // Written from another thread: git may fill its stdout pipe before it has read all input.
    CompletableFuture<Void> in =
        input == null
            ? CompletableFuture.completedFuture(null)
            : CompletableFuture.runAsync(() -> writeAll(p.getOutputStream(), input), PUMPS);
    return new Pending(p, out, err, in, args, timeout, System.nanoTime());
  }

  /** How often a running git is checked for a wait on a FIFO ({@link FifoWait}). */
  private static final long FIFO_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** A git process started by {@link #start}; {@link #await} collects its result once. */
  public static final class Pending {
    private final Process process;
    private final CompletableFuture<byte[]> out;
    private final CompletableFuture<byte[]> err;
    private final CompletableFuture<Void> in;
    private final String[] args;
    private final Duration timeout;
    private final long started;

    private Pending(
        Process process,
        CompletableFuture<byte[]> out,
        CompletableFuture<byte[]> err,
        CompletableFuture<Void> in,
        String[] args,
        Duration timeout,
        long started) {
      this.process = process;
      this.out = out;
      this.err = err;
      this.in = in;
      this.args = args;
      this.timeout = timeout;
      this.started = started;
    }

    /**
     * Waits for git (the timeout counts from its start) and returns what it printed.
     *
     * @throws GitTimeoutException when git did not finish in time (it is killed)
     * @throws IOException when interrupted, or waiting to open a FIFO (git is killed), or when a
     *     pipe failed
     */
    public Result await() throws IOException {
      Process p = process;
      try {
        FifoWait fifo = null;
        while (true) {
          long left = timeout.toNanos() - (System.nanoTime() - started);
          if (p.waitFor(Math.max(0, Math.min(left, FIFO_CHECK_NANOS)), TimeUnit.NANOSECONDS)) {
            break;
          }
          if (left <= FIFO_CHECK_NANOS) {
            killTree(p.toHandle());
            throw new GitTimeoutException("git " + String.join(" ", args), timeout);
          }
          fifo = fifo == null ? new FifoWait(FifoWait.LIMIT) : fifo;
          if (fifo.stuck(p.toHandle())) {
            killTree(p.toHandle());
            throw new IOException(
                "git "
                    + String.join(" ", args)
                    + " waited "
                    + Durations.text(FifoWait.LIMIT)
                    + " to open a FIFO in the repository (git would"
                    + " wait for a writer forever)");
          }
        }
        in.exceptionally(e -> null).join();
        return new Result(
            p.exitValue(), out.join(), new String(err.join(), StandardCharsets.UTF_8));
      } catch (InterruptedException e) {
        killTree(p.toHandle());
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      } catch (CompletionException e) {
        killTree(p.toHandle());
        if (e.getCause() instanceof UncheckedIOException u) {
          throw u.getCause();
        }
        throw e;
      }
    }
  }

  /**
   * Runs git for an action that may change the repository and talk to the network: without the
   * read-only environment (a partial clone may fetch the blobs a pull checks out), git's output
   * goes to temporary files (a helper such as a persistent ssh master may keep a pipe open long
   * after git exits), and, where the system has {@code setsid}, git runs in a session of its own,
   * without a controlling terminal that anything could prompt on. After the timeout the whole
   * process tree is killed.
   *
   * @throws GitTimeoutException when git did not finish in time
   */
  public Result runAction(Path dir, String... args) throws IOException {
    List<String> prefix = SETSID.exists() ? List.of(SETSID.toString(), "-w") : List.of();
    ProcessBuilder pb = builder(prefix, true, dir, args);
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Path outFile = Files.createTempFile("gitoverit-git-", ".out");
    Path errFile = Files.createTempFile("gitoverit-git-", ".err");
    try {
      pb.redirectOutput(outFile.toFile());
      pb.redirectError(errFile.toFile());
      Process p = pb.start();
      try {
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          killTree(p.toHandle());
          throw new GitTimeoutException("git " + String.join(" ", args), timeout);
        }
      } catch (InterruptedException e) {
        killTree(p.toHandle());
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      return new Result(
          p.exitValue(),
          Files.readAllBytes(outFile),
          new String(Files.readAllBytes(errFile), StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(outFile);
      Files.deleteIfExists(errFile);
    }
  }

  /** The command line and environment shared by both kinds of call. */
  private ProcessBuilder builder(List<String> prefix, boolean action, Path dir, String... args) {
    List<String> cmd = new ArrayList<>(prefix.size() + args.length + 4 + 2 * extraConfig.size());
    cmd.addAll(prefix);
    cmd.add(executable);
    cmd.addAll(SAFE_OPTIONS);
    for (String kv : extraConfig) {
      cmd.add("-c");
      cmd.add(kv);
    }
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    Map<String, String> env = pb.environment();
    env.put("LC_ALL", "C");
    env.put("LANGUAGE", "C");
    env.put("GIT_TERMINAL_PROMPT", "0");
    if (!action) {
      env.put("GIT_OPTIONAL_LOCKS", "0");
      env.put("GIT_NO_LAZY_FETCH", "1");
    }
    env.put("GIT_PAGER", "cat");
    env.remove("GIT_DIR");
    env.remove("GIT_WORK_TREE");
    env.remove("GIT_INDEX_FILE");
    environment.forEach(
        (name, value) -> {
          if (value == null) {
            env.remove(name);
          } else {
            env.put(name, value);
          }
        });
    return pb;
  }

  /**
   * Kills a process and everything it started. The descendants are listed first: once their parent
   * is gone they are re-parented and could no longer be found through it.
   */
  static void killTree(ProcessHandle root) {
    List<ProcessHandle> below = root.descendants().toList();
    root.destroyForcibly();
    for (ProcessHandle h : below) {
      h.descendants().forEach(ProcessHandle::destroyForcibly);
      h.destroyForcibly();
    }
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      in.transferTo(buf);
      return buf.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeAll(OutputStream out, byte[] bytes) {
    try (out) {
      out.write(bytes);
    } catch (IOException e) {
      // git stopped reading (it failed or needed no more input): its exit code tells the rest.
    }
  }
}
