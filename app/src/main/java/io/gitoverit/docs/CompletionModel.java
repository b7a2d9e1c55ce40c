package io.gitoverit.docs;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * What the completion scripts need from a command model: every option's names, what may follow it,
 * and a one-line summary; and what the operands are.
 *
 * @param names the command's name followed by its aliases
 * @param operands what the positional parameters take ({@link Value.None} when there are none)
 */
record CompletionModel(List<String> names, List<Opt> options, Value operands) {

  /** What may follow an option, or stand as an operand. */
  sealed interface Value {
    /** Nothing: the option is a flag. */
    record None() implements Value {}

    /** Free text (a number, an expression): nothing to offer. */
    record Free() implements Value {}

    /** One of these words. */
    record Choices(List<String> words) implements Value {}

    /** A comma-separated list of these words, each possibly preceded by {@code -}. */
    record CommaList(List<String> words) implements Value {}

    /** A file name. */
    record Files() implements Value {}

    /** A directory name. */
    record Dirs() implements Value {}
  }

  /**
   * One option.
   *
   * @param shorts its one-letter names ({@code -o})
   * @param longs its long names ({@code --format}), negated forms included
   * @param exits whether it only prints something and exits ({@code --help}, {@code --version})
   */
  record Opt(
      List<String> shorts,
      List<String> longs,
      String label,
      Value value,
      String summary,
      boolean exits) {
    /** Every name, short ones first. */
    List<String> allNames() {
      List<String> all = new ArrayList<>(shorts);
      all.addAll(longs);
      return all;
    }
  }

  /** Where a description's first phrase ends: what a completion menu shows. */
  private static final Pattern PHRASE_END = Pattern.compile("\\.\\s|\\.$|:\\s|;\\s|,\\s+e\\.g\\.");

  /** A remark in parentheses, left out of a summary. */
  private static final Pattern REMARK = Pattern.compile("\\s*\\([^()]*\\)");

  static CompletionModel of(CommandSpec spec, List<String> aliases) {
    List<String> names = new ArrayList<>();
    names.add(spec.name());
    names.addAll(aliases);
    List<Opt> options = new ArrayList<>();
    for (OptionSpec o : spec.options()) {
      if (o.hidden()) {
        continue;
      }
      List<String> shorts = new ArrayList<>();
      List<String> longs = new ArrayList<>();
      for (String n : o.names()) {
        (n.length() == 2 && n.charAt(0) == '-' ? shorts : longs).add(n);
        if (o.negatable()) {
          String negated = spec.negatableOptionTransformer().makeNegative(n, spec);
          if (!negated.equals(n)) {
            (negated.startsWith("--") ? longs : shorts).add(negated);
          }
        }
      }
      options.add(
          new Opt(
              shorts,
              longs,
              o.paramLabel(),
              valueOf(o),
              summary(o.description()),
              o.usageHelp() || o.versionHelp()));
    }
    Value operands = new Value.None();
    for (PositionalParamSpec p : spec.positionalParameters()) {
      if (!p.hidden()) {
        operands = valueOf(p);
      }
    }
    return new CompletionModel(names, options, operands);
  }

  private static Value valueOf(ArgSpec arg) {
    if (arg.arity().max() == 0) {
      return new Value.None();
    }
    Iterable<String> candidates = arg.completionCandidates();
    if (candidates != null) {
      List<String> words = new ArrayList<>();
      candidates.forEach(words::add);
      return candidates instanceof CommaSeparated
          ? new Value.CommaList(words)
          : new Value.Choices(words);
    }
    Class<?> type =
        arg.auxiliaryTypes().length > 0 && arg.isMultiValue()
            ? arg.auxiliaryTypes()[0]
            : arg.type();
    if (type == Path.class || type == File.class) {
      return arg.paramLabel().contains("DIR") ? new Value.Dirs() : new Value.Files();
    }
    return new Value.Free();
  }

  /** The description's first phrase, without remarks in parentheses. */
  static String summary(String[] description) {
    if (description.length == 0) {
      return "";
    }
    String text =
        REMARK.matcher(String.join(" ", description).replace("%n", " ")).replaceAll("").strip();
    var m = PHRASE_END.matcher(text);
    return m.find() ? text.substring(0, m.start()).strip() : text;
  }
}
