package io.gitoverit.cli;

import io.gitoverit.docs.ProgramDocs;
import io.gitoverit.query.expr.BranchWhereHelp;
import io.gitoverit.query.expr.WhereHelp;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The programs this jar provides. The launcher names the one to run after its own name (a symbolic
 * link's target), and the build writes each one's man page and completion scripts: a new program is
 * one more constant here.
 */
public enum Program {
  GITOVERIT(
      "gitoverit",
      List.of("gito"),
      (out, err) -> CommandLines.create(ProductionWiring.create(), out, err),
      () -> Map.of("where-help", WhereHelp.text())),
  GITOB(
      "gitob",
      List.of(),
      (out, err) -> CommandLines.createGitob(ProductionWiring.create(), out, err),
      () -> Map.of("where-help", BranchWhereHelp.text()));

  /** The system property through which the launcher names the program to run. */
  public static final String PROPERTY = "gitoverit.program";

  private final String name;
  private final List<String> aliases;
  private final BiFunction<PrintWriter, PrintWriter, CommandLine> commandLine;
  private final Supplier<Map<String, String>> manBlocks;

  Program(
      String name,
      List<String> aliases,
      BiFunction<PrintWriter, PrintWriter, CommandLine> commandLine,
      Supplier<Map<String, String>> manBlocks) {
    this.name = name;
    this.aliases = aliases;
    this.commandLine = commandLine;
    this.manBlocks = manBlocks;
  }

  /** The program called {@code name} or known by it as an alias; gitoverit for any other name. */
  public static Program named(String name) {
    for (Program p : values()) {
      if (p.name.equals(name) || p.aliases.contains(name)) {
        return p;
      }
    }
    return GITOVERIT;
  }

  /** The program's name, which starts its messages. */
  public String programName() {
    return name;
  }

  /** The program whose command {@code spec} is. */
  static Program of(CommandSpec spec) {
    return named(spec.root().name());
  }

  /** The program's configured command line, writing to {@code out} and {@code err}. */
  public CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine.apply(out, err);
  }

  /** What its man page and completion scripts add to the command model. */
  public ProgramDocs docs() {
    String resource = name + "-man.txt";
    try (InputStream in = Program.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new ProgramDocs(aliases, VersionProvider.projectVersion(), text, manBlocks.get());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
