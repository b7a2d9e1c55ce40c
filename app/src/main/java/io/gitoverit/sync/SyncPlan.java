package io.gitoverit.sync;

import java.time.Duration;
import java.util.Objects;

/**
 * Which network actions a run performs on every repository, and how long each may take.
 *
 * @param fetch fetch all remotes before analysing ({@code --fetch}; implied by pull and push)
 * @param pull fast-forward clean repositories that are only behind ({@code --pull-safe})
 * @param push push clean repositories that are only ahead to their upstream ({@code --push-safe})
 */
public record SyncPlan(
    boolean fetch,
    boolean pull,
    boolean push,
    Duration fetchTimeout,
    Duration pullTimeout,
    Duration pushTimeout) {

  /** Upstream's limits: a fetch may take a minute, a pull or push two. */
  public static final Duration FETCH_TIMEOUT = Duration.ofSeconds(60);

  public static final Duration PULL_PUSH_TIMEOUT = Duration.ofSeconds(120);

  public SyncPlan {
    Objects.requireNonNull(fetchTimeout, "fetchTimeout");
    Objects.requireNonNull(pullTimeout, "pullTimeout");
    Objects.requireNonNull(pushTimeout, "pushTimeout");
    // Pulling or pushing without fetching first would judge against stale remote refs.
    fetch = fetch || pull || push;
  }

  /** The plan for these switches with the default limits. */
  public static SyncPlan of(boolean fetch, boolean pull, boolean push) {
    return new SyncPlan(fetch, pull, push, FETCH_TIMEOUT, PULL_PUSH_TIMEOUT, PULL_PUSH_TIMEOUT);
  }

  /** The same actions with one limit for every operation. */
  public SyncPlan withTimeout(Duration limit) {
    return new SyncPlan(fetch, pull, push, limit, limit, limit);
  }

  /** Whether any action is requested. */
  public boolean any() {
    return fetch;
  }
}
