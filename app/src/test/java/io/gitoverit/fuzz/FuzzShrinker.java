package io.gitoverit.fuzz;

import io.gitoverit.fuzz.FuzzCase.Op;
import io.gitoverit.fuzz.FuzzCase.Write;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Shrinks a failing case to a small one that still fails the same way (a disagreement on the same
 * field): drops runs of steps, halving the run length down to single steps, then single lines of
 * the files written, until nothing more can go. Each attempt builds the candidate from scratch in a
 * new folder.
 */
final class FuzzShrinker {
  private final FuzzRun run;
  private final Path scratch;
  private final int budget;
  private int attempts;

  FuzzShrinker(FuzzRun run, Path scratch, int budget) {
    this.run = run;
    this.scratch = scratch;
    this.budget = budget;
  }

  /** The smallest case found that still shows a disagreement about {@code field}. */
  FuzzCase shrink(FuzzCase failing, String field) throws IOException, InterruptedException {
    FuzzCase best = failing;
    boolean progress = true;
    while (progress && attempts < budget) {
      progress = false;
      for (int size = Math.max(1, best.ops().size() / 2);
          size >= 1 && attempts < budget;
          size /= 2) {
        for (int from = 0; from < best.ops().size() && attempts < budget; ) {
          List<Op> ops = new ArrayList<>(best.ops());
          ops.subList(from, Math.min(ops.size(), from + size)).clear();
          FuzzCase smaller = stillFails(new FuzzCase(ops), field);
          if (smaller != null) {
            best = smaller;
            progress = true;
          } else {
            from += size;
          }
        }
      }
      for (int i = 0; i < best.ops().size() && attempts < budget; i++) {
        if (!(best.ops().get(i) instanceof Write w)) {
          continue;
        }
        List<byte[]> lines = lines(w.content());
        for (int line = 0; line < lines.size() && attempts < budget; ) {
          List<byte[]> fewer = new ArrayList<>(lines);
          fewer.remove(line);
          List<Op> ops = new ArrayList<>(best.ops());
          ops.set(i, new Write(w.path(), join(fewer)));
          FuzzCase smaller = stillFails(new FuzzCase(ops), field);
          if (smaller != null && smaller.ops().size() == best.ops().size()) {
            best = smaller;
            w = (Write) best.ops().get(i);
            lines = fewer;
            progress = true;
          } else {
            line++;
          }
        }
      }
    }
    return best;
  }

  /** The candidate as built, when it still disagrees about {@code field}; else null. */
  private FuzzCase stillFails(FuzzCase candidate, String field)
      throws IOException, InterruptedException {
    attempts++;
    Path dir = scratch.resolve("shrink-" + attempts);
    try {
      FuzzRun.Outcome o = run.run(candidate, dir);
      boolean same = o.disagreements().stream().anyMatch(d -> field(d).equals(field));
      return same ? o.built() : null;
    } finally {
      FuzzCase.deleteTree(dir);
    }
  }

  /** The kind of a disagreement: the field name, or the listing it is about. */
  static String field(String disagreement) {
    int colon = disagreement.indexOf(": ");
    String rest = colon < 0 ? disagreement : disagreement.substring(colon + 2);
    if (disagreement.startsWith("listed") || disagreement.startsWith("handed to git")) {
      return disagreement.substring(0, disagreement.indexOf(':'));
    }
    if (rest.startsWith("git reads it") || rest.startsWith("git cannot read it")) {
      return "error";
    }
    int space = rest.indexOf(' ');
    return space < 0 ? rest : rest.substring(0, space);
  }

  /** The lines of a file, each with its line end. */
  private static List<byte[]> lines(byte[] content) {
    List<byte[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < content.length; i++) {
      if (content[i] == '\n') {
        out.add(java.util.Arrays.copyOfRange(content, start, i + 1));
        start = i + 1;
      }
    }
    if (start < content.length) {
      out.add(java.util.Arrays.copyOfRange(content, start, content.length));
    }
    return out;
  }

  private static byte[] join(List<byte[]> lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    lines.forEach(out::writeBytes);
    return out.toByteArray();
  }
}
