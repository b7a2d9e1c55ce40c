package io.gitoverit.query.expr;

import java.util.List;

/** The {@code --help-where} reference: variables, operators, methods, functions, examples. */
public final class WhereHelp {
  private WhereHelp() {}

  /** One documented example: what it selects and the expression. */
  public record Example(String purpose, String expression) {}

  /** The examples the reference shows (upstream's set); tests run each one. */
  public static final List<Example> EXAMPLES =
      List.of(
          new Example("dirty repositories", "dirty"),
          new Example("clean repositories", "not dirty"),
          new Example("not on main", "branch != \"main\""),
          new Example("commits to push", "ahead > 0"),
          new Example("commits to pull", "behind > 0"),
          new Example("untracked files", "untracked > 0"),
          new Example("no upstream branch", "remote == \"-\""),
          new Example("under work/", "dir.startswith(\"work/\")"),
          new Example("remote URL mentions myorg", "\"myorg\" in url"),
          new Example("feature branches", "branch.rx(\"^feature/\")"),
          new Example("release or hotfix branches", "branch.rx(\"^(release|hotfix)\")"),
          new Example("committer is Alice (any case)", "ident.rxi(\"alice\")"),
          new Example("dirty and not on main", "dirty and branch != \"main\""),
          new Example("touched since 2025-03-20 (date +%s)", "mtime > 1742500000"));

  /** The whole reference text. */
  public static String text() {
    StringBuilder ex = new StringBuilder();
    for (Example e : EXAMPLES) {
      ex.append(String.format("  %-38s %s%n", e.purpose() + ":", "'" + e.expression() + "'"));
    }
    return """
    gitoverit --where EXPR / --print EXPR

      An expression is evaluated once per repository, in Python syntax.
      --where keeps the repositories for which it is true (non-empty,
      non-zero); --print writes its value, one line per repository
      (with -0, each value ends with a NUL byte instead).

    VARIABLES

      Text:
        path          absolute path of the repository
        dir           path as shown in the table (relative to the current
                      directory or ~), with "! " in front when a fetch,
                      pull or push failed
        status        the status column: "2m (+3/-1) 1u 1\u2191", "clean", ...
        branch        branch name; "DETACHED@1a2b3c4" when HEAD is detached
        remote        upstream branch, e.g. "origin/main"; "-" when none
        url           the upstream remote's short URL; "-" when none
        ident         committer identity "Name <email>"; "" when unknown
        operation     operation in progress: "merge", "rebase", "am",
                      "cherry-pick", "revert", "bisect"; "" when none
        commit_subject
                      subject line of HEAD's commit; "" when unborn

      Numbers:
        ahead, behind        commits to push / to pull
        modified, untracked, deleted
                             file counts as in the status column
        mtime, latest_mtime  newest modification time of the tracked and
                             not-ignored untracked files, in seconds since
                             1970 (a float); 0.0 when there are none
        stashes              entries in git stash list
        conflicts            unmerged paths
        commit_date          committer date of HEAD's commit, in seconds
                             since 1970 (a float); 0.0 when unborn
        branches_unpushed    other local branches with commits their
                             upstream lacks
        branches_no_upstream local branches without an upstream
        branches_gone        local branches whose upstream is gone
                             (HEAD's branch included)

      Truth value:
        dirty         uncommitted changes, or an operation in progress
        upstream_gone the branch's upstream is configured but its ref is
                      gone (git's [gone])
        unborn        HEAD names a branch with no commit yet

      List of strings:
        warnings      why a count may differ from plain git status, one
                      string per file, such as: a.bin: filter "lfs" not
                      run (configured by the repository); [] when none
                      (the table marks such a row ~). Use it as a truth
                      value, with len(), or " ".join(warnings)

      --metadata-only does not read work trees, so dirty, modified,
      untracked, deleted, mtime and latest_mtime cannot be used with it.

    OPERATORS

      ==  !=  <  <=  >  >=   compare (chains work: 1 <= ahead < 5)
      and  or  not           logic
      in  not in             substring ("x" in url) or membership
                             (branch in ("main", "master"))
      +                      join strings; add numbers (also - * / // % **)
      |  &  ^  ~  <<  >>     bits of ints; | & ^ of two bools give a bool
      x if cond else y       choose
      ( )                    group
      s[i]  s[i:j]           character, substring

      Literals: "text" or 'text' (r"..." keeps backslashes), 42, 1.5,
      True, False, None; f-strings: f"{branch:<20} {ahead:>3}".

    STRING METHODS

      s.rx(pattern)          regular expression search, case-sensitive
      s.rxi(pattern)         the same, ignoring case
      s.startswith(x)  s.endswith(x)   x may be a tuple of strings
      s.lower()  s.upper()  s.casefold()  s.title()  s.capitalize()
      s.strip()  s.lstrip()  s.rstrip()  s.replace(old, new)
      s.removeprefix(x)  s.removesuffix(x)  s.split(sep)  sep.join(list)
      s.rsplit(sep, n)  s.partition(sep)  s.rpartition(sep)  s.splitlines()
      s.ljust(n)  s.rjust(n)  s.center(n)  s.zfill(n)  s.expandtabs()
      s.count(x)  s.find(x)  s.rfind(x)  s.index(x)  s.rindex(x)
      s.isdigit()  s.isalpha()  s.isalnum()  s.isspace()  s.islower() ...

    FUNCTIONS

      rx(s, pattern)  rxi(s, pattern)   as s.rx(pattern), s.rxi(pattern)
      int(x)  float(x)  str(x)  len(x)

    EXAMPLES

    """
        + ex
        + """

        NOTES

          Nothing else is reachable: no other functions, attributes, files or
          programs. Mistakes are reported before the scan starts.
          Brackets nest at most 100 deep, and so do operators, calls,
          subscripts and conditionals inside one another; a run of one
          operator (1 + 2 + 3 ..., a and b and c ...) counts once.
          --where applies after --dirty-only and after sorting, so the three
          combine; --print uses the same variables.
          Patterns use Python's syntax for the common cases; they run on
          Java's regular expressions (see java.util.regex.Pattern).
        """;
  }
}
