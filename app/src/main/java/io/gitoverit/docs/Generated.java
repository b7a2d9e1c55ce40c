package io.gitoverit.docs;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * The documents {@code --generate KIND} prints, and where an installation keeps each (paths
 * relative to a prefix such as {@code /usr/local}).
 */
public enum Generated {
  COMPLETE_BASH("complete-bash") {
    @Override
    public String render(CommandSpec spec, ProgramDocs docs) {
      return BashCompletion.script(CompletionModel.of(spec, docs.aliases()));
    }

    @Override
    Map<String, String> installed(String name, List<String> aliases, String text) {
      // bash-completion loads completions/NAME when NAME is first completed: one copy per name.
      Map<String, String> files = new LinkedHashMap<>();
      files.put("share/bash-completion/completions/" + name, text);
      aliases.forEach(a -> files.put("share/bash-completion/completions/" + a, text));
      return files;
    }
  },
  COMPLETE_ZSH("complete-zsh") {
    @Override
    public String render(CommandSpec spec, ProgramDocs docs) {
      return ZshCompletion.script(CompletionModel.of(spec, docs.aliases()));
    }

    @Override
    Map<String, String> installed(String name, List<String> aliases, String text) {
      // Its #compdef line names the aliases too.
      return Map.of("share/zsh/site-functions/_" + name, text);
    }
  },
  COMPLETE_FISH("complete-fish") {
    @Override
    public String render(CommandSpec spec, ProgramDocs docs) {
      return FishCompletion.script(CompletionModel.of(spec, docs.aliases()));
    }

    @Override
    Map<String, String> installed(String name, List<String> aliases, String text) {
      Map<String, String> files = new LinkedHashMap<>();
      files.put("share/fish/vendor_completions.d/" + name + ".fish", text);
      aliases.forEach(a -> files.put("share/fish/vendor_completions.d/" + a + ".fish", text));
      return files;
    }
  },
  MAN("man") {
    @Override
    public String render(CommandSpec spec, ProgramDocs docs) {
      return ManPage.roff(spec, docs);
    }

    @Override
    Map<String, String> installed(String name, List<String> aliases, String text) {
      Map<String, String> files = new LinkedHashMap<>();
      files.put("share/man/man1/" + name + ".1", text);
      aliases.forEach(a -> files.put("share/man/man1/" + a + ".1", ".so man1/" + name + ".1\n"));
      return files;
    }
  };

  private final String id;

  Generated(String id) {
    this.id = id;
  }

  /** The name {@code --generate} takes. */
  public String id() {
    return id;
  }

  @Override
  public String toString() {
    return id;
  }

  /** The document for the command {@code spec}. */
  public abstract String render(CommandSpec spec, ProgramDocs docs);

  /** The files an installation holds for this kind: path under the prefix, and content. */
  abstract Map<String, String> installed(String name, List<String> aliases, String text);

  /**
   * Every installed file of every kind for the command {@code spec}: path under the prefix,
   * content.
   */
  public static Map<String, String> installation(CommandSpec spec, ProgramDocs docs) {
    Map<String, String> files = new LinkedHashMap<>();
    for (Generated g : values()) {
      files.putAll(g.installed(spec.name(), docs.aliases(), g.render(spec, docs)));
    }
    return files;
  }

  /** {@code --generate}'s values, for its description and for completion. */
  public static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      List<String> ids = new ArrayList<>();
      for (Generated g : values()) {
        ids.add(g.id);
      }
      return ids.iterator();
    }
  }

  /** Reads {@code --generate}'s value. */
  public static final class Converter implements ITypeConverter<Generated> {
    @Override
    public Generated convert(String value) {
      for (Generated g : values()) {
        if (g.id.equals(value)) {
          return g;
        }
      }
      List<String> ids = new ArrayList<>();
      new Names().forEach(ids::add);
      throw new TypeConversionException("expected one of " + ids + " but was '" + value + "'");
    }
  }
}
