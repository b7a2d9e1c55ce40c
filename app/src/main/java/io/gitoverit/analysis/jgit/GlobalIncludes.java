package io.gitoverit.analysis.jgit;

import io.gitoverit.gitdir.GitConfigFiles;
import io.gitoverit.gitdir.IncludedConfigs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;

/**
 * The {@code [includeIf]} sections of the system and global config files, which JGit does not
 * follow. An included file that only sets an identity (the usual work/personal split: {@code
 * user.*}, signing, credentials, an ssh command; see {@link #HARMLESS}) or what only git's own
 * commands use (push, pull, fetch and the like) does not change what a scan reports: identities
 * come from {@code git var}, which follows it. Any other setting there (core.autocrlf,
 * core.excludesFile, a filter...) could change status, and JGit would not see it: then every
 * repository goes to git. Which repositories a condition matches is not worked out here; git does
 * that.
 */
final class GlobalIncludes {
  /**
   * Sections that cannot change what a scan reports: identity and signing, credentials and
   * transport (the actions run git itself), aliases, colours. Anything else, {@code diff} and
   * {@code status} included, might.
   */
  static final Set<String> HARMLESS =
      Set.of(
          "user",
          "author",
          "committer",
          "gpg",
          "commit",
          "tag",
          "credential",
          "http",
          "url",
          "alias",
          "color",
          "init",
          "push",
          "pull",
          "fetch",
          "rebase",
          "merge",
          "gc",
          "maintenance",
          "advice",
          "help",
          "pager",
          "sendemail",
          "format",
          "log");

  /** {@code core} keys of the same kind: the ssh command of a work identity, editors, hooks. */
  static final Set<String> HARMLESS_CORE =
      Set.of(
          "sshcommand", "editor", "pager", "askpass", "hookspath", "commentchar", "commentstring");

  private GlobalIncludes() {}

  /** Why JGit's view of the user's config may be incomplete; empty when it is complete. */
  static Optional<String> problem(GitConfigFiles files, Map<String, String> env) {
    List<Path> configs = new ArrayList<>();
    files.system().ifPresent(configs::add);
    files.xdg().ifPresent(configs::add);
    files.global().ifPresent(configs::add);
    for (Path file : configs) {
      Optional<Config> config;
      try {
        config = read(file);
      } catch (IllegalStateException e) {
        continue; // JGit cannot read it either: that is reported as its own config problem
      }
      if (config.isEmpty()) {
        continue;
      }
      for (String condition : config.get().getSubsections("includeif")) {
        for (String value : config.get().getStringList("includeif", condition, "path")) {
          Optional<String> problem = check(file, condition, value, env);
          if (problem.isPresent()) {
            return problem;
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> check(
      Path file, String condition, String value, Map<String, String> env) {
    String where = "includeIf \"" + condition + "\" in " + file;
    String home = env.get("HOME");
    Path included =
        IncludedConfigs.resolve(file, value, home == null || home.isEmpty() ? null : Path.of(home));
    if (included == null) {
      return Optional.of(where + " names a file JGit cannot follow: " + value);
    }
    Optional<Config> config;
    try {
      config = read(included);
    } catch (IllegalStateException e) {
      return Optional.of(where + ": " + e.getMessage());
    }
    if (config.isEmpty()) {
      return Optional.empty(); // git skips an included file that does not exist
    }
    for (String section : config.get().getSections()) {
      String lower = section.toLowerCase(Locale.ROOT);
      if (HARMLESS.contains(lower)) {
        continue;
      }
      if (lower.equals("core")
          && config.get().getSubsections(section).isEmpty()
          && config.get().getNames(section).stream()
              .allMatch(n -> HARMLESS_CORE.contains(n.toLowerCase(Locale.ROOT)))) {
        continue;
      }
      return Optional.of(
          where + " sets " + section + " settings, which JGit does not read (" + included + ")");
    }
    return Optional.empty();
  }

  /**
   * The file as a plain config (includes not followed), or empty when it does not exist or is no
   * regular file.
   *
   * @throws IllegalStateException when it exists and cannot be read or parsed
   */
  private static Optional<Config> read(Path file) {
    byte[] bytes;
    try {
      bytes = IncludedConfigs.read(file);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (bytes == null) {
      return Optional.empty();
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    Config config = new Config();
    try {
      config.fromText(text);
    } catch (ConfigInvalidException e) {
      throw new IllegalStateException("cannot parse " + file + ": " + e.getMessage(), e);
    }
    return Optional.of(config);
  }
}
