package io.gitoverit.testing;

import io.gitoverit.discovery.RepositoryWalker;
import io.gitoverit.fs.EntryStats;
import io.gitoverit.fs.ModifiedTimes;
import io.gitoverit.fs.TypedListing;
import io.gitoverit.fs.TypedListings;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Puts a test's walker on the file-system path the test run asks for. The build runs the tests that
 * list real directories twice: on JDK 17, where only NIO exists, and on a JDK 22+ with {@code
 * -Dgitoverit.fs=typed}, where every directory is listed with the typed listing (and read ahead on
 * a second thread, as in production) and the git engine stats through the native layer. Both runs
 * must pass the same assertions.
 */
public final class WalkListings {
  private static final ExecutorService READ_AHEAD =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "test-read-ahead");
            thread.setDaemon(true);
            return thread;
          });

  private WalkListings() {}

  /** Whether this run lists with the typed listing. */
  public static boolean typed() {
    return "typed".equals(System.getProperty(TypedListings.PROPERTY));
  }

  /** {@code walker}, listing as this run asks; fails when typed listing is asked but missing. */
  public static RepositoryWalker applyTo(RepositoryWalker walker) {
    if (typed()) {
      walker.useTypedListing(
          TypedListings.typedListing()
              .orElseThrow(() -> new AssertionError("gitoverit.fs=typed, but no typed listing")),
          READ_AHEAD);
    }
    return walker;
  }

  /**
   * The git engine's native stat when this run asks for the typed path (the same layer offers
   * both); else none, and the engine stats with NIO. Fails when typed is asked but missing.
   */
  public static Optional<ModifiedTimes> modifiedTimes() {
    if (!typed()) {
      return Optional.empty();
    }
    return Optional.of(
        TypedListings.typedListing()
            .flatMap(TypedListing::modifiedTimes)
            .orElseThrow(() -> new AssertionError("gitoverit.fs=typed, but no native stat")));
  }

  /**
   * The JGit engine's native folder listing when this run asks for the typed path; else none, and
   * JGit lists with NIO. Fails when typed is asked but missing.
   */
  public static Optional<EntryStats> entryStats() {
    if (!typed()) {
      return Optional.empty();
    }
    return Optional.of(
        TypedListings.typedListing()
            .flatMap(TypedListing::entryStats)
            .orElseThrow(() -> new AssertionError("gitoverit.fs=typed, but no native listing")));
  }
}
