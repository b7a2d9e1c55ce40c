package io.gitoverit.analysis.jgit;

import io.gitoverit.report.Worktree;
import io.gitoverit.testing.GitFixture;
import io.gitoverit.testing.WalkListings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * What the git executable says about a work tree, reduced to the numbers of {@link
 * Worktree.Checked} exactly as SPEC.md reads them: the differential oracle for the JGit scan.
 */
public final class GitTruth {
  private GitTruth() {}

  /** Counts from porcelain v2, totals from both numstats, mtime from ls-files plus stat. */
  public static Worktree.Checked of(GitFixture git, Path repo) {
    Worktree.Checked c = counts(git, repo);
    return new Worktree.Checked(
        c.modified(),
        c.untracked(),
        c.deleted(),
        c.conflicts(),
        c.additions(),
        c.deletions(),
        newestMtime(git, repo));
  }

  /** Counts and totals only (no mtime). */
  public static Worktree.Checked counts(GitFixture git, Path repo) {
    int modified = 0;
    int untracked = 0;
    int deleted = 0;
    int conflicts = 0;
    String[] records =
        git.git(repo, "status", "--porcelain=v2", "-z", "--untracked-files=normal").split("\0");
    for (int i = 0; i < records.length; i++) {
      String r = records[i];
      if (r.isEmpty()) {
        continue;
      }
      char kind = r.charAt(0);
      if (kind == '?') {
        untracked++;
      } else if (kind == '1' || kind == '2' || kind == 'u') {
        String xy = r.substring(2, 4);
        if (kind == 'u' || xy.equals("AA") || xy.equals("DD") || xy.contains("U")) {
          conflicts++;
        }
        if (xy.contains("D")) {
          deleted++;
        }
        if (xy.chars().anyMatch(c -> "MARCT".indexOf(c) >= 0)) {
          modified++;
        }
        if (kind == '2') {
          i++; // the original path follows as its own field
        }
      }
    }
    int additions = 0;
    int deletions = 0;
    if (modified + deleted + conflicts > 0) {
      for (String diff :
          List.of(
              git.git(repo, "diff", "--numstat", "--cached"), git.git(repo, "diff", "--numstat"))) {
        for (String line : diff.split("\n")) {
          String[] cols = line.split("\t");
          if (cols.length >= 3) {
            additions += number(cols[0]);
            deletions += number(cols[1]);
          }
        }
      }
    }
    return new Worktree.Checked(
        modified, untracked, deleted, conflicts, additions, deletions, Optional.empty());
  }

  private static int number(String col) {
    return col.chars().allMatch(Character::isDigit) ? Integer.parseInt(col) : 0;
  }

  /** Newest stat() mtime over {@code git ls-files --cached --others --exclude-standard}. */
  static Optional<Instant> newestMtime(GitFixture git, Path repo) {
    Set<String> paths = new LinkedHashSet<>();
    for (String p :
        git.git(repo, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")) {
      if (!p.isEmpty() && !p.equals(".git") && !p.startsWith(".git/")) {
        paths.add(p);
      }
    }
    Instant newest = null;
    for (String p : paths) {
      try {
        Instant t = Files.getLastModifiedTime(repo.resolve(p)).toInstant();
        if (newest == null || t.isAfter(newest)) {
          newest = t;
        }
      } catch (IOException e) {
        // missing or a dangling link: git's stat fails, upstream skips it
      }
    }
    return Optional.ofNullable(newest);
  }

  /**
   * Opens the repository as the analyzer does and scans it; in the typed run, listing folders with
   * the native layer, as production does there.
   */
  public static Worktree.Checked scan(Path repo, boolean mtime)
      throws IOException, JGitUnsupportedException {
    FileRepositoryBuilder builder =
        new FileRepositoryBuilder()
            .setGitDir(repo.resolve(".git").toFile())
            .setWorkTree(repo.toFile());
    WalkListings.entryStats()
        .ifPresent(stats -> builder.setFS(JGitRuntime.install().fsListingWith(stats)));
    try (Repository r = builder.build()) {
      return JGitWorktree.scan(r, mtime);
    }
  }

  public static Worktree.Checked scanUnchecked(Path repo) {
    try {
      return scan(repo, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JGitUnsupportedException e) {
      throw new AssertionError("unexpectedly unsupported: " + e.getMessage(), e);
    }
  }

  /** Asserts that the JGit scan of {@code repo} says what git says; returns the scan. */
  public static Worktree.Checked assertSameAsGit(GitFixture git, Path repo) {
    Worktree.Checked expected = of(git, repo);
    Worktree.Checked actual = scanUnchecked(repo);
    org.junit.jupiter.api.Assertions.assertEquals(expected, actual);
    return actual;
  }
}
