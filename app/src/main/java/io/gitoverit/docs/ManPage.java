package io.gitoverit.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A man page in roff ({@code man} macros) for section 1: NAME and SYNOPSIS from the command model,
 * then the program's sections ({@link ProgramDocs#manText()}), written in a small markup:
 *
 * <ul>
 *   <li>{@code == TITLE} starts a section, {@code === Title} a subsection;
 *   <li>a blank line ends a paragraph;
 *   <li>{@code : term} starts a tagged paragraph: the term, then the lines that follow it;
 *   <li>lines indented by four spaces are shown as they are (commands, examples);
 *   <li>{@code @description}, {@code @options} and {@code @exit-codes} alone on a line stand for
 *       the command's description, its options and its exit codes; any other {@code @name}, for the
 *       program's preformatted block of that name;
 *   <li>{@code `text`} is set in bold.
 * </ul>
 *
 * Everything else is text: roff's special characters are escaped, so a line of the markup never
 * becomes a roff request.
 */
final class ManPage {
  private ManPage() {}

  static String roff(CommandSpec spec, ProgramDocs docs) {
    String name = spec.name();
    StringBuilder r = new StringBuilder();
    r.append(".\\\" The man page of ")
        .append(name)
        .append(", generated from its options by `")
        .append(name)
        .append(" --generate man`.\n")
        .append(".TH ")
        .append(quotedArg(name.toUpperCase(Locale.ROOT)))
        .append(" 1 \"\" ")
        .append(quotedArg(name + " " + docs.version()))
        .append(" \"User Commands\"\n")
        // No hyphenation, ragged right: option names and values stay whole, ready to copy.
        .append(".nh\n.ad l\n");
    r.append(".SH NAME\n");
    List<String> names = new ArrayList<>();
    names.add(name);
    names.addAll(docs.aliases());
    r.append(escape(String.join(", ", names)))
        .append(" \\- ")
        .append(escape(purpose(spec)))
        .append('\n');
    r.append(".SH SYNOPSIS\n.B ")
        .append(escape(name))
        .append('\n')
        .append(synopsis(spec))
        .append('\n');
    new Markup(spec, docs, r).render(docs.manText());
    return r.toString();
  }

  /** The description's first sentence, as NAME wants it: lower-case start, no full stop. */
  private static String purpose(CommandSpec spec) {
    String[] d = spec.usageMessage().description();
    String first = d.length == 0 ? "" : d[0].strip();
    if (first.endsWith(".")) {
      first = first.substring(0, first.length() - 1);
    }
    return first.isEmpty() ? first : Character.toLowerCase(first.charAt(0)) + first.substring(1);
  }

  private static String synopsis(CommandSpec spec) {
    StringBuilder s = new StringBuilder();
    if (!spec.options().isEmpty()) {
      s.append("[\\fIOPTION\\fR]...");
    }
    for (PositionalParamSpec p : spec.positionalParameters()) {
      if (p.hidden()) {
        continue;
      }
      String label = "\\fI" + escape(bare(p.paramLabel())) + "\\fR";
      boolean optional = p.arity().min() == 0;
      boolean many = p.arity().max() > 1;
      s.append(' ').append(optional ? "[" + label + "]" : label).append(many ? "..." : "");
    }
    return s.toString();
  }

  /** A label without picocli's angle brackets ({@code <dir>}). */
  private static String bare(String label) {
    return label.startsWith("<") && label.endsWith(">")
        ? label.substring(1, label.length() - 1)
        : label;
  }

  /** Reads the markup and writes roff. */
  private static final class Markup {
    private final CommandSpec spec;
    private final Map<String, String> blocks;
    private final StringBuilder r;
    private boolean inParagraph;

    Markup(CommandSpec spec, ProgramDocs docs, StringBuilder r) {
      this.spec = spec;
      this.blocks = docs.blocks();
      this.r = r;
    }

