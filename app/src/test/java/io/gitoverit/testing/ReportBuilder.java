package io.gitoverit.testing;

import io.gitoverit.report.RepoReport;
import io.gitoverit.report.Signals;
import io.gitoverit.report.SyncResult;
import io.gitoverit.report.Worktree;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Builds a {@link RepoReport} for a test that needs one without reading a repository. Each field
 * starts plain (branch {@code main}, no upstream, no identity, zero counts, a clean work tree with
 * no mtime, no sync, engine {@code fake}, no warnings, no signals), so a test names only the fields
 * it is about.
 */
public final class ReportBuilder {
  private final Path path;
  private String branch = "main";
  private String remote = "-";
  private List<String> remoteUrls = List.of();
  private Optional<String> ident = Optional.empty();
  private int ahead;
  private int behind;
  private int submodules;
  private boolean exceptional;
  private Worktree worktree = new Worktree.Checked(0, 0, 0, 0, 0, 0, Optional.empty());
  private SyncResult sync = SyncResult.NONE;
  private String engine = "fake";
  private List<String> warnings = List.of();
  private Signals signals = Signals.NONE;

  private ReportBuilder(Path path) {
    this.path = path;
  }

  /** A plain report of the repository at {@code path}. */
  public static ReportBuilder report(Path path) {
    return new ReportBuilder(path);
  }

  /** Starts from every field of {@code r}. */
  public static ReportBuilder from(RepoReport r) {
    ReportBuilder b = new ReportBuilder(r.path());
    b.branch = r.branch();
    b.remote = r.remote();
    b.remoteUrls = r.remoteUrls();
    b.ident = r.ident();
    b.ahead = r.ahead();
    b.behind = r.behind();
    b.submodules = r.submodules();
    b.exceptional = r.exceptional();
    b.worktree = r.worktree();
    b.sync = r.sync();
    b.engine = r.engine();
    b.warnings = r.warnings();
    b.signals = r.signals();
    return b;
  }

  public ReportBuilder branch(String value) {
    branch = value;
    return this;
  }

  /** The upstream, as {@code <remote>/<branch>}. */
  public ReportBuilder remote(String value) {
    remote = value;
    return this;
  }

  public ReportBuilder remoteUrls(List<String> value) {
    remoteUrls = value;
    return this;
  }

  public ReportBuilder ident(Optional<String> value) {
    ident = value;
    return this;
  }

  public ReportBuilder ahead(int value) {
    ahead = value;
    return this;
  }

  public ReportBuilder behind(int value) {
    behind = value;
    return this;
  }

  public ReportBuilder submodules(int value) {
    submodules = value;
    return this;
  }

  public ReportBuilder exceptional(boolean value) {
    exceptional = value;
    return this;
  }

  public ReportBuilder worktree(Worktree value) {
    worktree = value;
    return this;
  }

  public ReportBuilder sync(SyncResult value) {
    sync = value;
    return this;
  }

  public ReportBuilder engine(String value) {
    engine = value;
    return this;
  }

  public ReportBuilder warnings(List<String> value) {
    warnings = value;
    return this;
  }

  public ReportBuilder signals(Signals value) {
    signals = value;
    return this;
  }

  public RepoReport build() {
    return new RepoReport(
        path,
        branch,
        remote,
        remoteUrls,
        ident,
        ahead,
        behind,
        submodules,
        exceptional,
        worktree,
        sync,
        engine,
        warnings,
        signals);
  }
}
