package io.gitoverit.render.json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Runs python3 for golden values, when the machine has it. */
public final class Python {
  private Python() {}

  public static boolean available() {
    try {
      Process p = new ProcessBuilder("python3", "-c", "pass").redirectErrorStream(true).start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs {@code script} with {@code stdin} as input and returns its standard output. */
  public static String run(String script, String stdin) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("python3", "-c", script).start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("python3 failed: " + err);
    }
    return out;
  }
}
