package io.gitoverit.analysis.jgit;

import io.gitoverit.analysis.jgit.WalkProbe.Blob;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.MyersDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.CoreConfig.EolStreamType;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.util.io.EolStreamTypeUtil;

/**
 * Adds up what {@code git diff --numstat --cached} and {@code git diff --numstat} print in their
 * first two columns, one changed path at a time: Myers (git's default algorithm, JGit's is
 * histogram), binary sides count 0, a gitlink reads as "Subproject commit &lt;id&gt;".
 */
final class LineTotals {
  /** git's buffer_is_binary looks for a NUL in this many leading bytes. */
  private static final int FIRST_FEW_BYTES = 8000;

  private static final byte[] EMPTY = new byte[0];

  private final ObjectReader reader;
  private final Path workTree;
  private final long bigFileThreshold;
  private int additions;
  private int deletions;

  LineTotals(ObjectReader reader, Path workTree, long bigFileThreshold) {
    this.reader = reader;
    this.workTree = workTree;
    this.bigFileThreshold = bigFileThreshold;
  }

  int additions() {
    return additions;
  }

  int deletions() {
    return deletions;
  }

  /** One pair of stored objects: HEAD against the index, or a gitlink against its checkout. */
  void objects(Blob before, Blob after, Boolean binary) throws IOException {
    if (before.exists() && after.exists() && before.id().equals(after.id())) {
      return; // same content: a mode change or a merely dirty submodule prints 0 0
    }
    count(load(before), load(after), binary);
  }

  /** The index entry against the file in the work tree, read as git would hash it. */
  void worktree(Blob index, String path, FileMode workMode, EolStreamType eol, Boolean binary)
      throws IOException {
    count(load(index), readWorktree(path, workMode, eol), binary);
  }

  private void count(byte[] a, byte[] b, Boolean binary) {
    if (a == null || b == null || Arrays.equals(a, b) || Boolean.TRUE.equals(binary)) {
      return; // null: above core.bigFileThreshold, which git treats as binary
    }
    if (binary == null && (isBinary(a) || isBinary(b))) {
      return;
    }
    RawText ra = new RawText(a);
    RawText rb = new RawText(b);
    if (a.length == 0 || b.length == 0) {
      deletions += ra.size();
      additions += rb.size();
      return;
    }
    for (Edit e : MyersDiff.INSTANCE.diff(RawTextComparator.DEFAULT, ra, rb)) {
      deletions += e.getLengthA();
      additions += e.getLengthB();
    }
  }

  private byte[] load(Blob blob) throws IOException {
    if (!blob.exists()) {
      return EMPTY;
    }
    if (blob.mode() == FileMode.GITLINK) {
      return subproject(blob);
    }
    if (reader.getObjectSize(blob.id(), Constants.OBJ_BLOB) > bigFileThreshold) {
      return null;
    }
    return reader.open(blob.id(), Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE);
  }

  private byte[] readWorktree(String path, FileMode mode, EolStreamType eol) throws IOException {
    if (mode == FileMode.MISSING) {
      return EMPTY;
    }
    Path file = workTree.resolve(path);
    if (mode == FileMode.SYMLINK) {
      return Files.readSymbolicLink(file).toString().getBytes(StandardCharsets.UTF_8);
    }
    if (Files.size(file) > bigFileThreshold) {
      return null;
    }
    try (InputStream in =
        eol == null
            ? Files.newInputStream(file)
            : EolStreamTypeUtil.wrapInputStream(Files.newInputStream(file), eol)) {
      return in.readAllBytes();
    }
  }

  static byte[] subproject(Blob gitlink) {
    return ("Subproject commit " + gitlink.id().name() + "\n").getBytes(StandardCharsets.US_ASCII);
  }

  private static boolean isBinary(byte[] content) {
    int n = Math.min(content.length, FIRST_FEW_BYTES);
    for (int i = 0; i < n; i++) {
      if (content[i] == 0) {
        return true;
      }
    }
    return false;
  }
}
