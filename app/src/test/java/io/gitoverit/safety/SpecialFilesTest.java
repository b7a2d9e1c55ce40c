package io.gitoverit.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.cli.CliRun;
import io.gitoverit.testing.Fifos;
import io.gitoverit.testing.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A FIFO where git reads a file (an unpacked archive can hold one): opening it waits for a writer
 * that never comes, in git as in JGit. The scan must not wait: a FIFO {@code .git} is no repository
 * (as for git), and a FIFO HEAD, config or {@code .gitignore} is one error row that names it, while
 * the other repositories are reported.
 */
class SpecialFilesTest {
  /** Far above a scan of three tiny repositories; only reached if the scan waits on a FIFO. */
  private static final Duration HANG = Duration.ofSeconds(40);

  @TempDir Path tmp;
  GitFixture fixture;
  Path fleet;
  final Fifos fifos = new Fifos();

  @BeforeEach
  void setUp() throws Exception {
    tmp = tmp.toRealPath();
    fixture = new GitFixture(tmp);
    fleet = Files.createDirectories(tmp.resolve("fleet"));
    fixture.repoWithCommit(fleet.resolve("healthy"), "a.txt", "a\n");
  }

  /**
   * Lets any reader that did get stuck go (a writer opens each FIFO), so no thread stays blocked.
   */
  @AfterEach
  void release() throws Exception {
    fifos.releaseAll();
  }

  Path fifo(Path path) throws Exception {
    return fifos.make(path);
  }

  Map<String, Map<String, Object>> scan(int exit) throws Exception {
    CliRun r =
        assertTimeoutPreemptively(
            HANG, () -> CliRun.production("--format", "json", "--no-progress", fleet.toString()));
    assertEquals(exit, r.exit(), r.err());
    Map<String, Map<String, Object>> rows = JsonRows.byName(JsonRows.parse(r.out()));
    assertEquals("clean", rows.get("healthy").get("status"), "the other repository is reported");
    return rows;
  }

  void assertErrorNames(Map<String, Object> row, Path file) {
    assertTrue(
        row.get("error") instanceof String s && s.contains(file.toString()) && s.contains("FIFO"),
        String.valueOf(row));
  }

  @Test
  void aFifoDotGitIsNoRepositoryAsForGit() throws Exception {
    Path dir = Files.createDirectories(fleet.resolve("pipe"));
    fifo(dir.resolve(".git"));
    assertNotEquals(0, fixture.tryGit(dir, "rev-parse", "--show-toplevel").exitCode());
    assertEquals(List.of("healthy"), List.copyOf(scan(0).keySet()));
  }

  /**
   * Where git opens a file (and would wait on a FIFO): HEAD, config, ignore and attribute files.
   */
  @ParameterizedTest
  @ValueSource(strings = {".git/HEAD", ".git/config", ".gitignore", "d/.gitattributes"})
  void aFifoWhereGitOpensAFileIsAnErrorRowNamingIt(String where) throws Exception {
    Path repo = fixture.repoWithCommit(fleet.resolve("r"), "a.txt", "a\n", "d/b.txt", "b\n");
    Path file = fifo(repo.resolve(where));
    assertErrorNames(scan(1).get("r"), file);
  }

  @Test
  void aFifoPackIndexIsAnErrorRow() throws Exception {
    Path repo = fixture.repoWithCommit(fleet.resolve("packed"), "a.txt", "a\n");
    fixture.git(repo, "gc", "-q");
    Path idx;
    try (var s = Files.list(repo.resolve(".git/objects/pack"))) {
      idx = s.filter(p -> p.toString().endsWith(".idx")).findFirst().orElseThrow();
    }
    fifo(idx);
    assertErrorNames(scan(1).get("packed"), idx);
  }

  /**
   * A FIFO loose object: no check looks there first (objects are many), so the open blocks, in JGit
   * as in git. The scan gives up on that repository after the stall limit and says why.
   */
  @Test
  void aFifoLooseObjectIsAnErrorRowAfterTheStallLimit() throws Exception {
    Path repo = fixture.repoWithCommit(fleet.resolve("loose"), "a.txt", "a\n");
    String head = fixture.git(repo, "rev-parse", "HEAD").strip();
    fifo(repo.resolve(".git/objects/" + head.substring(0, 2) + "/" + head.substring(2)));
    Object error = scan(1).get("loose").get("error");
    assertTrue(
        error instanceof String s
            && s.startsWith(
                "no answer after 10 s: stuck opening a" + " file, likely a FIFO or device"),
        String.valueOf(error));
  }

  /** The same where the git executable reads the repository: git waits; it is stopped. */
  @Test
  void aFifoLooseObjectReadByGitIsAnErrorRowAfterTheFifoLimit() throws Exception {
    Path repo = fixture.repoWithCommit(fleet.resolve("loose"), "a.txt", "a\n");
    fixture.git(repo, "config", "core.ignorecase", "true"); // JGit ignores it: git reads this one
    String head = fixture.git(repo, "rev-parse", "HEAD").strip();
    fifo(repo.resolve(".git/objects/" + head.substring(0, 2) + "/" + head.substring(2)));
    Object error = scan(1).get("loose").get("error");
    assertTrue(
        error instanceof String s
            && s.startsWith("git ")
            && s.endsWith(
                " waited 10 s to open a FIFO in the repository (git would wait for a writer"
                    + " forever)"),
        String.valueOf(error));
  }

  @Test
  void anUntrackedFifoIsNotListedAsForGit() throws Exception {
    Path repo = fixture.repoWithCommit(fleet.resolve("plain"), "a.txt", "a\n");
    fifo(repo.resolve("pipe"));
    assertEquals("", fixture.git(repo, "status", "--porcelain"));
    assertEquals("clean", scan(0).get("plain").get("status"));
  }

  @Test
  void aTrackedFileReplacedByAFifoIsModifiedAsForGit() throws Exception {
    Path repo = fixture.repoWithCommit(fleet.resolve("swapped"), "a.txt", "a\n", "b.txt", "b\n");
    fifo(repo.resolve("b.txt"));
    assertEquals(" M b.txt\n", fixture.git(repo, "status", "--porcelain"));
    assertEquals("1m", scan(0).get("swapped").get("status"));
  }
}
