package io.gitoverit.analysis;

import io.gitoverit.analysis.gitexe.GitRunner;
import io.gitoverit.testing.GitFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
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

  /**
   * git as {@link #runner} runs it, through a script at {@code script} that also appends the folder
   * of every {@code git var} run to {@code varCalls}: for counting identity lookups.
   */
  public static GitRunner loggingVar(GitFixture fixture, Path script, Path varCalls)
      throws IOException {
    Files.writeString(
        script,
        "#!/bin/sh\n"
            + "unset GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL"
            + " EMAIL\n"
            + "export HOME='"
            + fixture.home()
            + "' XDG_CONFIG_HOME='"
            + fixture.home().resolve(".config")
            + "'\n"
            + "export GIT_CONFIG_NOSYSTEM=1\n"
            + "for a in \"$@\"; do [ \"$a\" = var ] && echo \"$PWD\" >> '"
            + varCalls
            + "'; done\n"
            + "exec git \"$@\"\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return new GitRunner(script.toString(), Duration.ofSeconds(30));
  }
}
