package io.gitoverit.query;

/** The fields {@code --sort} accepts, spelled as upstream spells them. */
public enum SortField {
  dir,
  path,
  name,
  status,
  branch_remote,
  branch,
  remote,
  url,
  mtime,
  ident,
  author,
  none
}
