package io.gitoverit.testing;

import io.gitoverit.report.RepoError;
import io.gitoverit.scan.RepoSource;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A discovery stand-in that yields a fixed list of repositories, in order. */
public final class FixedSource implements RepoSource {
  private final Deque<Path> queue;
  private final List<RepoError> problems;

  private FixedSource(List<Path> repos, List<RepoError> problems) {
    this.queue = new ArrayDeque<>(repos);
    this.problems = List.copyOf(problems);
  }

  /** Yields {@code repos}, reports no problems. */
  public static FixedSource of(List<Path> repos) {
    return new FixedSource(repos, List.of());
  }

  /** Yields {@code repos}, then reports {@code problems}. */
  public static FixedSource of(List<Path> repos, List<RepoError> problems) {
    return new FixedSource(repos, problems);
  }

  @Override
  public Optional<Path> next() {
    return Optional.ofNullable(queue.poll());
  }

  @Override
  public List<RepoError> problems() {
    return problems;
  }
}
