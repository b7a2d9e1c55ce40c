package io.gitoverit.cli;

import io.gitoverit.docs.Generated;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Run by the build: writes every program's man page and completion scripts under a prefix ({@code
 * share/man/man1/...}, {@code share/bash-completion/...}), as {@code --generate} prints them, for
 * the distribution archive.
 */
public final class DistFiles {
  private DistFiles() {}

  /** {@code DistFiles PREFIX}. */
  public static void main(String... args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: DistFiles PREFIX");
    }
    write(Path.of(args[0]));
  }

  static void write(Path prefix) throws IOException {
    for (Program p : Program.values()) {
      PrintWriter none = new PrintWriter(new StringWriter());
      var spec = p.commandLine(none, none).getCommandSpec();
      for (Map.Entry<String, String> f : Generated.installation(spec, p.docs()).entrySet()) {
        Path file = prefix.resolve(f.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
      }
    }
  }
}
