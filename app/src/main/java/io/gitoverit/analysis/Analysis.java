package io.gitoverit.analysis;

import io.gitoverit.report.RepoReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One analysis with what its work-tree walk learnt for discovery: the directories inside the work
 * tree (outside nested repositories) that hold a {@code .git} entry, whether git ignores them or
 * not. Empty when the analysis did not walk the whole work tree in-process (the git engine, {@code
 * --metadata-only}), so discovery must walk it itself.
 */
public record Analysis(RepoReport report, Optional<List<Path>> nestedCandidates) {

  /** A report whose work tree discovery still has to walk. */
  public static Analysis withoutNested(RepoReport report) {
    return new Analysis(report, Optional.empty());
  }
}
