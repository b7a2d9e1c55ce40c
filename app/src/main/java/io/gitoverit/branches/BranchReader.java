package io.gitoverit.branches;

import io.gitoverit.analysis.AnalysisException;
import io.gitoverit.analysis.AnalysisOptions;
import io.gitoverit.analysis.RepoAnalyzer;
import io.gitoverit.analysis.gitexe.GitRunner;
import io.gitoverit.config.IdRewrites;
import io.gitoverit.report.BranchReport;
import io.gitoverit.report.Colour;
import io.gitoverit.report.RepoReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lists the local branches of one repository with upstream's rules: the upstream comes from {@code
 * branch.<name>.remote} and {@code .merge} as written ({@code <remote>/<short merge>}), gone means
 * that ref is missing, ahead and behind are {@code rev-list --left-right --count} against it, and a
 * branch checked out in a work tree gets that work tree's status from the analyser a scan uses.
 */
public final class BranchReader {
  private final GitRunner git;
  private final RepoAnalyzer analyzer;
  private final IdRewrites rewrites;

  /** A reader asking {@code git} for refs and config, and {@code analyzer} for work trees. */
  public BranchReader(GitRunner git, RepoAnalyzer analyzer, IdRewrites rewrites) {
    this.git = git;
    this.analyzer = analyzer;
    this.rewrites = rewrites;
  }

