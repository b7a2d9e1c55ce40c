package io.gitoverit.analysis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the user's {@code git} executable for read-only questions: never prompts (stdin closed,
 * {@code GIT_TERMINAL_PROMPT=0}), C locale for parseable messages, no optional locks (so no
 * {@code index.lock} and no index refresh written back), fsmonitor off, no pager, and a timeout
 * after which the process tree is killed. A runner is immutable: {@link #withConfig} and
 * {@link #withEnvironment} derive runners for per-repository overrides and test environments.
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
  }

  /** Options put before every subcommand so that a read-only call stays read-only. */
  private static final List<String> SAFE_OPTIONS =
      List.of("--no-optional-locks", "-c", "core.fsmonitor=false");

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
      String executable, Duration timeout, List<String> extraConfig, Map<String, String> environment) {
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
   * A runner that also passes {@code -c key=value} for each entry after its own options: these
   * win over every config file, and git hands them on to the git processes it starts itself
   * (submodule status), through {@code GIT_CONFIG_PARAMETERS}.
   */
  public GitRunner withConfig(List<String> keyValues) {
    if (keyValues.isEmpty()) {
      return this;
    }
    List<String> all = new ArrayList<>(extraConfig);
    all.addAll(keyValues);
    return new GitRunner(executable, timeout, all, environment);
  }

  /** A runner whose git processes also get the variables {@code set} and lack those in {@code unset}. */
  public GitRunner withEnvironment(Map<String, String> set, Set<String> unset) {
    Map<String, String> all = new LinkedHashMap<>(environment);
    all.putAll(set);
    unset.forEach(name -> all.put(name, null));
    return new GitRunner(executable, timeout, extraConfig, all);
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
   * Like {@link #run(Path, String...)}, with {@code input} written to git's standard input
   * (for {@code --stdin} options, so that file names stay bytes).
   */
  public Result runWithInput(Path dir, byte[] input, String... args) throws IOException {
    return run(dir, input, args);
  }

  private Result run(Path dir, byte[] input, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(args.length + 4 + 2 * extraConfig.size());
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
    env.put("GIT_OPTIONAL_LOCKS", "0");
    env.put("GIT_NO_LAZY_FETCH", "1");
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
    if (input == null) {
      pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    }
    Process p = pb.start();
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
    // Written from another thread: git may fill its stdout pipe before it has read all input.
    CompletableFuture<Void> in =
        input == null
            ? CompletableFuture.completedFuture(null)
            : CompletableFuture.runAsync(() -> writeAll(p.getOutputStream(), input));
    byte[] out;
    try {
      out = readAll(p.getInputStream());
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(p);
        throw new IOException("git " + String.join(" ", args) + " timed out after " + timeout.toSeconds() + " s");
      }
      in.exceptionally(e -> null).join();
      return new Result(p.exitValue(), out, new String(err.join(), StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      kill(p);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (UncheckedIOException e) {
      kill(p);
      throw e.getCause();
    }
  }

  private static void kill(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
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
