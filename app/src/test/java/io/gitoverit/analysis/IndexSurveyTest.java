package io.gitoverit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.testing.GitFixture;
import io.gitoverit.testing.MoreScenarios;
import io.gitoverit.testing.Scenarios;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The names and gitlink answer of the one index walk, against git: the names are exactly what
 * {@code git ls-files -z --sparse --cached} prints (the mtime scan reads them instead of running
 * it), in every index state of the test fleet.
 */
class IndexSurveyTest {
  @TempDir Path tmp;
  GitFixture fixture;

  @BeforeEach
  void setUp() throws Exception {
    tmp = tmp.toRealPath();
    fixture = new GitFixture(tmp);
  }

  static Stream<Scenarios.Case> cases() {
    return Stream.concat(Scenarios.all().stream(), MoreScenarios.all().stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void namesAndGitlinksAreWhatGitListsFromTheIndex(Scenarios.Case c) throws Exception {
    Path root = c.build().apply(fixture, tmp.resolve(c.name()));
    GitFixture.Result gitDir = fixture.tryGit(root, "rev-parse", "--absolute-git-dir");
    if (gitDir.exitCode() != 0) {
      // The one state git itself cannot open (HEAD a symbolic link): no index to compare.
      assertEquals("symlink-head", c.name(), gitDir.stderr());
      return;
    }
    Path index = Path.of(gitDir.stdout().strip()).resolve("index");
    Optional<String> format =
        Optional.of(fixture.tryGit(root, "config", "extensions.objectformat").stdout().strip())
            .filter(s -> !s.isEmpty());
    IndexIntegrity.Survey survey = IndexIntegrity.checkLayout(index, format, true);
    boolean gitlinks = fixture.git(root, "ls-files", "--stage", "--sparse").contains("160000 ");
    if (survey.split()) {
      assertEquals("split-index", c.name());
      assertNull(survey.names());
      return;
    }
    assertEquals(lsFiles(root), latin1(survey.names()));
    assertEquals(gitlinks, survey.gitlink());
  }

  @Test
  void namesAreTheBytesGitStoresConflictedEntriesIncluded() throws Exception {
    Path root = Scenarios.mergeConflict(fixture, tmp.resolve("conflict"));
    sh(root, "n=$(printf 'raw\\377name') && printf x > \"$n\" && git add -- \"$n\"");
    Path index = root.resolve(".git/index");
    IndexIntegrity.Survey survey = IndexIntegrity.checkLayout(index, Optional.empty(), true);
    assertNotNull(survey.names());
    assertTrue(latin1(survey.names()).contains("raw\u00ffname"));
    List<String> listed = lsFiles(root);
    assertTrue(listed.size() > listed.stream().distinct().count(), "a conflict has stages");
    assertEquals(listed, latin1(survey.names()));
    assertFalse(survey.gitlink());
  }

  @Test
  void withoutAnIndexTheSurveyIsEmptyAndNamesAreKeptOnlyWhenAsked() throws Exception {
    Path root = fixture.init(tmp.resolve("fresh"));
    IndexIntegrity.Survey none =
        IndexIntegrity.checkLayout(root.resolve(".git/index"), Optional.empty(), true);
    assertEquals(List.of(), none.names());
    Path full = fixture.repoWithCommit(tmp.resolve("full"), "a.txt", "a\n");
    assertNull(
        IndexIntegrity.checkLayout(full.resolve(".git/index"), Optional.empty(), false).names());
  }

  /** {@code git ls-files -z --sparse --cached}, each name's bytes as ISO-8859-1 characters. */
  private List<String> lsFiles(Path root) throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder("git", "ls-files", "-z", "--sparse", "--cached")
            .directory(root.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().putAll(fixture.environment());
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertEquals(0, p.waitFor());
    List<String> names = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < out.length; i++) {
      if (out[i] == 0) {
        names.add(new String(out, start, i - start, StandardCharsets.ISO_8859_1));
        start = i + 1;
      }
    }
    return names;
  }

  private static List<String> latin1(List<byte[]> names) {
    return names.stream().map(n -> new String(n, StandardCharsets.ISO_8859_1)).toList();
  }

  private void sh(Path dir, String script) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("sh", "-c", script).directory(dir.toFile());
    pb.environment().putAll(fixture.environment());
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
  }
}
