package io.gitoverit.render.table;

import java.util.List;
import java.util.Optional;

/** A table column, named as on the command line ({@code --columns}). */
public enum Column {
  DIR("dir", 500),
  STATUS("status", 500),
  BRANCH("branch", 500),
  REMOTE("remote", 300),
  URL("url", 300),
  MTIME("mtime", 1),
  BRANCH_REMOTE("branch_remote", 500),
  IDENT("ident", 1),
  STASHES("stashes", 100),
  UPSTREAM_GONE("upstream_gone", 100),
  OPERATION("operation", 100),
  CONFLICTS("conflicts", 100),
  UNBORN("unborn", 100),
  COMMIT_DATE("commit_date", 1),
  COMMIT_SUBJECT("commit_subject", 1),
  BRANCHES_UNPUSHED("branches_unpushed", 100),
  BRANCHES_NO_UPSTREAM("branches_no_upstream", 100),
  BRANCHES_GONE("branches_gone", 100);

  /** Upstream's default columns. */
  public static final List<Column> DEFAULTS = List.of(DIR, STATUS, BRANCH, REMOTE, URL, MTIME);

  /** The defaults for {@code --metadata-only}, which has no modification times. */
  public static final List<Column> METADATA_ONLY_DEFAULTS =
      List.of(DIR, STATUS, BRANCH, REMOTE, URL);

  private final String id;
  private final int priority;

  Column(String id, int priority) {
    this.id = id;
    this.priority = priority;
  }

  /** The name used on the command line. */
  public String id() {
    return id;
  }

  /** Upstream's weight: a higher priority column is narrowed later. */
  int priority() {
    return priority;
  }

  /** The column called {@code id}, if any (case-sensitive, like upstream). */
  public static Optional<Column> byId(String id) {
    for (Column c : values()) {
      if (c.id.equals(id)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
