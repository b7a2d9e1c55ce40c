package io.gitoverit.config;

import io.gitoverit.report.Colour;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code [[id_rewrite]]} rules in order, first match wins, and the colour a rewritten value
 * takes when its rule has none ({@code id_rewrite_fg_color}). Applied to an identity such as
 * gitoverit's ident column.
 */
public final class IdRewrites {
  /** No rules: every value stays as it is. */
  public static final IdRewrites NONE = new IdRewrites(List.of(), Optional.empty());

  private final List<IdRewrite> rules;
  private final Optional<Colour> defaultFg;

  public IdRewrites(List<IdRewrite> rules, Optional<Colour> defaultFg) {
    this.rules = List.copyOf(rules);
    this.defaultFg = Objects.requireNonNull(defaultFg, "defaultFg");
  }

  /**
   * A value after the rules.
   *
   * @param value the rewritten value
   * @param fg its colour: the matching rule's, else the default one; empty when none is set
   */
  public record Rewritten(String value, Optional<Colour> fg) {}

  /** {@code value} rewritten by the first rule that matches it; empty when none does. */
  public Optional<Rewritten> apply(String value) {
    for (IdRewrite rule : rules) {
      Optional<String> rewritten = rule.apply(value);
      if (rewritten.isPresent()) {
        return Optional.of(new Rewritten(rewritten.get(), rule.fg().or(() -> defaultFg)));
      }
    }
    return Optional.empty();
  }

  public List<IdRewrite> rules() {
    return rules;
  }

  public Optional<Colour> defaultFg() {
    return defaultFg;
  }
}
