package io.gitoverit.docs;

import io.gitoverit.docs.CompletionModel.Opt;
import io.gitoverit.docs.CompletionModel.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bash completion script: one function that looks at the word before the cursor (an option that
 * takes a value, also as {@code --opt=value}) and offers that option's values, else the options,
 * else the operands. Needs bash 4 and nothing else (no bash-completion package).
 */
final class BashCompletion {
  private BashCompletion() {}

  static String script(CompletionModel model) {
    String cmd = model.names().get(0);
    String fn = "_" + Shells.identifier(cmd);
    StringBuilder s = new StringBuilder();
    s.append("# bash completion for ")
        .append(String.join(", ", model.names()))
        .append(", generated from its options by `")
        .append(cmd)
        .append(" --generate complete-bash`.\n")
        .append("# Load it with `source <(")
        .append(cmd)
        .append(" --generate complete-bash)`, or install it as\n")
        .append("# bash-completion's completions/")
        .append(cmd)
        .append(".\n\n");

    s.append(fn)
        .append("() {\n")
        .append("  local cur=${COMP_WORDS[COMP_CWORD]} prev=\n")
        .append("  (( COMP_CWORD > 0 )) && prev=${COMP_WORDS[COMP_CWORD-1]}\n")
        .append("  # bash splits --option=value at '=' (COMP_WORDBREAKS)\n")
        .append("  if [[ $cur == = && $prev == --* ]]; then\n")
        .append("    cur=\n")
        .append("  elif [[ $prev == = ]] && (( COMP_CWORD > 1 )); then\n")
        .append("    prev=${COMP_WORDS[COMP_CWORD-2]}\n")
        .append("  fi\n")
        .append("  case $prev in\n");
    // One branch per action, naming every option that takes such a value.
    Map<String, List<String>> byAction = new LinkedHashMap<>();
    for (Opt o : model.options()) {
      String action = action(fn, o.value());
      if (action != null) {
        o.allNames()
            .forEach(
                n -> byAction.computeIfAbsent(action, a -> new ArrayList<>()).add(Shells.word(n)));
      }
    }
    byAction.forEach(
        (action, names) ->
            s.append("    ")
                .append(String.join("|", names))
                .append(")\n")
                .append("      ")
                .append(action)
                .append("\n      return ;;\n"));
    s.append("  esac\n")
        .append("  if [[ $cur == -* ]]; then\n")
        .append("    ")
        .append(fn)
        .append("_words \"$cur\"");
    for (Opt o : model.options()) {
      for (String n : o.allNames()) {
        s.append(' ').append(Shells.word(n));
      }
    }
    s.append("\n    return\n  fi\n");
    String operands = action(fn, model.operands());
    s.append("  ").append(operands == null ? "COMPREPLY=()" : operands).append("\n}\n\n");

    s.append("# The words that start with $1.\n")
        .append(fn)
        .append("_words() {\n")
        .append("  local cur=$1 w\n  shift\n  COMPREPLY=()\n")
        .append("  for w; do [[ $w == \"$cur\"* ]] && COMPREPLY+=(\"$w\"); done\n")
        .append("}\n\n")
        .append("# A comma-separated list: complete its last item, keeping a leading '-'.\n")
        .append(fn)
        .append("_list() {\n")
        .append("  local cur=$1 w\n  shift\n")
        .append("  local item=${cur##*,}\n")
        .append("  local head=${cur%\"$item\"}\n")
        .append("  if [[ $item == -* ]]; then head+=-; item=${item#-}; fi\n")
        .append("  COMPREPLY=()\n")
        .append("  for w; do [[ $w == \"$item\"* ]] && COMPREPLY+=(\"$head$w\"); done\n")
        .append("  compopt -o nospace 2>/dev/null\n")
        .append("}\n\n")
        .append("# File (-f) or directory (-d) names.\n")
        .append(fn)
        .append("_paths() {\n")
        .append("  compopt -o filenames 2>/dev/null\n")
        .append("  mapfile -t COMPREPLY < <(compgen \"$1\" -- \"$2\")\n")
        .append("}\n\n");
    s.append("complete -F ").append(fn);
    model.names().forEach(n -> s.append(' ').append(Shells.word(n)));
    return s.append('\n').toString();
  }

  /** The shell code that fills COMPREPLY for {@code value}; null for a flag (no value). */
  private static String action(String fn, Value value) {
    if (value instanceof Value.None) {
      return null;
    }
    if (value instanceof Value.Choices c) {
      return fn + "_words \"$cur\"" + quoted(c.words());
    }
    if (value instanceof Value.CommaList c) {
      return fn + "_list \"$cur\"" + quoted(c.words());
    }
    if (value instanceof Value.Files) {
      return fn + "_paths -f \"$cur\"";
    }
    if (value instanceof Value.Dirs) {
      return fn + "_paths -d \"$cur\"";
    }
    return "COMPREPLY=()";
  }

  private static String quoted(List<String> words) {
    List<String> q = new ArrayList<>();
    words.forEach(w -> q.add(Shells.word(w)));
    return q.isEmpty() ? "" : " " + String.join(" ", q);
  }
}
