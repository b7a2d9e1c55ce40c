package io.gitoverit.docs;

import io.gitoverit.docs.CompletionModel.Opt;
import io.gitoverit.docs.CompletionModel.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * A native zsh completion function ({@code _arguments}, with each option's summary). The same text
 * works autoloaded from a folder in {@code $fpath} (as {@code _NAME}) and sourced after {@code
 * compinit}: it then registers itself with {@code compdef}.
 */
final class ZshCompletion {
  private ZshCompletion() {}

  static String script(CompletionModel model) {
    String cmd = model.names().get(0);
    String fn = "_" + Shells.identifier(cmd);
    StringBuilder s = new StringBuilder();
    s.append("#compdef");
    model.names().forEach(n -> s.append(' ').append(Shells.word(n)));
    s.append("\n# zsh completion for ")
        .append(String.join(", ", model.names()))
        .append(", generated from its options by `")
        .append(cmd)
        .append(" --generate complete-zsh`.\n")
        .append("# Install it as ")
        .append(fn)
        .append(" in a folder of $fpath, or load it with\n")
        .append("# `source <(")
        .append(cmd)
        .append(" --generate complete-zsh)` after compinit.\n\n");

    s.append(fn).append("() {\n  _arguments -s -S");
    for (Opt o : model.options()) {
      List<String> names = o.allNames();
      String exclusion = o.exits() ? "(- *)" : "(" + String.join(" ", names) + ")";
      String desc = "[" + bracketed(o.summary()) + "]";
      for (String n : o.shorts()) {
        line(
            s,
            exclusion + n + (o.value() instanceof Value.None ? "" : "+") + desc + argument(fn, o));
      }
      for (String n : o.longs()) {
        line(
            s,
            exclusion + n + (o.value() instanceof Value.None ? "" : "=") + desc + argument(fn, o));
      }
    }
    if (!(model.operands() instanceof Value.None)) {
      line(s, "*:" + message(operandLabel(model)) + ":" + action(fn, model.operands()));
    }
    s.append("\n}\n\n");

    s.append("# A comma-separated list: complete its last item, after a leading '-' if any.\n")
        .append(fn)
        .append("_list() {\n")
        .append("  compset -P '*,'\n")
        .append("  compset -P '[-]'\n")
        .append("  compadd -S , -q -- \"$@\"\n")
        .append("}\n\n");

    s.append("if [[ $funcstack[1] == ")
        .append(fn)
        .append(" ]]; then\n")
        .append("  ")
        .append(fn)
        .append(" \"$@\"\n")
        .append("else\n")
        .append("  compdef ")
        .append(fn);
    model.names().forEach(n -> s.append(' ').append(Shells.word(n)));
    return s.append("\nfi\n").toString();
  }

  private static void line(StringBuilder s, String spec) {
    s.append(" \\\n    ").append(Shells.singleQuoted(spec));
  }

  /** {@code :LABEL:action} for an option that takes a value, else nothing. */
  private static String argument(String fn, Opt o) {
    if (o.value() instanceof Value.None) {
      return "";
    }
    return ":" + message(o.label()) + ":" + action(fn, o.value());
  }

  private static String operandLabel(CompletionModel model) {
    return model.operands() instanceof Value.Dirs ? "directory" : "argument";
  }

  private static String action(String fn, Value value) {
    if (value instanceof Value.Choices c) {
      return "(" + String.join(" ", escaped(c.words())) + ")";
    }
    if (value instanceof Value.CommaList c) {
      return "{" + fn + "_list " + String.join(" ", escaped(c.words())) + "}";
    }
    if (value instanceof Value.Files) {
      return "_files";
    }
    if (value instanceof Value.Dirs) {
      return "_files -/";
    }
    return " ";
  }

  /** Words for an action list: a backslash before anything zsh would read as syntax. */
  private static List<String> escaped(List<String> words) {
    List<String> out = new ArrayList<>();
    for (String w : words) {
      out.add(w.replaceAll("([^A-Za-z0-9_.,/+=-])", "\\\\$1"));
    }
    return out;
  }

  private static String bracketed(String text) {
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
  }

  private static String message(String text) {
    return text.replace("\\", "\\\\").replace(":", "\\:");
  }
}
