package io.gitoverit.analysis.jgit;

import io.gitoverit.analysis.BranchTally;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The {@link BranchTally} of a repository read with JGit, counted as {@code git for-each-ref
 * --format='%(upstream) %(upstream:track)' refs/heads} counts it.
 */
final class BranchTallies {
  private BranchTallies() {}

  /** With JGit: the upstream of each branch as {@link Upstream} maps it, no git run. */
  static BranchTally read(Repository repo, Config config, Optional<String> headBranch)
      throws IOException {
    List<Ref> branches = repo.getRefDatabase().getRefsByPrefix(Constants.R_HEADS);
    int unpushed = 0;
    int noUpstream = 0;
    int gone = 0;
    RevWalk walk = null; // made only for a branch that differs from its upstream: it is not small
    try {
      for (Ref branch : branches) {
        ObjectId tip = branch.getObjectId();
        if (tip == null) {
          continue; // git skips a broken ref too
        }
        String name = branch.getName().substring(Constants.R_HEADS.length());
        Optional<String> upstream = Upstream.refOf(repo, config, name);
        if (upstream.isEmpty()) {
          noUpstream++;
          continue;
        }
        Ref up = repo.exactRef(upstream.get());
        if (up == null || up.getObjectId() == null) {
          gone++;
        } else if (!headBranch.equals(Optional.of(name)) && !tip.equals(up.getObjectId())) {
          walk = walk == null ? new RevWalk(repo) : walk;
          if (hasCommitsNotIn(walk, tip, up.getObjectId())) {
            unpushed++;
          }
        }
      }
    } finally {
      if (walk != null) {
        walk.close();
      }
    }
    return new BranchTally(unpushed, noUpstream, gone);
  }

  /** Whether {@code tip} reaches a commit that {@code upstream} does not (ahead &gt; 0). */
  private static boolean hasCommitsNotIn(RevWalk walk, ObjectId tip, ObjectId upstream)
      throws IOException {
    walk.reset();
    walk.markStart(walk.parseCommit(tip));
    walk.markUninteresting(walk.parseCommit(upstream));
    return walk.next() != null;
  }
}
