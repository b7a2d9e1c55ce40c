package io.gitoverit.analysis.jgit;

import io.gitoverit.testing.GitFixture;
import java.nio.file.Path;
import java.util.Optional;

/** What {@code git status --porcelain=v2 --branch} says about a repository's branch header. */
public record GitStatusTruth(
    String oid, String head, Optional<String> upstream, int ahead, int behind) {

  public static GitStatusTruth of(GitFixture git, Path dir) {
    String out = git.git(dir, "status", "--porcelain=v2", "--branch", "-z");
    String oid = null;
    String head = null;
    String upstream = null;
    int ahead = 0;
    int behind = 0;
    for (String rec : out.split("\0")) {
      if (rec.startsWith("# branch.oid ")) {
        oid = rec.substring(13);
      } else if (rec.startsWith("# branch.head ")) {
        head = rec.substring(14);
      } else if (rec.startsWith("# branch.upstream ")) {
        upstream = rec.substring(18);
      } else if (rec.startsWith("# branch.ab ")) {
        String[] ab = rec.substring(12).split(" ");
        ahead = Integer.parseInt(ab[0].substring(1));
        behind = Integer.parseInt(ab[1].substring(1));
      }
    }
    return new GitStatusTruth(oid, head, Optional.ofNullable(upstream), ahead, behind);
  }

  /** Upstream's branch column from these facts (SPEC "branch"). */
  public String branchColumn() {
    if ("(detached)".equals(head)) {
      return oid == null || oid.startsWith("(") ? "DETACHED" : "DETACHED@" + oid.substring(0, 7);
    }
    return head == null ? "UNKNOWN" : head;
  }
}
