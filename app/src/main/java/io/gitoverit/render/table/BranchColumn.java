package io.gitoverit.render.table;

import java.util.List;

/** A column of gitob's table, named as on its command line, with upstream's headers and weights. */
public enum BranchColumn {
  BRANCH("branch", 500, "Branch", "Br"),
  HEAD("head", 150, "Head"),
  UPSTREAM("upstream", 350, "Upstream", "Up"),
  STATUS("status", 500, "Status"),
  AHEAD("ahead", 100, "Ahead", "A"),
  BEHIND("behind", 100, "Behind", "B"),
  GONE("gone", 100, "Gone"),
  CURRENT("current", 100, "Current", "Cur"),
  WORKTREE("worktree", 250, "Worktree", "WT"),
  DATE("date", 1, "Date"),
  AUTHOR("author", 150, "Author", "Auth"),
  SUBJECT("subject", 400, "Subject", "Subj");

  /** Upstream's default columns. */
  public static final List<BranchColumn> DEFAULTS =
      List.of(BRANCH, UPSTREAM, STATUS, AUTHOR, SUBJECT, DATE);

  private final String id;
  private final int priority;
  private final List<String> headers;

  BranchColumn(String id, int priority, String... headers) {
    this.id = id;
    this.priority = priority;
    this.headers = List.of(headers);
  }

  /** The name used on the command line (and the JSON key it keeps). */
  public String id() {
    return id;
  }

  int priority() {
    return priority;
  }

  /** The header's renderings, widest first. */
  List<String> headers() {
    return headers;
  }

  /**
   * Applies a {@code --columns} value to the defaults with upstream's rules: {@code -} clears,
   * {@code -col} removes, {@code col} appends (moving it to the end); empty tokens are skipped. A
   * name is matched case-sensitively, like upstream.
   *
   * @throws IllegalArgumentException for an unknown column; the message lists the valid ones
   */
  public static List<BranchColumn> parse(String spec) {
    return ColumnSpec.parse(spec, DEFAULTS, List.of(values()), BranchColumn::id);
  }
}
