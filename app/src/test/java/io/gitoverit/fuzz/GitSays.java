package io.gitoverit.fuzz;

import io.gitoverit.testing.GitFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What git says about a tree of repositories, computed with the git executable only: which
 * repositories upstream's discovery rules list (shared/fleet/SPEC.md: a folder with a {@code .git}
 * entry, unless a submodule's, not inside a folder its enclosing listed repository reports as
 * ignored with {@code ls-files --others --ignored --directory}, nor one that {@code check-ignore}
 * calls ignored), whether git can read each, and for those the counts of {@code status
 * --porcelain=v2 -unormal}, the {@code diff --numstat} totals, the newest mtime over {@code
 * ls-files --cached --others --exclude-standard} and upstream's status text.
 */
final class GitSays {
  private GitSays() {}

  /** One listed repository; {@code error} is set when git cannot read it. */
  record Repo(
      String path,
      String error,
      int modified,
      int untracked,
      int deleted,
      int additions,
      int deletions,
      Optional<Instant> mtime,
      String status) {}

  /** The listed repositories under {@code root}, by path relative to {@code base}. */
  static Map<String, Repo> of(GitFixture git, Path base, Path root) throws IOException {
    Map<String, Repo> out = new LinkedHashMap<>();
    for (Path repo : discover(git, root)) {
      out.put(base.relativize(repo).toString(), describe(git, base, repo));
    }
    return out;
  }

