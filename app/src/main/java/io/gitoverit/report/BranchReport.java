package io.gitoverit.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What gitob reports about one local branch, as facts (upstream's branch report).
 *
 * @param repoPath the work tree root of the repository the branches were listed from
 * @param branch the branch's short name
 * @param head the tip commit's id, 12 hex digits
 * @param upstream {@code origin/main}, {@code main} for a branch tracking a local branch, or {@code
 *     -}
 * @param hasUpstream whether {@code branch.<name>.remote} and {@code .merge} are both set
 * @param gone an upstream is configured but its ref does not exist
 * @param ahead commits on the branch that its upstream lacks (0 when gone or without upstream)
 * @param behind commits on the upstream that the branch lacks (0 when gone or without upstream)
 * @param current the branch is checked out in the repository's own work tree
 * @param worktreePath the real path of the work tree that has the branch checked out
 * @param worktreeDisplay {@code here}, that work tree's path relative to the parent folder of
 *     {@link #repoPath}, or {@code -}
 * @param author the tip's author {@code Name <email>}, after the {@code [[id_rewrite]]} rules
 * @param authorColour the colour of the rewriting rule, if any
 * @param date the tip's committer date, seconds since 1970
 * @param subject the tip's subject line
 * @param checkout the report of the work tree that has the branch checked out, when it could be
 *     read
 * @param upstreamRemote the upstream's remote name (none for a local upstream)
 * @param upstreamLink the remote's web page, when its fetch and push URLs agree and it has one
 */
public record BranchReport(
    Path repoPath,
    String branch,
    String head,
    String upstream,
    boolean hasUpstream,
    boolean gone,
    int ahead,
    int behind,
    boolean current,
    Optional<Path> worktreePath,
    String worktreeDisplay,
    String author,
    Optional<Colour> authorColour,
    long date,
    String subject,
    Optional<RepoReport> checkout,
    Optional<String> upstreamRemote,
    Optional<String> upstreamLink) {

  public BranchReport {
    Objects.requireNonNull(repoPath, "repoPath");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(upstream, "upstream");
    Objects.requireNonNull(worktreePath, "worktreePath");
    Objects.requireNonNull(worktreeDisplay, "worktreeDisplay");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(authorColour, "authorColour");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(checkout, "checkout");
    Objects.requireNonNull(upstreamRemote, "upstreamRemote");
    Objects.requireNonNull(upstreamLink, "upstreamLink");
  }

  /**
   * The status segments: the checked-out work tree's whole status, or else only the ahead and
   * behind counts against the branch's own upstream; empty when none applies.
   */
  public List<StatusSummary.Segment> segments() {
    if (checkout.isPresent()) {
      return StatusSummary.segments(checkout.get());
    }
    List<StatusSummary.Segment> out = new ArrayList<>();
    if (ahead > 0) {
      out.add(
          new StatusSummary.Segment(
              ahead + "\u2191", StatusSummary.Kind.AHEAD, StatusSummary.Narrowing.CORE));
    }
    if (behind > 0) {
      out.add(
          new StatusSummary.Segment(
              behind + "\u2193", StatusSummary.Kind.BEHIND, StatusSummary.Narrowing.CORE));
    }
    return out;
  }

  /**
   * The status text: segments joined by a space; with none, {@code clean} for a checked-out branch
   * and {@code =} for one that only matches its upstream (or has none).
   */
  public String status() {
    List<StatusSummary.Segment> segs = segments();
    if (segs.isEmpty()) {
      return worktreePath.isPresent() ? "clean" : "=";
    }
    StringBuilder sb = new StringBuilder();
    for (StatusSummary.Segment s : segs) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(s.text());
    }
    return sb.toString();
  }

  /** Files modified in the checked-out work tree; 0 when there is none. */
  public int modified() {
    return checked().map(Worktree.Checked::modified).orElse(0);
  }

  /** Untracked entries in the checked-out work tree; 0 when there is none. */
  public int untracked() {
    return checked().map(Worktree.Checked::untracked).orElse(0);
  }

  /** Files deleted in the checked-out work tree; 0 when there is none. */
  public int deleted() {
    return checked().map(Worktree.Checked::deleted).orElse(0);
  }

  /** Uncommitted changes or an operation in progress in the checked-out work tree. */
  public boolean dirty() {
    return checkout.flatMap(RepoReport::dirty).orElse(false);
  }

  /** Checked out in a linked work tree (neither here nor nowhere). */
  public boolean linkedWorktree() {
    return !worktreeDisplay.equals("-") && !worktreeDisplay.equals("here");
  }

  private Optional<Worktree.Checked> checked() {
    return checkout
        .map(RepoReport::worktree)
        .filter(Worktree.Checked.class::isInstance)
        .map(Worktree.Checked.class::cast);
  }
}
