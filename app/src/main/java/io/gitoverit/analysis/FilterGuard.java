package io.gitoverit.analysis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps git from running the clean/smudge/process filter programs that a scanned repository's
 * own config (or one of its submodules' configs) names, and says when that makes an answer
 * uncertain.
 *
 * <p>Each such driver gets {@code -c filter.X.clean= -c filter.X.smudge= -c filter.X.process=
 * -c filter.X.required=false}: git treats an empty command as "no filter" and, without
 * {@code required}, does not die. git passes {@code -c} values on to the git processes it starts
 * in submodules. The price: a file whose stat data changed is hashed raw instead of cleaned, so it
 * may look modified although it is not. So when status reports a work-tree change on a path whose
 * {@code filter} attribute names a neutralised driver (or a submodule with neutralised drivers
 * has modified content), the repository fails with a message instead of a guessed count.
 */
final class FilterGuard {
  private static final Pattern SECTION =
      Pattern.compile("^\\s*\\[\\s*filter(?:\\s+\"((?:[^\"\\\\]|\\\\.)*)\"|\\.([^\\]\\s]+))\\s*\\]",
          Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

  private final Set<String> ownDrivers;
  private final Set<String> submoduleDrivers;

  private FilterGuard(Set<String> ownDrivers, Set<String> submoduleDrivers) {
    this.ownDrivers = ownDrivers;
    this.submoduleDrivers = submoduleDrivers;
  }

  /**
   * The guard for a repository: drivers from its own config, plus those in the config files of
   * the submodule git dirs under {@code commonGitDir/modules} (nested ones included).
   */
  static FilterGuard of(CliConfig config, Path commonGitDir) throws AnalysisException {
    Set<String> sub = new LinkedHashSet<>();
    scanModules(commonGitDir.resolve("modules"), sub, 0);
    FilterGuard guard = new FilterGuard(config.ownFilterDrivers(), sub);
    for (String name : guard.all()) {
      if (name.contains("=") || name.contains("\n")) {
        throw new AnalysisException(
            "cannot switch off filter driver '" + name + "' named in the repository's config");
      }
    }
    return guard;
  }

  /** The {@code key=value} overrides that switch every known driver off. */
  List<String> overrides() {
    List<String> out = new ArrayList<>();
    for (String name : all()) {
      String p = "filter." + name + ".";
      out.add(p + "clean=");
      out.add(p + "smudge=");
      out.add(p + "process=");
      out.add(p + "required=false");
    }
    return out;
  }

  /**
   * Fails when a reported work-tree change may be an artefact of a switched-off filter.
   *
   * @param runner a runner for {@code git check-attr} in {@code root}
   */
  void checkCertain(CliStatus status, GitRunner runner, Path root)
      throws AnalysisException, IOException {
    if (!submoduleDrivers.isEmpty()) {
      for (CliStatus.Change c : status.changes()) {
        if (c.submoduleContentModified()) {
          throw new AnalysisException(uncertain(submoduleDrivers.iterator().next(), c.path()));
        }
      }
    }
    if (ownDrivers.isEmpty()) {
      return;
    }
    ByteArrayOutputStream paths = new ByteArrayOutputStream();
    for (CliStatus.Change c : status.changes()) {
      if (c.worktreeSide()) {
        paths.writeBytes(c.path());
        paths.write(0);
      }
    }
    if (paths.size() == 0) {
      return;
    }
    GitRunner.Result r = runner.runWithInput(root, paths.toByteArray(), "check-attr", "-z", "--stdin", "filter");
    if (!r.ok()) {
      throw new AnalysisException(r.errorLine("git check-attr"));
    }
    List<byte[]> f = CliStatus.splitNul(r.stdout());
    for (int i = 0; i + 2 < f.size(); i += 3) {
      String value = new String(f.get(i + 2), StandardCharsets.UTF_8);
      if (ownDrivers.contains(value)) {
        throw new AnalysisException(uncertain(value, f.get(i)));
      }
    }
  }

  private static String uncertain(String driver, byte[] path) {
    return "uncertain status: '" + new String(path, StandardCharsets.UTF_8).replace('\n', '?')
        + "' changed, but only filter driver '" + driver
        + "' (from the repository's own config, not run by gitoverit) could tell whether it really did";
  }

  private Set<String> all() {
    Set<String> all = new LinkedHashSet<>(ownDrivers);
    all.addAll(submoduleDrivers);
    return all;
  }

  /** Collects driver names from each git dir under {@code dir} (a git dir has a config file). */
  private static void scanModules(Path dir, Set<String> out, int depth) throws AnalysisException {
    if (depth > 16 || !Files.isDirectory(dir)) {
      return;
    }
    Path config = dir.resolve("config");
    if (depth > 0 && Files.isRegularFile(config)) {
      try {
        Matcher m = SECTION.matcher(Files.readString(config, StandardCharsets.ISO_8859_1));
        while (m.find()) {
          String quoted = m.group(1);
          out.add(quoted != null ? unescape(quoted) : m.group(2).toLowerCase(java.util.Locale.ROOT));
        }
      } catch (IOException e) {
        throw new AnalysisException("cannot read submodule config " + config + ": " + e.getMessage(), e);
      }
      scanModules(dir.resolve("modules"), out, depth + 1);
      return;
    }
    // Not a git dir: a level of a submodule name with slashes (modules/libs/sub).
    try (DirectoryStream<Path> children = Files.newDirectoryStream(dir, Files::isDirectory)) {
      for (Path child : children) {
        scanModules(child, out, depth + 1);
      }
    } catch (IOException e) {
      throw new AnalysisException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  private static String unescape(String quoted) {
    // ISO-8859-1 above keeps bytes; names are bytes in git, UTF-8 in practice.
    String s = new String(quoted.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    return s.replaceAll("\\\\(.)", "$1");
  }
}
