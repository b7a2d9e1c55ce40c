package io.gitoverit.analysis;

import io.gitoverit.discovery.IndexPaths;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
  private final Set<String> ownDrivers;
  private final Set<String> submoduleDrivers;

  private FilterGuard(Set<String> ownDrivers, Set<String> submoduleDrivers) {
    this.ownDrivers = ownDrivers;
    this.submoduleDrivers = submoduleDrivers;
  }

  /** How deep git's submodule recursion is followed before the repository fails instead. */
  private static final int MAX_DEPTH = 16;

  /**
   * The guard for a repository: drivers from its own config, plus those in the configs of the
   * submodules git status would enter, at every depth.
   *
   * @param listing {@link #listIndex} started in the repository's work tree {@code root}, or
   *     null when git will not enter submodules (then only the repository's own drivers count)
   */
  static FilterGuard of(CliConfig config, GitRunner git, Path root, GitRunner.Pending listing)
      throws AnalysisException, IOException {
    Set<String> sub = new LinkedHashSet<>();
    if (listing != null) {
      submoduleDrivers(git, root, listing, sub, new HashSet<>(), 0);
    }
    FilterGuard guard = new FilterGuard(config.ownFilterDrivers(), sub);
    for (String name : guard.all()) {
      if (name.contains("=") || name.contains("\n")) {
        throw new AnalysisException(
            "cannot switch off filter driver '" + name + "' named in the repository's config");
      }
    }
    return guard;
  }

  /**
   * Whether the index of {@code gitDir} may record a gitlink, without asking git; any doubt (an
   * index that cannot be read or parsed) answers true. Without one git status enters no
   * submodule, and {@link #listIndex} is not needed.
   */
  static boolean mayHaveGitlinks(Path gitDir, Optional<String> objectFormat) {
    boolean sha256 = objectFormat.map(f -> f.equalsIgnoreCase("sha256")).orElse(false);
    try {
      return IndexPaths.recordsGitlink(gitDir, sha256 ? 32 : 20);
    } catch (IOException | RuntimeException e) {
      return true;
    }
  }

  /** Starts the listing {@link #of} reads the gitlinks from. */
  static GitRunner.Pending listIndex(GitRunner git, Path workTree) throws IOException {
    return git.start(workTree, "ls-files", "--stage", "--sparse", "-z"); // --sparse: no expansion
  }

  /**
   * Adds the drivers of every populated submodule that {@code listing} (of one work tree) records,
   * then of theirs. git status enters a gitlink's folder when it holds a {@code .git} that names
   * a git dir (a folder, or a file pointing anywhere), and the git it runs there reads that git
   * dir's config with its includes: so each is asked with {@code git --git-dir}, as git does.
   */
  private static void submoduleDrivers(GitRunner git, Path workTree, GitRunner.Pending listing,
      Set<String> out, Set<Path> seen, int depth) throws AnalysisException, IOException {
    GitRunner.Result r = listing.await();
    if (!r.ok()) {
      throw new AnalysisException(r.errorLine("git ls-files"));
    }
    for (byte[] record : CliStatus.splitNul(r.stdout())) {
      String line = new String(record, StandardCharsets.UTF_8);
      int tab = line.indexOf('\t');
      if (!line.startsWith("160000 ") || tab < 0) {
        continue;
      }
      String name = line.substring(tab + 1);
      Path dir;
      try {
        if (!JvmFileNames.canName(name)) {
          throw new java.nio.file.InvalidPathException(name, "not expressible");
        }
        dir = workTree.resolve(name);
      } catch (java.nio.file.InvalidPathException e) {
        // Fail closed: a submodule this JVM cannot find could still be entered by git.
        throw new AnalysisException("cannot check the submodule at a path this JVM cannot name: "
            + name.replace('\n', '?'));
      }
      Path dotGit = dir.resolve(".git");
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || !Files.exists(dotGit)
          || !seen.add(dir.toRealPath())) {
        continue; // not populated: git does not enter it
      }
      if (depth >= MAX_DEPTH) {
        throw new AnalysisException("submodules nested more than " + MAX_DEPTH + " deep at " + dir);
      }
      String gitDir = "--git-dir=" + dotGit;
      GitRunner.Result c = git.run(dir, gitDir, "config", "--list", "-z", "--show-scope");
      if (!c.ok()) {
        continue; // git cannot read this git dir either, so it runs nothing there
      }
      out.addAll(CliConfig.parse(c.stdout()).ownFilterDrivers());
      GitRunner.Pending nested = git.start(dir, gitDir, "ls-files", "--stage", "--sparse", "-z");
      submoduleDrivers(git, dir, nested, out, seen, depth + 1);
    }
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
}
