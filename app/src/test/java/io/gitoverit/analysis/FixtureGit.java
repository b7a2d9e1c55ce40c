package io.gitoverit.analysis;

import io.gitoverit.analysis.gitexe.GitRunner;
import io.gitoverit.testing.GitFixture;
import java.util.Set;

/** The git runner the engine tests use. */
public final class FixtureGit {
  private FixtureGit() {}

  /**
   * git with the fixture's HOME (its global config names "Fixture Person"), without surefire's
   * GIT_COMMITTER_* and GIT_AUTHOR_*, which would hide every configured identity.
   */
  public static GitRunner runner(GitFixture fixture) {
    return GitRunner.standard()
        .withEnvironment(
            fixture.environment(),
            Set.of(
                "GIT_COMMITTER_NAME",
                "GIT_COMMITTER_EMAIL",
                "GIT_AUTHOR_NAME",
                "GIT_AUTHOR_EMAIL"));
  }
}
