package io.gitoverit.analysis.gitexe;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code git status --porcelain=v2 --branch -z} said, counted with upstream's rules. File
 * names stay bytes: they are only handed back to git.
 *
 * @param changes the tracked-change records (kinds {@code 1}, {@code 2} and {@code u})
 */
record PorcelainStatus(
    Optional<String> oid,
    Optional<String> head,
    Optional<String> upstream,
    int ahead,
    int behind,
    int untracked,
    int modified,
    int deleted,
    int conflicts,
    List<Change> changes) {

  /**
   * One tracked-change record.
   *
   * @param kind {@code 1}, {@code 2} or {@code u}
   * @param xy the two status letters
   * @param sub the submodule field ({@code N...}, or {@code S} and three flags)
   */
  record Change(char kind, String xy, String sub, byte[] path) {}

  /** Upstream's branch column. */
  String branch() {
    if (head.isPresent() && head.get().equals("(detached)")) {
      if (oid.isEmpty() || oid.get().isEmpty() || oid.get().startsWith("(")) {
        return "DETACHED";
      }
      String o = oid.get();
      return "DETACHED@" + o.substring(0, Math.min(7, o.length()));
    }
    return head.orElse("UNKNOWN");
  }

  /** Parses the NUL-separated records of one status call. */
  static PorcelainStatus parse(byte[] raw) {
    Builder b = new Builder();
    List<byte[]> fields = splitNul(raw);
    for (int i = 0; i < fields.size(); i++) {
      byte[] f = fields.get(i);
      if (f.length < 2 || f[1] != ' ') {
        continue;
      }
      switch (f[0]) {
        case '#' -> b.header(new String(f, 2, f.length - 2, StandardCharsets.UTF_8));
        case '?' -> b.untracked++;
        case '1' -> b.change(f, 8);
        case '2' -> {
          b.change(f, 9);
          i++; // a rename or copy record is followed by the original path
        }
        case 'u' -> b.change(f, 10);
        default -> {
          // '!' (ignored) and unknown records do not count
        }
      }
    }
    return new PorcelainStatus(
        Optional.ofNullable(b.oid),
        Optional.ofNullable(b.head),
        Optional.ofNullable(b.upstream),
        b.ahead,
        b.behind,
        b.untracked,
        b.modified,
        b.deleted,
        b.conflicts,
        List.copyOf(b.changes));
  }

  /** The non-empty fields of a NUL-separated listing. */
  static List<byte[]> splitNul(byte[] raw) {
    List<byte[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= raw.length; i++) {
      if (i == raw.length || raw[i] == 0) {
        if (i > start) {
          out.add(java.util.Arrays.copyOfRange(raw, start, i));
        }
        start = i + 1;
      }
    }
    return out;
  }

  /** Mutable counters for one parse. */
  private static final class Builder {
    String oid;
    String head;
    String upstream;
    int ahead;
    int behind;
    int untracked;
    int modified;
    int deleted;
    int conflicts;
    final List<Change> changes = new ArrayList<>();

    void header(String h) {
      int sp = h.indexOf(' ');
      String key = sp < 0 ? h : h.substring(0, sp);
      String value = sp < 0 ? "" : h.substring(sp + 1);
      switch (key) {
        case "branch.oid" -> oid = value;
        case "branch.head" -> head = value;
        case "branch.upstream" -> upstream = value;
        case "branch.ab" -> {
          String[] ab = value.trim().split("\\s+");
          if (ab.length == 2) {
            ahead = Integer.parseInt(ab[0]);
            behind = Math.abs(Integer.parseInt(ab[1]));
          }
        }
        default -> {
          // other headers (branch.stash, future ones) are not used
        }
      }
    }

    /** A tracked change whose path follows {@code fieldsBeforePath} space-separated fields. */
    void change(byte[] f, int fieldsBeforePath) {
      if (f.length < 4) {
        return;
      }
      char kind = (char) f[0];
      String xy = new String(f, 2, 2, StandardCharsets.US_ASCII);
      int pos = 0;
      int subStart = 5;
      int subEnd = f.length;
      for (int spaces = 0; pos < f.length && spaces < fieldsBeforePath; pos++) {
        if (f[pos] == ' ') {
          spaces++;
          if (spaces == 3) {
            subEnd = pos;
          }
        }
      }
      String sub =
          subStart < subEnd
              ? new String(f, subStart, subEnd - subStart, StandardCharsets.US_ASCII)
              : "";
      changes.add(new Change(kind, xy, sub, java.util.Arrays.copyOfRange(f, pos, f.length)));
      if (kind == 'u' || xy.equals("AA") || xy.equals("DD") || xy.indexOf('U') >= 0) {
        conflicts++;
      }
      if (xy.indexOf('D') >= 0) {
        deleted++;
      }
      // One record may count as both modified and deleted (e.g. RD, MD).
      for (char c : "MARCT".toCharArray()) {
        if (xy.indexOf(c) >= 0) {
          modified++;
          break;
        }
      }
    }
  }
}
