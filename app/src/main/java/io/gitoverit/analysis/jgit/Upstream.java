package io.gitoverit.analysis.jgit;

import java.io.IOException;
import java.util.Optional;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;

/**
 * A branch's upstream as {@code git status --branch} shows it: the remote-tracking ref that {@code
 * branch.<name>.merge} maps to through the remote's fetch refspecs (or the merge ref itself for the
 * remote {@code .}), shortened the way git shortens ref names; and the ahead/behind counts, which
 * exist only while both refs do.
 */
final class Upstream {

  /** git's ref_rev_parse_rules, tried by shorten_unambiguous_ref. */
  private static final String[] RULES = {
    "%s", "refs/%s", "refs/tags/%s", "refs/heads/%s", "refs/remotes/%s", "refs/remotes/%s/HEAD"
  };

  private Upstream() {}

  /**
   * The full name of the upstream ref of {@code branch} (a short branch name), or empty when git
   * would show none: no remote or merge configured, or no fetch refspec maps the merge ref.
   */
  static Optional<String> refOf(Repository repo, Config config, String branch) throws IOException {
    String remote = config.getString("branch", branch, "remote");
    String[] merges = config.getStringList("branch", branch, "merge");
    if (remote == null || remote.isEmpty() || merges.length == 0 || merges[0].isEmpty()) {
      return Optional.empty();
    }
    String merge = merges[0];
    Optional<String> tracked = throughFetchSpecs(config, remote, merge);
    if (tracked.isPresent() || !remote.equals(".")) {
      return tracked;
    }
    // The local repository: the merge ref itself, completed when it names one ref.
    Ref ref = merge.startsWith("refs/") ? null : repo.findRef(merge);
    return Optional.of(ref == null ? merge : ref.getName());
  }

  /** git's remote_find_tracking: the first fetch refspec whose source matches wins. */
  private static Optional<String> throughFetchSpecs(Config config, String remote, String merge) {
    String[] specs = config.getStringList("remote", remote, "fetch");
    for (String text : specs) {
      RefSpec spec = new RefSpec(text);
      if (spec.isNegative() && spec.matchSource(merge)) {
        return Optional.empty();
      }
    }
    for (String text : specs) {
      RefSpec spec = new RefSpec(text);
      if (!spec.isNegative() && spec.getDestination() != null && spec.matchSource(merge)) {
        return Optional.of(spec.expandFromSource(merge).getDestination());
      }
    }
    return Optional.empty();
  }

  /** git's shorten_unambiguous_ref (non-strict): the shortest name no earlier rule claims. */
  static String shorten(Repository repo, String refName) throws IOException {
    for (int i = RULES.length - 1; i > 0; i--) {
      String shortName = match(refName, RULES[i]);
      if (shortName == null) {
        continue;
      }
      String[] earlier = new String[i];
      for (int j = 0; j < i; j++) {
        earlier[j] = RULES[j].replace("%s", shortName);
      }
      // One lookup for all: JGit then checks packed-refs once, not once per name.
      boolean ambiguous =
          repo.getRefDatabase().exactRef(earlier).values().stream()
              .anyMatch(ref -> ref.getObjectId() != null);
      if (!ambiguous) {
        return shortName;
      }
    }
    return refName;
  }

  private static String match(String refName, String rule) {
    int at = rule.indexOf("%s");
    String prefix = rule.substring(0, at);
    String suffix = rule.substring(at + 2);
    if (refName.length() <= prefix.length() + suffix.length()
        || !refName.startsWith(prefix)
        || !refName.endsWith(suffix)) {
      return null;
    }
    return refName.substring(prefix.length(), refName.length() - suffix.length());
  }

  /** Commits only on {@code local}, and only on {@code upstream} (rev-list --left-right). */
  static int[] aheadBehind(Repository repo, AnyObjectId local, AnyObjectId upstream)
      throws IOException {
    if (local.equals(upstream)) {
      return new int[] {0, 0};
    }
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit l = walk.parseCommit(local);
      RevCommit u = walk.parseCommit(upstream);
      int ahead = countOnly(walk, l, u);
      walk.reset();
      int behind = countOnly(walk, u, l);
      return new int[] {ahead, behind};
    }
  }

  private static int countOnly(RevWalk walk, RevCommit start, RevCommit hidden) throws IOException {
    walk.markStart(start);
    walk.markUninteresting(hidden);
    int n = 0;
    while (walk.next() != null) {
      n++;
    }
    return n;
  }
}
