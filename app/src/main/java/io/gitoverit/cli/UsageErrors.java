package io.gitoverit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** The usage errors (exit 2) both commands raise alike, in picocli's words. */
final class UsageErrors {
  private UsageErrors() {}

  /**
   * Refuses {@code path} unless it is an existing folder; the message names the parameter by {@code
   * label} and the folder as the user gave it, {@code shown}.
   */
  static void requireFolder(CommandLine cl, String label, Path path, Object shown) {
    if (!Files.exists(path)) {
      throw invalid(cl, label, shown, "does not exist");
    }
    if (!Files.isDirectory(path)) {
      throw invalid(cl, label, shown, "is not a directory");
    }
  }

  /** A positional parameter's value refused, and why. */
  static ParameterException invalid(CommandLine cl, String label, Object shown, String why) {
    return new ParameterException(cl, "Invalid value for '" + label + "': '" + shown + "' " + why);
  }

  /** The columns {@code parse} makes of {@code --columns}; an unknown one is a usage error. */
  static <C> C columns(CommandLine cl, Supplier<C> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cl, "Invalid value for option '--columns': " + e.getMessage());
    }
  }
}
