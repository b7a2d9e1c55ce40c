package io.gitoverit.render.json;

import io.gitoverit.report.BranchReport;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * gitob's {@code --json}: one object per branch with upstream's keys, written as Python's {@code
 * json.dumps(payload, indent=2, sort_keys=True)} writes them. With {@code --columns}, only the keys
 * the columns name (upstream's rule).
 */
public final class BranchJsonRenderer {
  private final PythonJson json = new PythonJson();

  /** Writes the array and a newline to {@code out} (not flushed). */
  public void render(List<BranchReport> reports, Optional<List<String>> columns, Writer out)
      throws IOException {
    json.write(payload(reports, columns), out);
    out.write('\n');
  }

  /** The array as text, without the trailing newline. */
  public String toJson(List<BranchReport> reports, Optional<List<String>> columns) {
    return json.dumps(payload(reports, columns));
  }

  private static List<Object> payload(List<BranchReport> reports, Optional<List<String>> columns) {
    List<Object> out = new ArrayList<>(reports.size());
    for (BranchReport r : reports) {
      SortedMap<String, Object> all = object(r);
      if (columns.isEmpty()) {
        out.add(all);
        continue;
      }
      SortedMap<String, Object> kept = new TreeMap<>();
      for (String c : columns.get()) {
        if (all.containsKey(c)) {
          kept.put(c, all.get(c));
        }
      }
      out.add(kept);
    }
    return out;
  }

  private static SortedMap<String, Object> object(BranchReport r) {
    SortedMap<String, Object> m = new TreeMap<>();
    m.put("repo_path", r.repoPath().toString());
    m.put("branch", r.branch());
    m.put("head", r.head());
    m.put("upstream", r.upstream());
    m.put("has_upstream", r.hasUpstream());
    m.put("ahead", r.ahead());
    m.put("behind", r.behind());
    m.put("status", r.status());
    m.put("gone", r.gone());
    m.put("current", r.current());
    m.put("worktree", r.worktreeDisplay());
    m.put("worktree_path", r.worktreePath().map(Object::toString).orElse(null));
    m.put("author", r.author());
    m.put("date", r.date());
    m.put("subject", r.subject());
    m.put("modified", r.modified());
    m.put("untracked", r.untracked());
    m.put("deleted", r.deleted());
    m.put("dirty", r.dirty());
    return m;
  }
}
