package io.gitoverit.query.expr;

import io.gitoverit.report.BranchReport;
import io.gitoverit.report.RepoReport;
import io.gitoverit.report.Signals;
import io.gitoverit.report.StatusSummary;
import io.gitoverit.report.Worktree;
import io.gitoverit.urltext.UrlSimplifier;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The variables of one repository, as upstream binds them: strings, ints, a float mtime ({@code
 * 0.0} when the work tree was read but has no file, None when it was not read), a bool {@code
 * dirty}; then ours (stashes, operation, other branches...), where a missing text is {@code ""} and
 * a missing commit date {@code 0.0}, as for ident and mtime. Each value is computed when an
 * expression first reads it.
 */
public final class Bindings {
  private final Function<String, Object> lookup;

  private Bindings(Function<String, Object> lookup) {
    this.lookup = lookup;
  }

  /**
   * The variables of {@code report}, whose display path (with any {@code "! "} mark) is {@code
   * dir}.
   */
  public static Bindings of(RepoReport report, String dir) {
    return new Bindings(name -> value(report, dir, name));
  }

  /** The variables of one of gitob's branch rows, as upstream binds them. */
  public static Bindings of(BranchReport b) {
    return new Bindings(name -> branchValue(b, name));
  }

  private static Object branchValue(BranchReport b, String name) {
    return switch (name) {
      case "repo", "path" -> b.repoPath().toString();
      case "branch" -> b.branch();
      case "head" -> b.head();
      case "upstream" -> b.upstream();
      case "status" -> b.status();
      case "worktree" -> b.worktreeDisplay();
      case "worktree_path" -> b.worktreePath().map(Object::toString).orElse("");
      case "author" -> b.author();
      case "subject" -> b.subject();
      case "ahead" -> (long) b.ahead();
      case "behind" -> (long) b.behind();
      case "modified" -> (long) b.modified();
      case "untracked" -> (long) b.untracked();
      case "deleted" -> (long) b.deleted();
      case "date" -> b.date();
      case "current" -> b.current();
      case "gone" -> b.gone();
      case "dirty" -> b.dirty();
      case "has_upstream" -> b.hasUpstream();
      default -> throw new IllegalArgumentException("not a variable: " + name);
    };
  }

  /** Fixed values, for tests: String, Long, Double, Boolean or {@link Py#NONE}. */
  static Bindings of(Map<String, Object> values) {
    return new Bindings(name -> values.getOrDefault(name, Py.NONE));
  }

  Object get(String name) {
    return lookup.apply(name);
  }

  private static Object value(RepoReport r, String dir, String name) {
    Worktree.Checked w = r.worktree() instanceof Worktree.Checked c ? c : null;
    return switch (name) {
      case "path" -> r.path().toString();
      case "dir" -> dir;
      case "status" -> StatusSummary.text(r);
      case "branch" -> r.branch();
      case "remote" -> r.remote();
      case "url" -> UrlSimplifier.column(r.remoteUrls());
      case "ident" -> r.ident().orElse("");
      case "mtime", "latest_mtime" ->
          w == null ? Py.NONE : w.latestMtime().map(Bindings::seconds).orElse(0.0);
      case "ahead" -> (long) r.ahead();
      case "behind" -> (long) r.behind();
      case "modified" -> w == null ? Py.NONE : (Object) (long) w.modified();
      case "untracked" -> w == null ? Py.NONE : (Object) (long) w.untracked();
      case "deleted" -> w == null ? Py.NONE : (Object) (long) w.deleted();
      case "dirty" -> r.dirty().<Object>map(b -> b).orElse(Py.NONE);
      case "warnings" -> new Py.Seq(List.copyOf(r.warnings()), false);
      case "stashes" -> (long) r.signals().stashes();
      case "upstream_gone" -> r.signals().upstreamGone();
      case "operation" -> r.signals().operation().map(Signals.Operation::name).orElse("");
      case "conflicts" -> (long) r.signals().conflicts();
      case "unborn" -> r.signals().unborn();
      case "commit_date" -> (double) r.signals().commitTime().orElse(0);
      case "commit_subject" -> r.signals().commitSubject().orElse("");
      case "branches_unpushed" -> (long) r.signals().branchesUnpushed();
      case "branches_no_upstream" -> (long) r.signals().branchesNoUpstream();
      case "branches_gone" -> (long) r.signals().branchesGone();
      default -> throw new IllegalArgumentException("not a variable: " + name);
    };
  }

  /** Seconds as the float CPython's {@code os.stat} gives, as the JSON output has them. */
  private static double seconds(Instant i) {
    return i.getEpochSecond() + i.getNano() * 1e-9;
  }
}