  /** Why the branches could not be listed: one line, naming the folder. */
  public static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message);
    }
  }

  /**
   * The work tree root of the repository holding {@code dir}, as {@code git rev-parse
   * --show-toplevel} finds it, resolved to its real path.
   */
  public Path root(Path dir) throws Failure {
    String top = ok(dir, "rev-parse", "--show-toplevel").strip();
    try {
      return Path.of(top).toRealPath();
    } catch (IOException | RuntimeException e) {
      throw new Failure(dir + ": cannot resolve " + top + ": " + e.getMessage());
    }
  }

  /**
   * One report per branch under {@code refs/heads} of the repository whose root is {@code root}, in
   * ref order.
   */
  public List<BranchReport> read(Path root) throws Failure {
    Optional<String> current = current(root);
    Map<String, Path> worktrees = worktrees(root);
    Map<String, Upstream> upstreams = upstreams(root);
    Map<String, String> links = links(root);
    String listing =
        ok(
            root,
            "for-each-ref",
            "--format=%(refname)%00%(refname:short)%00%(objectname:short=12)%00%(authorname)%00"
                + "%(authoremail)%00%(committerdate:unix)%00%(subject)",
            "refs/heads");
    Map<Path, Optional<RepoReport>> checkouts = new HashMap<>();
    List<BranchReport> out = new ArrayList<>();
    for (String line : listing.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\0", -1);
      if (f.length != 7) {
        throw new Failure(root + ": unexpected git for-each-ref line: " + line.replace('\0', ' '));
      }
      String ref = f[0];
      String branch = f[1];
      Upstream up = upstreams.get(branch);
      boolean gone = false;
      int ahead = 0;
      int behind = 0;
      if (up != null) {
        gone = !exists(root, up.ref() + "^{commit}");
        if (!gone) {
          String[] counts =
              ok(root, "rev-list", "--left-right", "--count", ref + "..." + up.ref())
                  .strip()
                  .split("\\s+");
          ahead = Integer.parseInt(counts[0]);
          behind = Integer.parseInt(counts[1]);
        }
      }
      Optional<Path> wt = Optional.ofNullable(worktrees.get(ref));
      Optional<RepoReport> checkout = wt.flatMap(p -> checkouts.computeIfAbsent(p, this::analyse));
      String author = f[4].isEmpty() ? f[3] : f[3] + " " + f[4];
      Optional<IdRewrites.Rewritten> rewritten = rewrites.apply(author);
      Optional<Colour> colour = rewritten.flatMap(IdRewrites.Rewritten::fg);
      Optional<String> remote = up == null ? Optional.empty() : up.remote();
      out.add(
          new BranchReport(
              root,
              branch,
              f[2],
              up == null ? "-" : up.shown(),
              up != null,
              gone,
              ahead,
              behind,
              current.map(branch::equals).orElse(false),
              wt,
              worktreeDisplay(root, wt),
              rewritten.map(IdRewrites.Rewritten::value).orElse(author),
              colour,
              f[5].isEmpty() ? 0 : Long.parseLong(f[5]),
              f[6],
              checkout,
              remote,
              remote.map(links::get)));
    }
    return out;
  }

  /** The work tree's report, or empty when it cannot be read (its status then falls back). */
  private Optional<RepoReport> analyse(Path worktree) {
    try {
      return Optional.of(analyzer.analyze(worktree, new AnalysisOptions(false, false)));
    } catch (AnalysisException | RuntimeException e) {
      return Optional.empty();
    }
  }

  static String worktreeDisplay(Path root, Optional<Path> worktree) {
    if (worktree.isEmpty()) {
      return "-";
    }
    if (worktree.get().equals(root)) {
      return "here";
    }
    Path base = root.getParent() == null ? root : root.getParent();
    return base.relativize(worktree.get()).toString();
  }

  /** The branch HEAD names, short; empty when HEAD is detached. */
  private Optional<String> current(Path root) throws Failure {
    GitRunner.Result r = run(root, "symbolic-ref", "--quiet", "--short", "HEAD");
    String name = r.ok() ? text(r).strip() : "";
    return name.isEmpty() ? Optional.empty() : Optional.of(name);
  }

  /** Branch ref to the real path of the work tree that has it checked out. */
  private Map<String, Path> worktrees(Path root) throws Failure {
    Map<String, Path> found = new HashMap<>();
    Path path = null;
    for (String line : ok(root, "worktree", "list", "--porcelain").split("\n")) {
      if (line.startsWith("worktree ")) {
        path = real(Path.of(line.substring("worktree ".length())));
      } else if (line.startsWith("branch ") && path != null) {
        found.put(line.substring("branch ".length()), path);
      } else if (line.isEmpty()) {
        path = null;
      }
    }
    return found;
  }

  /** As Python's {@code Path.resolve()}: the real path as far as it exists. */
  private static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    try {
      return abs.toRealPath();
    } catch (IOException e) {
      Path parent = abs.getParent();
      return parent == null ? abs : real(parent).resolve(abs.getFileName());
    }
  }

  /** An upstream: as shown, the full ref it stands for, and its remote (none when local). */
  record Upstream(String shown, String ref, Optional<String> remote) {}

  private Map<String, Upstream> upstreams(Path root) throws Failure {
    GitRunner.Result r =
        run(root, "config", "-z", "--get-regexp", "^branch\\..*\\.(remote|merge)$");
    Map<String, Map<String, String>> seen = new LinkedHashMap<>();
    if (r.ok()) {
      for (String entry : text(r).split("\0")) {
        int nl = entry.indexOf('\n');
        String key = nl < 0 ? entry : entry.substring(0, nl);
        String value = nl < 0 ? "" : entry.substring(nl + 1);
        if (!key.startsWith("branch.")) {
          continue;
        }
        int dot = key.lastIndexOf('.');
        seen.computeIfAbsent(key.substring("branch.".length(), dot), b -> new HashMap<>())
            .put(key.substring(dot + 1), value.strip());
      }
    }
    Map<String, Upstream> out = new HashMap<>();
    seen.forEach(
        (branch, values) -> {
          String remote = values.get("remote");
          String merge = values.get("merge");
          if (remote != null && merge != null) {
            String shortMerge = shortRef(merge);
            out.put(
                branch,
                remote.equals(".")
                    ? new Upstream(shortMerge, merge, Optional.empty())
                    : new Upstream(
                        remote + "/" + shortMerge,
                        "refs/remotes/" + remote + "/" + shortMerge,
                        Optional.of(remote)));
          }
        });
    return out;
  }

  static String shortRef(String ref) {
    for (String prefix : new String[] {"refs/heads/", "refs/remotes/", "refs/tags/", "refs/"}) {
      if (ref.startsWith(prefix)) {
        return ref.substring(prefix.length());
      }
    }
    return ref;
  }

  /** Remote name to its web page, for remotes whose fetch and push URLs are the same. */
  private Map<String, String> links(Path root) throws Failure {
    GitRunner.Result r = run(root, "remote", "-v");
    Map<String, String> fetch = new HashMap<>();
    Map<String, String> push = new HashMap<>();
    if (r.ok()) {
      for (String line : text(r).split("\n")) {
        String[] parts = line.strip().split("\\s+");
        if (parts.length < 3) {
          continue;
        }
        if (parts[2].equals("(fetch)")) {
          fetch.put(parts[0], parts[1]);
        } else if (parts[2].equals("(push)")) {
          push.put(parts[0], parts[1]);
        }
      }
    }
    Map<String, String> out = new HashMap<>();
    fetch.forEach(
        (name, url) -> {
          if (!url.isEmpty() && url.equals(push.getOrDefault(name, url))) {
            WebPages.of(url).ifPresent(page -> out.put(name, page));
          }
        });
    return out;
  }

  private boolean exists(Path root, String rev) throws Failure {
    return run(root, "rev-parse", "--verify", "--quiet", rev).ok();
  }

  private String ok(Path dir, String... args) throws Failure {
    GitRunner.Result r = run(dir, args);
    if (!r.ok()) {
      String line = r.errorLine("git " + args[0]);
      throw new Failure(dir + ": " + (line.startsWith("fatal: ") ? line.substring(7) : line));
    }
    return text(r);
  }

  private GitRunner.Result run(Path dir, String... args) throws Failure {
    try {
      return git.run(dir, args);
    } catch (IOException e) {
      throw new Failure(dir + ": git " + args[0] + ": " + e.getMessage());
    }
  }

  private static String text(GitRunner.Result r) {
    return new String(r.stdout(), StandardCharsets.UTF_8);
  }
}
