package io.gitoverit.analysis.gitexe;

import io.gitoverit.analysis.AnalysisException;
import io.gitoverit.analysis.JvmFileNames;
import io.gitoverit.discovery.IndexPaths;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Keeps git from running the clean/smudge/process filter programs that a scanned repository's own
 * config (or one of its submodules' configs) names, and names the files whose count that makes
 * uncertain.
 *
 * <p>Which drivers are the repository's, and which are the user's own programs that may run, is
 * {@link RepoConfig}'s rule. Each of the repository's drivers gets {@code -c filter.X.clean= -c
 * filter.X.smudge= -c filter.X.process= -c filter.X.required=false}: git treats an empty command as
 * "no filter" and, without {@code required}, does not die. git passes {@code -c} values on to the
 * git processes it starts in submodules. The price: a file git has to read (its stat data no longer
 * match the index) is hashed raw instead of cleaned, so it is counted as git counts it without the
 * filter, which may differ from what the filter would say. Those files become warnings. They are
 * found with {@code git diff --raw} while {@code diff.autoRefreshIndex} is off, limited by an
 * attribute pathspec to one switched-off driver's files: it lists each such tracked file whose stat
 * data changed, without reading one and without expanding a sparse index.
 */
final class FilterGuard {
  /** How deep git's submodule recursion is followed before the repository fails instead. */
  private static final int MAX_DEPTH = 16;

  /** How many files the warnings name one by one; the rest are counted in a last warning. */
  static final int MAX_NAMED = 10;

  private static final List<String> FALSE_WORDS = List.of("false", "no", "off", "0");

  /**
   * One work tree git status reads: the repository itself or a populated submodule.
   *
   * @param gitDirArg {@code --git-dir=...} for a submodule, empty for the repository
   * @param prefix the work tree's path below the repository's root, ending in {@code /}, or empty
   */
  private record Level(
      Path workTree, Optional<String> gitDirArg, String prefix, RepoConfig config) {
    String[] args(String... args) {
      if (gitDirArg.isEmpty()) {
        return args;
      }
      String[] out = new String[args.length + 1];
      out[0] = gitDirArg.get();
      System.arraycopy(args, 0, out, 1, args.length);
      return out;
    }

    String owner() {
      return prefix.isEmpty()
          ? "the repository"
          : "submodule " + prefix.substring(0, prefix.length() - 1);
    }
  }

  private final List<Level> levels;

  /** Every switched-off driver, with the level whose config made it the repository's. */
  private final Map<String, Level> switchedOff;

  private FilterGuard(List<Level> levels, Map<String, Level> switchedOff) {
    this.levels = levels;
    this.switchedOff = switchedOff;
  }

  /**
   * The guard for a repository: drivers from its own config, plus those in the configs of the
   * submodules git status would enter, at every depth.
   *
   * @param listing {@link #listIndex} started in the repository's work tree {@code root}, or null
   *     when git will not enter submodules (then only the repository's own drivers count)
   */
  static FilterGuard of(RepoConfig config, GitRunner git, Path root, GitRunner.Pending listing)
      throws AnalysisException, IOException {
    List<Level> levels = new ArrayList<>();
    levels.add(new Level(root, Optional.empty(), "", config));
    if (listing != null) {
      submodules(git, root, "", listing, levels, new HashSet<>(), 0);
    }
    Map<String, Level> off = new LinkedHashMap<>();
    for (Level level : levels) {
      for (String name : level.config().ownFilterDrivers()) {
        if (name.contains("=") || name.contains("\n")) {
          throw new AnalysisException(
              "cannot switch off filter driver '" + name + "' named in the repository's config");
        }
        off.putIfAbsent(name, level);
      }
    }
    return new FilterGuard(levels, off);
  }

  /**
   * Whether the index of {@code gitDir} may record a gitlink, without asking git; any doubt (an
   * index that cannot be read or parsed) answers true. Without one git status enters no submodule,
   * and {@link #listIndex} is not needed.
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
   * Adds a level for every populated submodule that {@code listing} (of one work tree) records,
   * then for theirs. git status enters a gitlink's folder when it holds a {@code .git} that names a
   * git dir (a folder, or a file pointing anywhere), and the git it runs there reads that git dir's
   * config with its includes: so each is asked with {@code git --git-dir}, as git does.
   */
  private static void submodules(
      GitRunner git,
      Path workTree,
      String prefix,
      GitRunner.Pending listing,
      List<Level> out,
      Set<Path> seen,
      int depth)
      throws AnalysisException, IOException {
    GitRunner.Result r = listing.await();
    if (!r.ok()) {
      throw new AnalysisException(r.errorLine("git ls-files"));
    }
    for (byte[] record : PorcelainStatus.splitNul(r.stdout())) {
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
        throw new AnalysisException(
            "cannot check the submodule at a path this JVM cannot name: "
                + name.replace('\n', '?'));
      }
      Path dotGit = dir.resolve(".git");
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
          || !Files.exists(dotGit)
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
      String below = prefix + name + "/";
      out.add(new Level(dir, Optional.of(gitDir), below, RepoConfig.parse(c.stdout())));
      GitRunner.Pending nested = git.start(dir, gitDir, "ls-files", "--stage", "--sparse", "-z");
      submodules(git, dir, below, nested, out, seen, depth + 1);
    }
  }

  /** The {@code key=value} overrides that switch every known driver off. */
  List<String> overrides() {
    List<String> out = new ArrayList<>();
    for (String name : switchedOff.keySet()) {
      String p = "filter." + name + ".";
      out.add(p + "clean=");
      out.add(p + "smudge=");
      out.add(p + "process=");
      out.add(p + "required=false");
    }
    return out;
  }

  /** The switched-off drivers that would have done something in this level's work tree. */
  private Set<String> silenced(Level level) {
    Set<String> out = new TreeSet<>();
    for (String name : switchedOff.keySet()) {
      String p = "filter." + name + ".";
      boolean command =
          !level.config().get(p + "clean").orElse("").isEmpty()
              || !level.config().get(p + "process").orElse("").isEmpty();
      boolean required =
          level
              .config()
              .get(p + "required")
              .map(v -> !FALSE_WORDS.contains(v.strip().toLowerCase(Locale.ROOT)))
              .orElse(false);
      if (command || required) {
        out.add(name);
      }
    }
    return out;
  }

  /**
   * Driver names a {@code :(attr:filter=NAME)} pathspec can hold: git allows only letters, digits,
   * {@code -} and {@code _} (and an escaped comma) in such a value.
   */
  private static final Pattern PATHSPEC_VALUE = Pattern.compile("[A-Za-z0-9_-]+");

  /**
   * Starts {@code git diff --raw} over the level's tracked files whose stat data changed, limited
   * to those whose filter attribute is {@code driver}, or all of them when {@code driver} is null.
   * {@code diff.autoRefreshIndex=false}: stat-only changes stay listed instead of being checked by
   * content; {@code --raw} reads no file. Neither this nor the attribute pathspec expands a sparse
   * index (git diff-files and git check-attr would, and expanding freshens tree objects).
   */
  private static GitRunner.Pending statDirty(GitRunner g, Level level, String driver)
      throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "-c",
                "diff.autoRefreshIndex=false",
                "diff",
                "--raw",
                "-z",
                "--no-color",
                "--no-renames",
                "--diff-filter=M",
                "--ignore-submodules=all"));
    if (driver != null) {
      args.add("--");
      args.add(":(attr:filter=" + driver + ")");
    }
    return g.start(level.workTree(), level.args(args.toArray(new String[0])));
  }

  /** The listings of one level: one per driver a pathspec can name, one for all the others. */
  private static final class Listings {
    final Map<String, GitRunner.Pending> byDriver = new LinkedHashMap<>();
    final Set<String> others = new TreeSet<>();
    GitRunner.Pending all;
  }

  private Listings startListings(GitRunner g, Level level) throws AnalysisException, IOException {
    Listings out = new Listings();
    for (String driver : silenced(level)) {
      if (PATHSPEC_VALUE.matcher(driver).matches()) {
        out.byDriver.put(driver, statDirty(g, level, driver));
      } else {
        out.others.add(driver);
      }
    }
    if (!out.others.isEmpty()) {
      if (sparseIndex(level.config())) {
        throw new AnalysisException(
            "cannot tell which files filter driver '"
                + visible(out.others.iterator().next())
                + "' (named in "
                + level.owner()
                + "'s config, not run by gitoverit) applies to without expanding the sparse index");
      }
      out.all = statDirty(g, level, null);
    }
    return out;
  }

  private static boolean sparseIndex(RepoConfig config) {
    return config
        .get("index.sparse")
        .map(v -> !FALSE_WORDS.contains(v.strip().toLowerCase(Locale.ROOT)))
        .orElse(false);
  }

  /** The listings {@link #warnings} reads, started early so they run alongside git status. */
  static final class Check {
    private final Listings root;

    private Check(Listings root) {
      this.root = root;
    }
  }

  /**
   * Starts listing the repository's own stat-dirty files under a switched-off driver; the
   * submodules' listings follow in {@link #warnings}.
   *
   * @param g the runner with {@link #overrides()}
   */
  Check start(GitRunner g) throws AnalysisException, IOException {
    return new Check(startListings(g, levels.get(0)));
  }

  /**
   * One line per tracked file that git would have passed through a switched-off filter (its stat
   * data changed), such as {@code a.bin: filter "lfs" not run (configured by the repository)}; at
   * most {@link #MAX_NAMED} are named, a last line counts the rest. Empty when every count is what
   * git itself would say.
   */
  List<String> warnings(Check check, GitRunner g) throws AnalysisException, IOException {
    List<String> named = new ArrayList<>();
    int more = 0;
    Set<String> moreDrivers = new TreeSet<>();
    for (int i = 0; i < levels.size(); i++) {
      Level level = levels.get(i);
      Listings listings = i == 0 ? check.root : startListings(g, level);
      for (String[] hit : filtered(g, level, listings)) {
        if (named.size() < MAX_NAMED) {
          named.add(
              visible(level.prefix() + hit[0])
                  + ": filter \""
                  + visible(hit[1])
                  + "\" not run (configured by "
                  + visible(switchedOff.get(hit[1]).owner())
                  + ")");
        } else {
          more++;
          moreDrivers.add("\"" + visible(hit[1]) + "\"");
        }
      }
    }
    if (more > 0) {
      named.add(
          "and "
              + more
              + " more file"
              + (more == 1 ? "" : "s")
              + ": filter "
              + String.join(", ", moreDrivers)
              + " not run");
    }
    return named;
  }

  /** The {path, driver} pairs the listings of one level found, in path order. */
  private static List<String[]> filtered(GitRunner g, Level level, Listings listings)
      throws AnalysisException, IOException {
    TreeMap<String, String> out = new TreeMap<>();
    for (Map.Entry<String, GitRunner.Pending> e : listings.byDriver.entrySet()) {
      for (byte[] path : regularFiles(e.getValue())) {
        out.put(new String(path, StandardCharsets.UTF_8), e.getKey());
      }
    }
    if (listings.all == null) {
      return out.entrySet().stream().map(e -> new String[] {e.getKey(), e.getValue()}).toList();
    }
    ByteArrayOutputStream paths = new ByteArrayOutputStream();
    for (byte[] path : regularFiles(listings.all)) {
      paths.writeBytes(path);
      paths.write(0);
    }
    if (paths.size() > 0) {
      GitRunner.Result attrs =
          g.runWithInput(
              level.workTree(),
              paths.toByteArray(),
              level.args("check-attr", "-z", "--stdin", "filter"));
      if (!attrs.ok()) {
        throw new AnalysisException(attrs.errorLine("git check-attr"));
      }
      List<byte[]> f = PorcelainStatus.splitNul(attrs.stdout());
      for (int i = 0; i + 2 < f.size(); i += 3) {
        String value = new String(f.get(i + 2), StandardCharsets.UTF_8);
        if (listings.others.contains(value)) {
          out.put(new String(f.get(i), StandardCharsets.UTF_8), value);
        }
      }
    }
    return out.entrySet().stream().map(e -> new String[] {e.getKey(), e.getValue()}).toList();
  }

  /** The paths a {@link #statDirty} listing names whose index entry and file are regular files. */
  private static List<byte[]> regularFiles(GitRunner.Pending listing)
      throws AnalysisException, IOException {
    GitRunner.Result r = listing.await();
    if (!r.ok()) {
      throw new AnalysisException(r.errorLine("git diff"));
    }
    List<byte[]> out = new ArrayList<>();
    List<byte[]> fields = PorcelainStatus.splitNul(r.stdout());
    for (int i = 0; i + 1 < fields.size(); i += 2) {
      // ":<index mode> <work-tree mode> <id> <id> M", then the path. Only regular files are
      // filtered: not a symbolic link, nor a gitlink.
      String[] header = new String(fields.get(i), StandardCharsets.US_ASCII).split(" ");
      if (header.length >= 2 && regular(header[0].substring(1)) && regular(header[1])) {
        out.add(fields.get(i + 1));
      }
    }
    return out;
  }

  private static boolean regular(String mode) {
    return mode.equals("100644") || mode.equals("100755");
  }

  /** Text from a work tree or config, with control characters shown as {@code ?}. */
  private static String visible(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> sb.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
    return sb.toString();
  }
}
