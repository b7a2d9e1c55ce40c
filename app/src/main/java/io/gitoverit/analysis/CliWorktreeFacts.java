package io.gitoverit.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The work-tree facts that need more than git status: line totals and the newest mtime. */
final class CliWorktreeFacts {
  private CliWorktreeFacts() {}

  /** Added and deleted lines over {@code git diff --numstat --cached}, then {@code git diff --numstat}. */
  record LineTotals(int additions, int deletions) {}

  /**
   * The line totals as git prints them (conflicted paths included). A diff that fails (git cannot
   * read a tracked path, say) counts 0, as upstream's does. Neither an external diff nor a textconv
   * program runs.
   */
  static LineTotals lineTotals(GitRunner git, Path root) throws IOException {
    int[] sum = new int[2];
    for (boolean cached : new boolean[] {true, false}) {
      GitRunner.Result r =
          cached
              ? git.run(root, "diff", "--numstat", "-z", "--no-ext-diff", "--no-textconv", "--cached")
              : git.run(root, "diff", "--numstat", "-z", "--no-ext-diff", "--no-textconv");
      if (r.ok()) {
        addNumstat(r.stdout(), sum);
      }
    }
    return new LineTotals(sum[0], sum[1]);
  }

  /**
   * Adds up {@code numstat -z} records: {@code A TAB D TAB path NUL}, or for a rename or copy
   * {@code A TAB D TAB NUL from NUL to NUL}. A column that is not all digits ({@code -} for a
   * binary file) counts 0.
   */
  static void addNumstat(byte[] raw, int[] sum) {
    List<byte[]> fields = CliStatus.splitNul(raw);
    for (int i = 0; i < fields.size(); i++) {
      String[] cols = new String(fields.get(i), StandardCharsets.UTF_8).split("\t", 3);
      if (cols.length < 3) {
        continue;
      }
      sum[0] += digits(cols[0]);
      sum[1] += digits(cols[1]);
      if (cols[2].isEmpty()) {
        i += 2; // the two paths of a rename or copy
      }
    }
  }

  private static int digits(String column) {
    if (column.isEmpty() || !column.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return 0;
    }
    return Integer.parseInt(column);
  }

  /**
   * The newest modification time (links followed, nanosecond precision) over the tracked and
   * the untracked, not ignored paths, skipping {@code .git} and paths that do not exist; empty
   * when there are none. Names that this JVM cannot turn into a path (bytes that are not valid in
   * its file-name encoding) are skipped.
   *
   * @throws AnalysisException when git cannot list the files
   */
  static Optional<Instant> newestMtime(GitRunner git, Path root) throws IOException, AnalysisException {
    GitRunner.Result r = git.run(root, "ls-files", "--sparse", "-z", "--cached", "--others", "--exclude-standard");
    if (!r.ok()) {
      throw new AnalysisException(r.errorLine("git ls-files"));
    }
    Instant newest = null;
    for (byte[] name : CliStatus.splitNul(r.stdout())) {
      String n = new String(name, StandardCharsets.UTF_8);
      if (n.equals(".git") || n.startsWith(".git/")) {
        continue;
      }
      Instant t;
      try {
        t = Files.getLastModifiedTime(root.resolve(n)).toInstant();
      } catch (IOException | InvalidPathException e) {
        continue; // missing, a dangling link, or a name this JVM cannot express: upstream skips it too
      }
      if (newest == null || t.isAfter(newest)) {
        newest = t;
      }
    }
    return Optional.ofNullable(newest);
  }
}