    void render(String text) {
      List<String> lines = text.lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.startsWith("=== ")) {
          r.append(".SS ").append(escape(line.substring(4).strip())).append('\n');
          inParagraph = false;
        } else if (line.startsWith("== ")) {
          r.append(".SH ").append(escape(line.substring(3).strip())).append('\n');
          inParagraph = false;
        } else if (line.isBlank()) {
          inParagraph = false;
        } else if (line.startsWith("    ")) {
          List<String> block = new ArrayList<>();
          while (i < lines.size() && (lines.get(i).startsWith("    ") || lines.get(i).isBlank())) {
            block.add(lines.get(i).isBlank() ? "" : lines.get(i).substring(4));
            i++;
          }
          i--;
          while (block.get(block.size() - 1).isEmpty()) {
            block.remove(block.size() - 1);
          }
          preformatted(block, 4);
        } else if (line.startsWith(": ")) {
          r.append(".TP\n").append(inline(line.substring(2).strip())).append('\n');
          inParagraph = true;
        } else if (line.startsWith("@") && line.strip().indexOf(' ') < 0) {
          include(line.strip().substring(1));
        } else {
          if (!inParagraph) {
            r.append(".PP\n");
            inParagraph = true;
          }
          r.append(inline(line.strip())).append('\n');
        }
      }
    }

    private void include(String block) {
      inParagraph = false;
      switch (block) {
        case "description" -> {
          for (String d : spec.usageMessage().description()) {
            r.append(".PP\n").append(escape(d.strip())).append('\n');
          }
        }
        case "options" -> options();
        case "exit-codes" -> {
          for (Map.Entry<String, String> e : spec.usageMessage().exitCodeList().entrySet()) {
            r.append(".TP\n.B ")
                .append(escape(e.getKey().strip()))
                .append('\n')
                .append(escape(e.getValue().strip()))
                .append('\n');
          }
        }
        default -> {
          String text = blocks.get(block);
          if (text == null) {
            throw new IllegalArgumentException(
                "the man page text names an unknown block: @" + block);
          }
          preformatted(text.stripTrailing().lines().toList(), 0);
        }
      }
    }

    private void options() {
      for (PositionalParamSpec p : spec.positionalParameters()) {
        if (!p.hidden()) {
          r.append(".TP\n\\fI")
              .append(escape(bare(p.paramLabel())))
              .append("\\fR")
              .append(p.arity().max() > 1 ? "..." : "")
              .append('\n');
          description(p.description());
        }
      }
      for (OptionSpec o : spec.options()) {
        if (o.hidden()) {
          continue;
        }
        r.append(".TP\n");
        List<String> names = new ArrayList<>();
        for (String n : o.names()) {
          names.add("\\fB" + escape(n) + "\\fR");
        }
        r.append(String.join(", ", names));
        if (o.arity().max() > 0) {
          r.append("=\\fI").append(escape(bare(o.paramLabel()))).append("\\fR");
        }
        r.append('\n');
        description(o.description());
      }
    }

    private void description(String[] lines) {
      String text = String.join(" ", lines).strip();
      List<String> parts = List.of(text.split("%n", -1));
      for (int i = 0; i < parts.size(); i++) {
        if (i > 0) {
          r.append(".br\n");
        }
        r.append(escape(parts.get(i).replace("%%", "%").strip())).append('\n');
      }
    }

    private void preformatted(List<String> lines, int indent) {
      r.append(".PP\n");
      if (indent > 0) {
        r.append(".RS ").append(indent).append('\n');
      }
      r.append(".nf\n");
      for (String l : lines) {
        r.append(escape(l)).append('\n');
      }
      r.append(".fi\n");
      if (indent > 0) {
        r.append(".RE\n");
      }
      inParagraph = false;
    }
  }

  /** A line of markup: text with {@code `bold`} spans. */
  static String inline(String line) {
    StringBuilder out = new StringBuilder();
    String[] parts = line.split("`", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i % 2 == 1 && i < parts.length - 1) {
        out.append("\\fB").append(escape(parts[i])).append("\\fR");
      } else {
        out.append(i % 2 == 1 ? escape("`" + parts[i]) : escape(parts[i]));
      }
    }
    return out.toString();
  }

  /**
   * {@code text} as roff text: backslashes, dashes, quotes, tildes and carets spelled so that every
   * formatter prints them as typed (ASCII, ready to copy), anything else outside ASCII as a Unicode
   * escape, and a leading dot or quote made harmless.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '\\' -> out.append("\\e");
                case '-' -> out.append("\\-");
                case '\'' -> out.append("\\(aq");
                case '`' -> out.append("\\(ga");
                case '~' -> out.append("\\(ti");
                case '^' -> out.append("\\(ha");
                default -> {
                  if (c < 0x20 || c == 0x7f) {
                    out.append(' ');
                  } else if (c < 0x80) {
                    out.append((char) c);
                  } else {
                    out.append(String.format("\\[u%04X]", c));
                  }
                }
              }
            });
    if (out.length() > 0 && out.charAt(0) == '.') {
      out.insert(0, "\\&");
    }
    return out.toString();
  }

  /** A macro argument in double quotes (a quote inside doubled). */
  private static String quotedArg(String s) {
    return "\"" + escape(s).replace("\"", "\"\"") + "\"";
  }
}
