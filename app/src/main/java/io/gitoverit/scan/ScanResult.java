package io.gitoverit.scan;

import io.gitoverit.report.RepoError;
import io.gitoverit.report.RepoReport;
import java.util.Comparator;
import java.util.List;

/**
 * Everything one scan found, in a deterministic order (by path) whatever the thread timing.
 *
 * @param reports repositories that were read
 * @param errors repositories or directories that could not be read
 */
public record ScanResult(List<RepoReport> reports, List<RepoError> errors) {
  public ScanResult {
    reports = reports.stream().sorted(Comparator.comparing(r -> r.path().toString())).toList();
    errors = errors.stream().sorted(Comparator.comparing(e -> e.path().toString())).toList();
  }
}
