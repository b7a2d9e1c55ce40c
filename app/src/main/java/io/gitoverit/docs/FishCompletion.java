package io.gitoverit.docs;

import io.gitoverit.docs.CompletionModel.Opt;
import io.gitoverit.docs.CompletionModel.Value;
import java.util.List;

/**
 * A fish completion script: one {@code complete} line per option, for every name of the program.
 */
final class FishCompletion {
  private FishCompletion() {}

  static String script(CompletionModel model) {
    String cmd = model.names().get(0);
    String fn = "__" + Shells.identifier(cmd) + "_list";
    StringBuilder s = new StringBuilder();
    s.append("# fish completion for ")
        .append(String.join(", ", model.names()))
        .append(", generated from its options by `")
        .append(cmd)
        .append(" --generate complete-fish`.\n")
        .append("# Install it as vendor_completions.d/")
        .append(cmd)
        .append(".fish, or load it with\n")
        .append("# `")
        .append(cmd)
        .append(" --generate complete-fish | source`.\n\n");

    s.append(
            "# A comma-separated list: the given words after the items typed so far (and a '-').\n")
        .append("function ")
        .append(fn)
        .append("\n")
        .append("    set -l token (commandline -ct)\n")
        .append("    set -l head (string replace -r -- '[^,]*$' '' $token)\n")
        .append(
            "    string match -q -- '-*' (string replace -r -- '.*,' '' $token); and set head"
                + " \"$head-\"\n")
        .append("    printf '%s\\n' $head$argv\n")
        .append("end\n\n");

    s.append("for command in");
    model.names().forEach(n -> s.append(' ').append(Shells.word(n)));
    s.append("\n");
    s.append("    complete -c $command -f");
    if (model.operands() instanceof Value.Dirs) {
      s.append(" -a '(__fish_complete_directories)'");
    } else if (model.operands() instanceof Value.Files) {
      s.append(" -F");
    }
    s.append("\n");
    for (Opt o : model.options()) {
      StringBuilder line = new StringBuilder("    complete -c $command");
      for (String n : o.shorts()) {
        line.append(" -s ").append(Shells.word(n.substring(1)));
      }
      for (String n : o.longs()) {
        line.append(" -l ").append(Shells.word(n.substring(2)));
      }
      Value v = o.value();
      if (v instanceof Value.Choices c) {
        line.append(" -x -a ").append(quoted(String.join(" ", escaped(c.words()))));
      } else if (v instanceof Value.CommaList c) {
        line.append(" -x -a ")
            .append(quoted("(" + fn + " " + String.join(" ", escaped(c.words())) + ")"));
      } else if (v instanceof Value.Files || v instanceof Value.Dirs) {
        line.append(" -r -F");
      } else if (!(v instanceof Value.None)) {
        line.append(" -x");
      }
      if (!o.summary().isEmpty()) {
        line.append(" -d ").append(quoted(o.summary()));
      }
      s.append(line).append('\n');
    }
    return s.append("end\n").toString();
  }

  /** {@code s} in fish's single quotes, where a backslash escapes a quote or a backslash. */
  private static String quoted(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** Words for a fish argument list: a backslash before anything fish would read as syntax. */
  private static List<String> escaped(List<String> words) {
    return words.stream().map(w -> w.replaceAll("([^A-Za-z0-9_.,/+=-])", "\\\\$1")).toList();
  }
}
