package io.gitoverit.query.expr;

import java.util.List;

/** gitob's {@code --help-where} reference: a branch's variables, then the shared language. */
public final class BranchWhereHelp {
  private BranchWhereHelp() {}

  /** The examples the reference shows; tests run each one. */
  public static final List<WhereHelp.Example> EXAMPLES =
      List.of(
          new WhereHelp.Example("the current branch", "current"),
          new WhereHelp.Example("checked out somewhere", "worktree != \"-\""),
          new WhereHelp.Example("in a linked work tree", "worktree not in (\"-\", \"here\")"),
          new WhereHelp.Example("upstream gone", "gone"),
          new WhereHelp.Example("commits to push", "ahead > 0"),
          new WhereHelp.Example("no upstream", "not has_upstream"),
          new WhereHelp.Example("feature branches", "branch.rx(\"^feature/\")"),
          new WhereHelp.Example("work tree with changes", "dirty"),
          new WhereHelp.Example("tip newer than 2026-01-01 (date +%s)", "date > 1767225600"));

  /** The whole reference text. */
  public static String text() {
    StringBuilder ex = new StringBuilder();
    for (WhereHelp.Example e : EXAMPLES) {
      ex.append(String.format("  %-38s %s%n", e.purpose() + ":", "'" + e.expression() + "'"));
    }
    return """
    gitob --where EXPR / --print EXPR

      An expression is evaluated once per branch, in Python syntax.
      --where keeps the branches for which it is true (non-empty,
      non-zero); --print writes its value, one line per branch
      (with -0, each value ends with a NUL byte instead).

    VARIABLES

      Text:
        repo, path     absolute path of the repository's work tree
        branch         the branch's name, e.g. "main"
        head           its tip commit, 12 hex digits
        upstream       "origin/main", "main" when it tracks a local
                       branch, "-" when it has none
        status         the status column: a checked-out branch's work
                       tree status ("1m (+2/-0) 1\u2191", "clean"), else
                       "2\u2191 1\u2193" or "="
        worktree       "here", the path of the linked work tree that has
                       it checked out, or "-"
        worktree_path  absolute path of that work tree; "" when none
        author         the tip's author "Name <email>"
        subject        the tip's subject line

      Numbers:
        ahead, behind  commits to push / to pull against the upstream
                       (0 when it is gone or there is none)
        modified, untracked, deleted
                       file counts of the work tree that has the
                       branch checked out (0 when none has)
        date           the tip's committer date, seconds since 1970

      Truth values:
        current        checked out in this work tree
        gone           an upstream is configured but its ref is missing
        has_upstream   an upstream is configured
        dirty          its work tree has uncommitted changes, or an
                       operation in progress

    OPERATORS, STRING METHODS, FUNCTIONS

      As for gitoverit (gitoverit --help-where): comparisons, and, or,
      not, in, + and the other arithmetic, x if c else y, s[i:j],
      f-strings; s.rx(pattern), s.rxi(pattern) and Python's string
      methods; rx(), rxi(), int(), float(), str(), len().

    EXAMPLES

    """
        + ex
        + """

        NOTES

          Nothing else is reachable: no other functions, attributes, files or
          programs. Mistakes are reported before any branch is read.
          --where applies after --glob and --regex and after sorting;
          --print uses the same variables.
        """;
  }
}
