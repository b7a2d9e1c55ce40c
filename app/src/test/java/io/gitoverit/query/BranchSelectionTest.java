package io.gitoverit.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gitoverit.config.Glob;
import io.gitoverit.query.BranchSelection.Field;
import io.gitoverit.query.expr.Regexes;
import io.gitoverit.report.BranchReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** gitob's filters and sort: upstream's Python semantics (fnmatch, re.search, stable sorts). */
class BranchSelectionTest {

  private static BranchReport branch(
      String name, int ahead, long date, boolean gone, boolean current) {
    return new BranchReport(
        Path.of("/r"),
        name,
        "0123456789ab",
        gone ? "origin/" + name : "-",
        gone,
        gone,
        ahead,
        0,
        current,
        Optional.empty(),
        "-",
        "A <a@x>",
        Optional.empty(),
        date,
        "s",
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  private static List<String> names(List<BranchReport> rs) {
    return rs.stream().map(BranchReport::branch).toList();
  }

  // In git's order (refname bytes): upper case before lower, é after z.
  private final List<BranchReport> listing =
      List.of(
          branch("Zeta", 1, 30, false, false),
          branch("alpha", 2, 10, false, false),
          branch("beta", 1, 10, true, true),
          branch("caf\u00e9", 0, 20, false, false),
          branch("feature/x", 2, 5, false, false));

  @Test
  void branchOrderIsCaseFoldedByCodePoint() {
    assertEquals(
        List.of("alpha", "beta", "caf\u00e9", "feature/x", "Zeta"),
        names(BranchSelection.sort(listing, Field.branch, false)));
    assertEquals(
        List.of("Zeta", "feature/x", "caf\u00e9", "beta", "alpha"),
        names(BranchSelection.sort(listing, Field.branch, true)));
  }

  @Test
  void equalKeysKeepTheListingsOrderEvenReversed() {
    assertEquals(
        List.of("caf\u00e9", "Zeta", "beta", "alpha", "feature/x"),
        names(BranchSelection.sort(listing, Field.ahead, false)));
    // Python's sort(reverse=True) keeps equal items in their original order.
    assertEquals(
        List.of("alpha", "feature/x", "Zeta", "beta", "caf\u00e9"),
        names(BranchSelection.sort(listing, Field.ahead, true)));
    assertEquals(
        List.of("feature/x", "alpha", "beta", "caf\u00e9", "Zeta"),
        names(BranchSelection.sort(listing, Field.date, false)));
  }

  @Test
  void currentFirstGoneLastNoneKeepsOrReversesTheListing() {
    assertEquals("beta", names(BranchSelection.sort(listing, Field.current, false)).get(0));
    assertEquals("beta", names(BranchSelection.sort(listing, Field.gone, false)).get(4));
    assertEquals(names(listing), names(BranchSelection.sort(listing, Field.none, false)));
    assertEquals(
        List.of("feature/x", "caf\u00e9", "beta", "alpha", "Zeta"),
        names(BranchSelection.sort(listing, Field.none, true)));
  }

  @Test
  void globMatchesTheWholeNameAndRegexSearchesIt() {
    assertEquals(List.of("feature/x"), names(BranchSelection.glob(listing, Glob.compile("f*"))));
    assertEquals(
        List.of("alpha", "beta"), names(BranchSelection.glob(listing, Glob.compile("[ab]*"))));
    assertEquals(List.of(), names(BranchSelection.glob(listing, Glob.compile("eta"))));
    assertEquals(
        List.of("Zeta", "beta"),
        names(BranchSelection.regex(listing, Regexes.python("eta", false))));
    assertEquals(
        List.of("Zeta"), names(BranchSelection.regex(listing, Regexes.python("^Z", false))));
  }
}
