package io.gitoverit.report;

import java.util.Optional;

/**
 * What the explicit network actions ({@code --fetch}, {@code --pull-safe}, {@code --push-safe}) did
 * to one repository.
 *
 * @param detail why an action failed, when one did
 */
public record SyncResult(
    boolean fetchFailed,
    boolean pullFailed,
    boolean pulled,
    boolean pushFailed,
    boolean pushed,
    Optional<String> detail) {

  /** No action was asked for. */
  public static final SyncResult NONE =
      new SyncResult(false, false, false, false, false, Optional.empty());

  public SyncResult {
    detail = detail == null ? Optional.empty() : detail;
  }

  /** Whether any requested action failed. */
  public boolean anyFailed() {
    return fetchFailed || pullFailed || pushFailed;
  }
}
