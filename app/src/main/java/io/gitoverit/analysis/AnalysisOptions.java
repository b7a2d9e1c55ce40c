package io.gitoverit.analysis;

/**
 * What one analysis must compute.
 *
 * @param collectMtime whether to find the newest modification time in the work tree (upstream's
 *     collect_mtime rule: only when the sort, columns, format or an expression needs it)
 * @param metadataOnly skip the work tree entirely (branch, remote, url, ahead/behind, submodules
 *     and ident only)
 */
public record AnalysisOptions(boolean collectMtime, boolean metadataOnly) {
  public static final AnalysisOptions FULL = new AnalysisOptions(true, false);
}
