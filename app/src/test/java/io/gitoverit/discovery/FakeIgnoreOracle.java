package io.gitoverit.discovery;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An ignore oracle for walker tests: fixed ignored paths per repository, and a log of questions.
 */
final class FakeIgnoreOracle implements IgnoreOracle {
  private final Map<Path, Set<Path>> ignored = new HashMap<>();
  final List<Path> asked = new ArrayList<>();
  final List<Path> rulesAskedFor = new ArrayList<>();
  Consumer<Path> onQuestion = p -> {};

  /** Makes {@code repo} ignore {@code path} and everything below it. */
  FakeIgnoreOracle ignore(Path repo, Path path) {
    ignored.computeIfAbsent(repo, r -> new HashSet<>()).add(path);
    return this;
  }

  @Override
  public IgnoreRules rulesFor(Path repoRoot) {
    rulesAskedFor.add(repoRoot);
    Set<Path> mine = ignored.getOrDefault(repoRoot, Set.of());
    return (path, directory) -> {
      asked.add(path);
      onQuestion.accept(path);
      return mine.stream().anyMatch(path::startsWith);
    };
  }

  /** A fake whose rules cannot be read, as for a repository with a broken gitdir file. */
  static IgnoreOracle failing() {
    return repo -> {
      throw new IOException("not a git repository");
    };
  }
}
