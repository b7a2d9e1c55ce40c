package io.gitoverit.render.json;

import io.gitoverit.render.DisplayPaths;
import io.gitoverit.report.RepoError;
import io.gitoverit.report.RepoReport;
import io.gitoverit.report.Signals;
import io.gitoverit.report.StatusSummary;
import io.gitoverit.report.Worktree;
import io.gitoverit.urltext.UrlSimplifier;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes reports as upstream's JSON array (the same keys, order, spacing, escaping and float text),
 * with the keys of {@link Signals} added, then one {@code {"display_path", "error", "path"}} object
 * per unreadable repository.
 */
public final class JsonRenderer {
  private final DisplayPaths paths;
  private final PythonJson json = new PythonJson();

  /** A renderer that shows paths the way {@code paths} does. */
  public JsonRenderer(DisplayPaths paths) {
    this.paths = Objects.requireNonNull(paths, "paths");
  }

  /** Writes the JSON array and a trailing newline to {@code out} (not closed, not flushed). */
  public void render(List<RepoReport> reports, List<RepoError> errors, Writer out)
      throws IOException {
    json.write(payload(reports, errors), out);
    out.write('\n');
  }

  /** The JSON array as text, without the trailing newline. */
  public String toJson(List<RepoReport> reports, List<RepoError> errors) {
    return json.dumps(payload(reports, errors));
  }

  private List<Object> payload(List<RepoReport> reports, List<RepoError> errors) {
    List<Object> payload = new ArrayList<>(reports.size() + errors.size());
    for (RepoReport r : reports) {
      payload.add(reportObject(r));
    }
    for (RepoError e : errors) {
      payload.add(errorObject(e));
    }
    return payload;
  }

  private SortedMap<String, Object> reportObject(RepoReport r) {
    SortedMap<String, Object> m = new TreeMap<>();
    m.put("path", r.path().toString());
    m.put("display_path", paths.of(r));
    m.put("fetch_failed", r.sync().fetchFailed());
    m.put("pull_failed", r.sync().pullFailed());
    m.put("pulled", r.sync().pulled());
    m.put("push_failed", r.sync().pushFailed());
    m.put("pushed", r.sync().pushed());
    // Not an upstream key, so only present when an action failed: other rows stay upstream's bytes.
    r.sync().detail().ifPresent(why -> m.put("sync_error", why));
    // Not an upstream key either: only on a row with a count git's own filter could change.
    if (r.uncertain()) {
      m.put("warnings", r.warnings());
    }
    m.put("status", StatusSummary.text(r));
    m.put("worktree_status_checked", r.worktreeChecked());
    m.put("branch", r.branch());
    m.put("remote", r.remote());
    m.put("remote_url", UrlSimplifier.column(r.remoteUrls()));
    m.put("ident", r.ident().orElse(null));
    m.put("dirty", r.dirty().orElse(null));
    m.put("ahead", r.ahead());
    m.put("behind", r.behind());
    Worktree.Checked w = r.worktree() instanceof Worktree.Checked c ? c : null;
    m.put("modified", w == null ? null : w.modified());
    m.put("untracked", w == null ? null : w.untracked());
    m.put("deleted", w == null ? null : w.deleted());
    Double mtime = w == null ? null : seconds(w.latestMtime());
    // Upstream emits the same value under both names.
    m.put("mtime", mtime);
    m.put("latest_mtime", mtime);
    // Not upstream's keys: what else needs a human (upstream's keys above keep their values).
    Signals s = r.signals();
    m.put("stashes", s.stashes());
    m.put("upstream_gone", s.upstreamGone());
    m.put("operation", s.operation().map(Signals.Operation::name).orElse(null));
    m.put("conflicts", s.conflicts());
    m.put("unborn", s.unborn());
    m.put(
        "commit_date",
        s.commitTime().isPresent() ? (Double) (double) s.commitTime().getAsLong() : null);
    m.put("commit_subject", s.commitSubject().orElse(null));
    m.put("branches_unpushed", s.branchesUnpushed());
    m.put("branches_no_upstream", s.branchesNoUpstream());
    m.put("branches_gone", s.branchesGone());
    return m;
  }

  private SortedMap<String, Object> errorObject(RepoError e) {
    SortedMap<String, Object> m = new TreeMap<>();
    m.put("path", e.path().toString());
    m.put("display_path", paths.of(e));
    m.put("error", e.message());
    return m;
  }

  /** Seconds as a float the way CPython's {@code os.stat} computes {@code st_mtime}. */
  private static Double seconds(Optional<Instant> instant) {
    return instant.map(i -> i.getEpochSecond() + i.getNano() * 1e-9).orElse(null);
  }
}
