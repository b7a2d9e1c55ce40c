package io.gitoverit.analysis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The local branches counted as {@code git for-each-ref --format='%(upstream) %(upstream:track)'
 * refs/heads} shows them: those with commits their existing upstream lacks (HEAD's branch left out:
 * its own counts are ahead/behind), those without an upstream, and those whose upstream is gone
 * (HEAD's branch included).
 */
public record BranchTally(int unpushed, int noUpstream, int gone) {

  /**
   * The for-each-ref format {@link #lines} reads: five NUL-terminated fields per branch (a commit
   * message holds no NUL), the message whole so that its subject is cut as {@link CommitText} cuts
   * it for both engines.
   */
  public static final String FORMAT =
      "%(refname)%00%(upstream)%00%(upstream:track)%00%(committerdate:unix)%00%(contents)%00";

  /** One branch of {@link #FORMAT}'s output. */
  public record Line(
      String ref, String upstream, String track, String commitTime, String message) {}

  /** The branches of {@code git for-each-ref --format=FORMAT refs/heads}. */
  public static List<Line> lines(byte[] output) {
    String[] f = new String(output, StandardCharsets.UTF_8).split("\0", -1);
    List<Line> out = new ArrayList<>();
    for (int i = 0; i + 5 <= f.length; i += 5) {
      String ref = f[i].startsWith("\n") ? f[i].substring(1) : f[i];
      out.add(new Line(ref, f[i + 1], f[i + 2], f[i + 3], f[i + 4]));
    }
    return out;
  }

  /** The tally of those lines, as the JGit engine counts them. */
  public static BranchTally of(List<Line> lines, Optional<String> headBranch) {
    int unpushed = 0;
    int noUpstream = 0;
    int gone = 0;
    Optional<String> headRef = headBranch.map(b -> "refs/heads/" + b);
    for (Line l : lines) {
      if (l.upstream().isEmpty()) {
        noUpstream++;
      } else if (l.track().equals("[gone]")) {
        gone++;
      } else if (l.track().startsWith("[ahead ") && !headRef.equals(Optional.of(l.ref()))) {
        unpushed++;
      }
    }
    return new BranchTally(unpushed, noUpstream, gone);
  }
}
