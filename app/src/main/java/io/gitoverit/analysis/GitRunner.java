package io.gitoverit.analysis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the user's {@code git} executable for read-only questions: never prompts (stdin closed,
 * {@code GIT_TERMINAL_PROMPT=0}), C locale for parseable messages, no optional locks (so no
 * {@code index.lock} and no index refresh written back), fsmonitor off, and a timeout after
 * which the process tree is killed.
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

  public GitRunner(String executable, Duration timeout) {
    this.executable = executable;
    this.timeout = timeout;
  }

  /** The default: {@code git} from PATH, 60 s per call. */
  public static GitRunner standard() {
    return new GitRunner("git", Duration.ofSeconds(60));
  }

  /**
   * Runs {@code git <safe options> args...} in {@code dir}.
   *
   * @throws IOException when git cannot be started or does not finish in time
   */
  public Result run(Path dir, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(args.length + 4);
    cmd.add(executable);
    cmd.addAll(SAFE_OPTIONS);
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    Map<String, String> env = pb.environment();
    env.put("LC_ALL", "C");
    env.put("LANGUAGE", "C");
    env.put("GIT_TERMINAL_PROMPT", "0");
    env.put("GIT_OPTIONAL_LOCKS", "0");
    env.put("GIT_NO_LAZY_FETCH", "1");
    env.remove("GIT_DIR");
    env.remove("GIT_WORK_TREE");
    env.remove("GIT_INDEX_FILE");
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p = pb.start();
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
    byte[] out;
    try {
      out = readAll(p.getInputStream());
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(p);
        throw new IOException("git " + String.join(" ", args) + " timed out after " + timeout.toSeconds() + " s");
      }
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
}
