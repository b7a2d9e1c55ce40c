package io.gitoverit.cli;

import io.gitoverit.analysis.gitexe.GitRunner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code --version}: this build's version, the Java runtime, and the git that repositories JGit
 * cannot read (and {@code -f}, {@code -P}, {@code -U}) go to: the first {@code git} on PATH.
 */
final class VersionProvider implements IVersionProvider {
  private final CommandSpec spec;

  VersionProvider(CommandSpec spec) {
    this.spec = spec;
  }

  @Override
  public String[] getVersion() {
    // picocli formats each line (String.format): a '%' must be doubled.
    return lines(spec.name(), "git", System.getenv("PATH")).stream()
        .map(l -> l.replace("%", "%%"))
        .toArray(String[]::new);
  }

  /** The three lines, with {@code git} looked up in {@code path} (a PATH value). */
  static List<String> lines(String program, String git, String path) {
    List<String> lines = new ArrayList<>();
    lines.add(program + " " + projectVersion());
    lines.add(
        "Java "
            + Runtime.version()
            + " ("
            + System.getProperty("java.vendor")
            + ", "
            + System.getProperty("java.vm.name")
            + "), "
            + System.getProperty("java.home"));
    lines.add(gitLine(git, path));
    return lines;
  }

  /** The version the build wrote into {@code version.properties} (Maven fills it in). */
  static String projectVersion() {
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      String v = p.getProperty("version", "");
      return v.isEmpty() || v.startsWith("${") ? "(unknown version: not built by Maven)" : v;
    } catch (IOException e) {
      return "(unknown version: " + e.getMessage() + ")";
    }
  }

  /** {@code git --version} of the git found, with its path; or why there is none. */
  static String gitLine(String git, String path) {
    Optional<Path> found = onPath(git, path);
    if (found.isEmpty()) {
      return git
          + ": not found on PATH (needed for the repositories JGit cannot read, and for -f, -P,"
          + " -U)";
    }
    try {
      GitRunner.Result r =
          new GitRunner(found.get().toString(), Duration.ofSeconds(10))
              .run(Path.of("/"), "--version");
      String text = r.ok() ? r.stdoutText().strip() : "error: " + r.errorLine(git + " --version");
      return printable(text) + ", " + found.get();
    } catch (IOException e) {
      return git
          + ": "
          + found.get()
          + " does not run: "
          + printable(String.valueOf(e.getMessage()));
    }
  }

  /** The first executable {@code name} in {@code path}'s folders, as the JVM would find it. */
  static Optional<Path> onPath(String name, String path) {
    if (name.contains("/")) {
      return Files.isExecutable(Path.of(name)) ? Optional.of(Path.of(name)) : Optional.empty();
    }
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(":", -1)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir).resolve(name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate.toAbsolutePath());
      }
    }
    return Optional.empty();
  }

  /** One line, without control characters. */
  private static String printable(String s) {
    String line = s.lines().findFirst().orElse("");
    return line.replaceAll("\\p{Cntrl}", "?");
  }
}
