package io.gitoverit;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Standard output that tells a closed pipe from a failed write. A reader that went away ({@code
 * gitoverit | head -c 100}) is no error: the rest of the output is dropped silently, as git and
 * JGit's {@code jgit} do. Any other write failure (a full disk, a closed descriptor) is recorded
 * and rethrown, so that the run ends with an error instead of a truncated document presented as
 * success.
 */
final class StdoutGuard extends OutputStream {
  private final OutputStream out;
  private volatile boolean readerGone;
  private volatile IOException failure;

  StdoutGuard(OutputStream out) {
    this.out = out;
  }

  static StdoutGuard forStdout() {
    return new StdoutGuard(new FileOutputStream(FileDescriptor.out));
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (readerGone) {
      return;
    }
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      handle(e);
    }
  }

  @Override
  public void flush() throws IOException {
    if (readerGone) {
      return;
    }
    try {
      out.flush();
    } catch (IOException e) {
      handle(e);
    }
  }

  private void handle(IOException e) throws IOException {
    if (isBrokenPipe(e)) {
      readerGone = true;
      return;
    }
    if (failure == null) {
      failure = e;
    }
    throw e;
  }

  /** The first write failure other than a closed pipe; null when there was none. */
  IOException failure() {
    return failure;
  }

  static boolean isBrokenPipe(IOException e) {
    String m = e.getMessage();
    return m != null && (m.contains("Broken pipe") || m.contains("EPIPE"));
  }
}
