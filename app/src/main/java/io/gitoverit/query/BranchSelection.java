package io.gitoverit.query;

import io.gitoverit.report.BranchReport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/** gitob's selection: the name filters, then the sort, as upstream applies them. */
public final class BranchSelection {
  private BranchSelection() {}

  /** The fields gitob's {@code --sort} accepts, spelled as upstream spells them. */
  public enum Field {
    branch,
    date,
    author,
    ahead,
    behind,
    status,
    upstream,
    current,
    head,
    subject,
    worktree,
    gone,
    none
  }

  /** The branches whose whole name {@code glob} matches ({@code fnmatch}). */
  public static List<BranchReport> glob(List<BranchReport> reports, Pattern glob) {
    return reports.stream().filter(r -> glob.matcher(r.branch()).matches()).toList();
  }

  /** The branches in whose name {@code regex} finds a match ({@code re.search}). */
  public static List<BranchReport> regex(List<BranchReport> reports, Pattern regex) {
    return reports.stream().filter(r -> regex.matcher(r.branch()).find()).toList();
  }

  /**
   * Sorts a copy, stably; text case-folded and by code point, as upstream's Python sort. {@code
   * none} keeps the listing's order (reversed with {@code reverse}); {@code current} puts the
   * current branch first, {@code gone} puts gone upstreams last.
   */
  public static List<BranchReport> sort(List<BranchReport> reports, Field field, boolean reverse) {
    List<BranchReport> out = new ArrayList<>(reports);
    if (field == Field.none) {
      if (reverse) {
        Collections.reverse(out);
      }
      return out;
    }
    Comparator<BranchReport> order = comparator(field);
    // Python's sort(reverse=True) keeps equal items in their order, as reversed() does here.
    out.sort(reverse ? order.reversed() : order);
    return out;
  }

  private static Comparator<BranchReport> comparator(Field field) {
    return switch (field) {
      case branch -> byText(BranchReport::branch);
      case date -> Comparator.comparingLong(BranchReport::date);
      case author -> byText(BranchReport::author);
      case ahead -> Comparator.comparingInt(BranchReport::ahead);
      case behind -> Comparator.comparingInt(BranchReport::behind);
      case status -> byText(BranchReport::status);
      case upstream -> byText(BranchReport::upstream);
      case current -> Comparator.comparingInt(r -> r.current() ? 0 : 1);
      case head -> byText(BranchReport::head);
      case subject -> byText(BranchReport::subject);
      case worktree -> byText(BranchReport::worktreeDisplay);
      case gone -> Comparator.comparingInt(r -> r.gone() ? 1 : 0);
      case none -> (a, b) -> 0;
    };
  }

  private static Comparator<BranchReport> byText(Function<BranchReport, String> key) {
    return Comparator.comparing(
        r -> PyStrings.casefold(key.apply(r)), PyStrings::compareCodePoints);
  }
}
