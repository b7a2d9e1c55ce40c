package io.gitoverit.cli;

/** {@code --format}: a table for people, JSON for scripts. */
public enum OutputFormat {
  table,
  json
}
