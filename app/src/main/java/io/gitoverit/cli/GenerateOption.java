package io.gitoverit.cli;

import io.gitoverit.docs.Generated;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --generate KIND}: prints a shell completion script or the man page, generated from the
 * command's own options, and exits. An option rather than a subcommand, so that a folder named like
 * one can still be scanned.
 */
public final class GenerateOption {
  Generated generate;

  OptionSpec.Builder option() {
    return CommandModels.valued(
            "KIND", Generated.class, null, () -> generate, v -> generate = v, "--generate")
        .converters(new Generated.Converter())
        .completionCandidates(new Generated.Names())
        .description(
            "Print the shell completion script or the man page (${COMPLETION-CANDIDATES})"
                + " and exit.");
  }

  /** Prints the requested document for {@code spec}'s program; false when none was requested. */
  boolean print(CommandSpec spec) {
    if (generate == null) {
      return false;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(generate.render(spec, Program.of(spec).docs()));
    out.flush();
    return true;
  }
}
