package io.gitoverit.term;

/** {@code --color}: colour on a terminal only, always, or never. */
public enum ColorMode {
  auto,
  always,
  never
}
