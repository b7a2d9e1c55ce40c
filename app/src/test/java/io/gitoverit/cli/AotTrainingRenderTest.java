package io.gitoverit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.analysis.gitexe.GitRunner;
import io.gitoverit.testing.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The launcher's AOT training run also renders its reports in the forms it was not asked for and
 * lists a repository's branches as gitob does; what it prints must be exactly what the same run
 * prints otherwise: the extra renderings go nowhere.
 */
class AotTrainingRenderTest {
  @TempDir Path tmp;
  RealWiring plain;
  RealWiring training;

  @BeforeEach
  void setUp() throws Exception {
    tmp = tmp.toRealPath();
    GitFixture f = new GitFixture(tmp);
    f.repoWithCommit(tmp.resolve("projects/clean"), "a.txt", "a\n");
    Path dirty = f.repoWithCommit(tmp.resolve("projects/dirty"), "a.txt", "a\n");
    GitFixture.write(dirty, "a.txt", "changed\n");
    GitFixture.write(dirty, "new.txt", "new\n");
    Path broken = f.repoWithCommit(tmp.resolve("projects/broken"), "a.txt", "a\n");
    Files.writeString(broken.resolve(".git/HEAD"), "garbage\n");
    Files.createDirectories(tmp.resolve("empty"));
    plain = new RealWiring(tmp);
    training =
        new RealWiring(tmp) {
          @Override
          public boolean aotTraining() {
            return true;
          }
        };
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "--color never -c dir,status,branch projects",
        "--format json projects",
        "-p dir projects",
        "--format json empty",
        "-c dir,status empty"
      })
  void printsWhatTheSameRunPrintsWithoutTraining(String args) {
    String[] argv = ("--no-progress " + args).split(" ");
    CliRun expected = plain.run(argv);
    CliRun actual = training.run(argv);
    assertEquals(expected, actual);
    if (args.endsWith("projects")) {
      assertTrue(expected.out().contains("dirty"), expected.out());
      assertEquals(1, expected.exit(), "the broken repository is an error row");
    } else {
      assertEquals(1, actual.err().lines().filter(l -> l.contains("no Git repository")).count());
    }
  }

  /**
   * The training run also lists the branches of the first repository it found as gitob does (a
   * table, then JSON), so that gitob's classes are in the cache too; a plain run never does.
   */
  @Test
  void trainingRunsGitobOnTheFirstRepositoryFound() throws Exception {
    Path calls = tmp.resolve("gitob-calls.log");
    Path wrapper = tmp.resolve("git-logging");
    Files.writeString(wrapper, "#!/bin/sh\necho \"$PWD|$*\" >> '" + calls + "'\nexec git \"$@\"\n");
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
    GitRunner logging = new GitRunner(wrapper.toString(), Duration.ofSeconds(30));
    RealWiring plainLogged =
        new RealWiring(tmp) {
          @Override
          public GitRunner git() {
            return logging;
          }
        };
    RealWiring trainingLogged =
        new RealWiring(tmp) {
          @Override
          public GitRunner git() {
            return logging;
          }

          @Override
          public boolean aotTraining() {
            return true;
          }
        };

    plainLogged.run("--no-progress", "--format", "json", "projects");
    assertTrue(Files.notExists(calls), "a plain run lists no branches");

    trainingLogged.run("--no-progress", "--format", "json", "projects");
    List<String> branchReads =
        Files.readAllLines(calls).stream()
            .filter(l -> l.contains(" symbolic-ref --quiet --short HEAD"))
            .toList();
    assertEquals(2, branchReads.size(), "gitob's table and JSON runs: " + branchReads);
    Set<String> where =
        branchReads.stream().map(l -> l.substring(0, l.indexOf('|'))).collect(Collectors.toSet());
    assertEquals(1, where.size(), "both in one repository: " + where);
    assertTrue(
        Set.of(tmp.resolve("projects/clean").toString(), tmp.resolve("projects/dirty").toString())
            .containsAll(where),
        "a repository the scan found: " + where);
  }
}
