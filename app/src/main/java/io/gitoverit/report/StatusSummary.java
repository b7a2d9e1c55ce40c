package io.gitoverit.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Upstream's status column as data: the segments that apply, in upstream's order, each with the
 * kind of fact it shows (renderers choose colours from the kind) and how early a narrow table may
 * drop it.
 */
public final class StatusSummary {

  /**
   * What a segment shows; renderers map it to a colour. {@link #UNCERTAIN} is the table's own
   * mark ({@link #UNCERTAIN_MARK}), never part of upstream's text.
   */
  public enum Kind {
    UNCHECKED, MODIFIED, LINES, UNTRACKED, DELETED, SUBMODULES, AHEAD, BEHIND, PULLED, PUSHED,
    EXCEPTIONAL, UNCERTAIN
  }

  /** The table's mark for a report with warnings: a count may differ from git's. */
  public static final String UNCERTAIN_MARK = "~";

  /** Which segments a narrow cell drops first: line totals, then extras; core ones stay. */
  public enum Narrowing {
    CORE, EXTRAS, LINES
  }

  /** One piece of the status text, such as {@code 3m} or {@code (+10/-2)}. */
  public record Segment(String text, Kind kind, Narrowing narrowing) {}

  private StatusSummary() {}

  /** The segments for a report; empty means the repository is clean. */
  public static List<Segment> segments(RepoReport r) {
    List<Segment> out = new ArrayList<>();
    if (!(r.worktree() instanceof Worktree.Checked w)) {
      out.add(new Segment("?", Kind.UNCHECKED, Narrowing.CORE));
      addTail(out, r);
      return out;
    }
    if (w.modified() > 0) {
      out.add(new Segment(w.modified() + "m", Kind.MODIFIED, Narrowing.CORE));
    }
    if (w.additions() > 0 || w.deletions() > 0) {
      out.add(
          new Segment(
              "(+" + w.additions() + "/-" + w.deletions() + ")", Kind.LINES, Narrowing.LINES));
    }
    if (w.untracked() > 0) {
      out.add(new Segment(w.untracked() + "u", Kind.UNTRACKED, Narrowing.CORE));
    }
    if (w.deleted() > 0) {
      out.add(new Segment(w.deleted() + "d", Kind.DELETED, Narrowing.CORE));
    }
    addTail(out, r);
    return out;
  }

  private static void addTail(List<Segment> out, RepoReport r) {
    if (r.submodules() > 0) {
      out.add(new Segment(r.submodules() + "s", Kind.SUBMODULES, Narrowing.EXTRAS));
    }
    if (r.ahead() > 0) {
      out.add(new Segment(r.ahead() + "\u2191", Kind.AHEAD, Narrowing.CORE));
    }
    if (r.behind() > 0) {
      out.add(new Segment(r.behind() + "\u2193", Kind.BEHIND, Narrowing.CORE));
    }
    if (r.sync().pulled()) {
      out.add(new Segment("P", Kind.PULLED, Narrowing.EXTRAS));
    }
    if (r.sync().pushed()) {
      out.add(new Segment("U", Kind.PUSHED, Narrowing.EXTRAS));
    }
    if (r.exceptional()) {
      out.add(new Segment("!", Kind.EXCEPTIONAL, Narrowing.CORE));
    }
  }

  /** The plain status text: segments joined by one space, or {@code clean}. */
  public static String text(RepoReport r) {
    List<Segment> segs = segments(r);
    if (segs.isEmpty()) {
      return "clean";
    }
    StringBuilder sb = new StringBuilder();
    for (Segment s : segs) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(s.text());
    }
    return sb.toString();
  }
}
