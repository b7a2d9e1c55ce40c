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
   * What a segment shows; renderers map it to a colour. {@link #UNCERTAIN} is the table's own mark
   * ({@link #UNCERTAIN_MARK}), never part of upstream's text; so are the kinds from {@link #UNBORN}
   * on, which only {@link #tableSegments} gives ({@link #PROMPT} is the branch column's {@code
   * topic|REBASE 2/5}).
   */
  public enum Kind {
    UNCHECKED,
    MODIFIED,
    LINES,
    UNTRACKED,
    DELETED,
    SUBMODULES,
    AHEAD,
    BEHIND,
    PULLED,
    PUSHED,
    EXCEPTIONAL,
    UNCERTAIN,
    UNBORN,
    GONE,
    STASHES,
    OPERATION,
    CONFLICT,
    DETACHED,
    PROMPT
  }

  /** The table's word for a branch without a commit. */
  public static final String UNBORN_MARK = "unborn";

  /** The table's word for an upstream whose ref is gone (git's {@code [gone]}). */
  public static final String GONE_MARK = "gone";

  /** After the stash count, as git's prompt and gita write it: {@code 2$}. */
  public static final String STASH_MARK = "$";

  /** The table's mark for a report with warnings: a count may differ from git's. */
  public static final String UNCERTAIN_MARK = "~";

  /** Which segments a narrow cell drops first: line totals, then extras; core ones stay. */
  public enum Narrowing {
    CORE,
    EXTRAS,
    LINES
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

  /**
   * The table's segments: upstream's, and what else needs a human. {@code unborn} first; a gone
   * upstream ({@code gone}) and stashes ({@code 2$}) after the behind count; upstream's {@code !}
   * replaced by what it stands for: the operation's name, {@code conflict}, {@code detached} (not
   * during a rebase, am or bisect, which detach HEAD themselves), one segment each, as in {@code
   * !rebase} or {@code !merge !conflict}. The JSON and {@code --where} status stays {@link #text}.
   */
  public static List<Segment> tableSegments(RepoReport r) {
    List<Segment> upstream = segments(r);
    Signals sig = r.signals();
    List<Segment> out = new ArrayList<>();
    if (sig.unborn()) {
      out.add(new Segment(UNBORN_MARK, Kind.UNBORN, Narrowing.CORE));
    }
    List<Segment> added = new ArrayList<>();
    if (sig.upstreamGone()) {
      added.add(new Segment(GONE_MARK, Kind.GONE, Narrowing.CORE));
    }
    if (sig.stashes() > 0) {
      added.add(new Segment(sig.stashes() + STASH_MARK, Kind.STASHES, Narrowing.CORE));
    }
    boolean placed = false;
    for (Segment s : upstream) {
      boolean late =
          s.kind() == Kind.PULLED || s.kind() == Kind.PUSHED || s.kind() == Kind.EXCEPTIONAL;
      if (late && !placed) {
        out.addAll(added);
        placed = true;
      }
      if (s.kind() != Kind.EXCEPTIONAL) {
        out.add(s);
      }
    }
    if (!placed) {
      out.addAll(added);
    }
    out.addAll(exceptional(r));
    return out;
  }

  /** The table's {@code !} segments, one per cause; none when none applies. */
  private static List<Segment> exceptional(RepoReport r) {
    Signals sig = r.signals();
    List<Segment> out = new ArrayList<>();
    sig.operation()
        .ifPresent(o -> out.add(new Segment("!" + o.name(), Kind.OPERATION, Narrowing.CORE)));
    if (sig.conflicts() > 0) {
      out.add(new Segment("!conflict", Kind.CONFLICT, Narrowing.CORE));
    }
    boolean detachingOperation =
        sig.operation()
            .map(o -> List.of("rebase", "am", "bisect").contains(o.name()))
            .orElse(false);
    if (sig.detached() && !detachingOperation) {
      out.add(new Segment("!detached", Kind.DETACHED, Narrowing.CORE));
    }
    if (out.isEmpty() && r.exceptional()) {
      out.add(new Segment("!", Kind.EXCEPTIONAL, Narrowing.CORE));
    }
    return out;
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
