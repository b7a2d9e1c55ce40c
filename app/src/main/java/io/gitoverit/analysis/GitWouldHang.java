package io.gitoverit.analysis;

import io.gitoverit.gitdir.SpecialFiles;
import java.nio.file.Path;

/**
 * The repository holds a FIFO, socket or device where git opens a file: git would wait on it until
 * killed, so no engine is asked; the row says why at once.
 */
public final class GitWouldHang extends AnalysisException {
  private static final long serialVersionUID = 1L;

  public GitWouldHang(Path file) {
    super(new SpecialFiles.NotAFile(file).getMessage());
  }

  /** Unchecked, to leave JGit's walk (whose callbacks cannot throw checked exceptions). */
  public static final class InWalk extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public final transient Path file;

    public InWalk(Path file) {
      super(new SpecialFiles.NotAFile(file).getMessage(), null, false, false);
      this.file = file;
    }
  }
}