  /** The listing of SPEC.md's discovery rules (upstream's, "modules" names aside). */
  static List<Path> discover(GitFixture git, Path root) throws IOException {
    List<Path> listed = new ArrayList<>();
    Set<Path> pruned = new HashSet<>();
    Deque<Path> stack = new ArrayDeque<>();
    stack.push(root.toRealPath());
    while (!stack.isEmpty()) {
      Path dir = stack.pop();
      if (pruned.contains(dir) || dir.getFileName().toString().equals(".git")) {
        continue;
      }
      Path dotGit = dir.resolve(".git");
      if (Files.exists(dotGit)) {
        Path repo = dir.toRealPath();
        if (!listed.contains(repo)) {
          Path parent = enclosing(repo, listed);
          if (parent != null
              && git.tryGit(parent, "check-ignore", "-q", parent.relativize(repo).toString())
                      .exitCode()
                  == 0) {
            continue;
          }
          listed.add(repo);
          pruned.addAll(ignoredDirectories(git, repo));
        }
      }
      List<Path> children = new ArrayList<>();
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
        for (Path e : entries) {
          if (Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS)) {
            children.add(e);
          }
        }
      }
      children.sort(null);
      for (int i = children.size() - 1; i >= 0; i--) {
        stack.push(children.get(i));
      }
    }
    return listed;
  }

  private static Path enclosing(Path repo, List<Path> listed) {
    for (Path p = repo.getParent(); p != null; p = p.getParent()) {
      if (listed.contains(p)) {
        return p;
      }
    }
    return null;
  }

  private static List<Path> ignoredDirectories(GitFixture git, Path repo) {
    GitFixture.Result r =
        git.tryGit(
            repo,
            "ls-files",
            "--others",
            "--ignored",
            "--exclude-standard",
            "--directory",
            "--no-empty-directory",
            "-z");
    List<Path> out = new ArrayList<>();
    if (r.exitCode() == 0) {
      for (String entry : r.stdout().split("\0")) {
        if (entry.endsWith("/")) {
          out.add(repo.resolve(entry.substring(0, entry.length() - 1)));
        }
      }
    }
    return out;
  }

  private static Repo describe(GitFixture git, Path base, Path repo) throws IOException {
    String path = base.relativize(repo).toString();
    GitFixture.Result top = git.tryGit(repo, "rev-parse", "--absolute-git-dir", "--show-toplevel");
    if (top.exitCode() != 0) {
      return error(path, top.stderr().strip());
    }
    String[] lines = top.stdout().split("\n");
    boolean root = lines.length > 1 && lines[1].equals(repo.toString());
    if (!root && !Path.of(lines[0]).toRealPath().equals(ownGitDir(repo))) {
      return error(
          path, "not a repository root: git's work tree is " + (lines.length > 1 ? lines[1] : ""));
    }
    GitFixture.Result status =
        git.tryGit(
            repo,
            "--no-optional-locks",
            "status",
            "--porcelain=v2",
            "-z",
            "--untracked-files=normal");
    if (status.exitCode() != 0) {
      return error(path, status.stderr().strip());
    }
    int modified = 0;
    int untracked = 0;
    int deleted = 0;
    int records = 0;
    String[] fields = status.stdout().split("\0");
    for (int i = 0; i < fields.length; i++) {
      String r = fields[i];
      if (r.isEmpty()) {
        continue;
      }
      char kind = r.charAt(0);
      if (kind == '?') {
        untracked++;
      } else if (kind == '1' || kind == '2' || kind == 'u') {
        records++;
        String xy = r.substring(2, 4);
        deleted += xy.contains("D") ? 1 : 0;
        modified += xy.chars().anyMatch(c -> "MARCT".indexOf(c) >= 0) ? 1 : 0;
        i += kind == '2' ? 1 : 0;
      }
    }
    int additions = 0;
    int deletions = 0;
    if (records > 0) {
      for (String[] args :
          List.of(
              new String[] {"diff", "--numstat", "--cached"}, new String[] {"diff", "--numstat"})) {
        for (String line : git.git(repo, args).split("\n")) {
          String[] cols = line.split("\t");
          if (cols.length >= 3) {
            additions += number(cols[0]);
            deletions += number(cols[1]);
          }
        }
      }
    }
    return new Repo(
        path,
        null,
        modified,
        untracked,
        deleted,
        additions,
        deletions,
        newestMtime(git, repo),
        statusText(modified, additions, deletions, untracked, deleted));
  }

  private static Repo error(String path, String message) {
    return new Repo(
        path, message.isEmpty() ? "error" : message, 0, 0, 0, 0, 0, Optional.empty(), "");
  }

  /** The git dir that {@code repo/.git} names: the folder itself or its gitdir: line's target. */
  private static Path ownGitDir(Path repo) throws IOException {
    Path dotGit = repo.resolve(".git");
    if (Files.isDirectory(dotGit)) {
      return dotGit.toRealPath();
    }
    String text = new String(Files.readAllBytes(dotGit), StandardCharsets.UTF_8);
    String first = text.split("\n", 2)[0];
    if (!first.startsWith("gitdir:")) {
      return null;
    }
    try {
      return repo.resolve(first.substring(7).strip()).toRealPath();
    } catch (IOException e) {
      return null;
    }
  }

  /** Upstream's status column for these counts (no submodules, upstream or operation here). */
  static String statusText(int modified, int additions, int deletions, int untracked, int deleted) {
    List<String> parts = new ArrayList<>();
    if (modified > 0) {
      parts.add(modified + "m");
    }
    if (additions > 0 || deletions > 0) {
      parts.add("(+" + additions + "/-" + deletions + ")");
    }
    if (untracked > 0) {
      parts.add(untracked + "u");
    }
    if (deleted > 0) {
      parts.add(deleted + "d");
    }
    return parts.isEmpty() ? "clean" : String.join(" ", parts);
  }

  private static int number(String col) {
    return col.chars().allMatch(Character::isDigit) ? Integer.parseInt(col) : 0;
  }

  private static Optional<Instant> newestMtime(GitFixture git, Path repo) {
    Instant newest = null;
    for (String p :
        git.git(repo, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")) {
      if (p.isEmpty() || p.equals(".git") || p.startsWith(".git/")) {
        continue;
      }
      try {
        Instant t = Files.getLastModifiedTime(repo.resolve(p)).toInstant();
        newest = newest == null || t.isAfter(newest) ? t : newest;
      } catch (IOException e) {
        // missing or a dangling link: git's stat fails, upstream skips it
      }
    }
    return Optional.ofNullable(newest);
  }
}
