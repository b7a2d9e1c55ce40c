package io.gitoverit.analysis.gitexe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.analysis.AnalysisOptions;
import io.gitoverit.analysis.FixtureGit;
import io.gitoverit.report.RepoReport;
import io.gitoverit.report.StatusSummary;
import io.gitoverit.testing.GitFixture;
import io.gitoverit.testing.MoreScenarios;
import io.gitoverit.testing.Scenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The git engine never runs a program that the scanned repository's config names. */
class GitExeAnalyzerSafetyTest {
  @TempDir Path tmp;
  GitFixture fixture;
  GitExeAnalyzer analyzer;
  Path markers;

  @BeforeEach
  void setUp() throws Exception {
    tmp = tmp.toRealPath();
    fixture = new GitFixture(tmp);
    analyzer = new GitExeAnalyzer(FixtureGit.runner(fixture));
    markers = Files.createDirectories(tmp.resolve("markers"));
  }

  /** A shell command that leaves {@code markers/name} behind, then copies stdin to stdout. */
  String touching(String name) {
    return "touch '" + markers.resolve(name) + "'; cat";
  }

  /** An executable script that leaves {@code markers/name} behind. */
  String script(String name) throws Exception {
    Path p = tmp.resolve(name + ".sh");
    Files.writeString(p, "#!/bin/sh\ntouch '" + markers.resolve(name) + "'\nexit 1\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p.toString();
  }

  List<String> markersLeft() throws Exception {
    try (var s = Files.list(markers)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Filtered files whose stat data no longer match the index, one unfiltered real change. */
  Path evilRepo() throws Exception {
    Path root =
        fixture.repoWithCommit(
            tmp.resolve("evil"),
            ".gitattributes",
            "*.txt filter=evil diff=evil\n",
            "a.txt",
            "a\n",
            "b.txt",
            "b\n",
            "plain.md",
            "p\n");
    fixture.git(root, "config", "filter.evil.clean", touching("clean"));
    fixture.git(root, "config", "filter.evil.smudge", touching("smudge"));
    fixture.git(root, "config", "filter.evil.required", "true");
    fixture.git(root, "config", "diff.evil.textconv", touching("textconv"));
    fixture.git(root, "config", "core.fsmonitor", script("fsmonitor"));
    fixture.git(root, "config", "diff.external", script("external"));
    fixture.git(root, "config", "core.pager", touching("pager"));
    for (String f : List.of("a.txt", "b.txt")) {
      Files.setLastModifiedTime(root.resolve(f), FileTime.fromMillis(1_000_000_000_000L));
    }
    GitFixture.append(root, "plain.md", "more\n");
    return root;
  }

  @Test
  void noFilterFsmonitorOrDiffProgramRuns() throws Exception {
    Path root = evilRepo();
    assertEquals("1m (+1/-0)", StatusSummary.text(analyzer.analyze(root, AnalysisOptions.FULL)));
    assertEquals(List.of(), markersLeft());
    // The trap is real: plain git runs the repository's programs.
    fixture.tryGit(root, "status", "--porcelain");
    fixture.tryGit(root, "diff");
    assertTrue(
        markersLeft().containsAll(List.of("clean", "external", "fsmonitor")),
        markersLeft().toString());
  }

  @Test
  void theScanWritesNothingIntoTheGitDir() throws Exception {
    Path root = evilRepo();
    fixture.git(root, "config", "--unset", "core.fsmonitor");
    Map<String, String> before = snapshot(root.resolve(".git"));
    analyzer.analyze(root, AnalysisOptions.FULL);
    assertEquals(before, snapshot(root.resolve(".git")));
    Path conflict = Scenarios.mergeConflict(fixture, tmp.resolve("mc"));
    Files.setLastModifiedTime(conflict.resolve("f1"), FileTime.fromMillis(1_000_000_000_000L));
    before = snapshot(conflict.resolve(".git"));
    analyzer.analyze(conflict, AnalysisOptions.FULL);
    assertEquals(before, snapshot(conflict.resolve(".git")));
  }

  @Test
  void aSparseIndexIsNotExpandedSoNoObjectIsFreshened() throws Exception {
    // Listing files expands a sparse index, and expanding rewrites (freshens) tree objects.
    Path root = MoreScenarios.sparseIndex(fixture, tmp.resolve("sparse"));
    Path clean = Files.createDirectories(tmp.resolve("sparse-dirty"));
    Files.delete(clean);
    Path dirty = MoreScenarios.sparseIndex(fixture, clean);
    try (var s = Files.list(dirty)) {
      Path tracked = s.filter(Files::isRegularFile).findFirst().orElseThrow();
      Files.writeString(tracked, "changed\n", java.nio.file.StandardOpenOption.APPEND);
    }
    for (Path repo : new Path[] {root, dirty}) {
      Map<String, String> before = snapshot(repo.resolve(".git"));
      analyzer.analyze(repo, AnalysisOptions.FULL);
      assertEquals(before, snapshot(repo.resolve(".git")), repo.toString());
    }
  }

  @Test
  void lookingForFilesUnderASwitchedOffFilterLeavesASparseIndexSparse() throws Exception {
    // git diff-files would expand it, and expanding freshens tree objects; git diff --raw does not.
    Path root = MoreScenarios.sparseIndex(fixture, tmp.resolve("sparse-filtered"));
    GitFixture.write(root, ".gitattributes", "*.txt filter=evil\n");
    fixture.git(root, "config", "filter.evil.clean", touching("clean"));
    Files.setLastModifiedTime(root.resolve("dirA/a.txt"), FileTime.fromMillis(1_000_000_000_000L));
    Map<String, String> before = snapshot(root.resolve(".git"));
    RepoReport r = analyzer.analyze(root, AnalysisOptions.FULL);
    assertEquals(
        List.of("dirA/a.txt: filter \"evil\" not run (configured by the repository)"),
        r.warnings());
    assertEquals(before, snapshot(root.resolve(".git")));
    assertEquals(List.of(), markersLeft());
  }

  @Test
  void aSplitIndexIsReadWithoutRefreshingItsSharedFile() throws Exception {
    // git refreshes sharedindex.* mtimes whenever it reads a split index.
    Path root = MoreScenarios.splitIndex(fixture, tmp.resolve("split"));
    Map<String, String> before = snapshot(root.resolve(".git"));
    RepoReport r = analyzer.analyze(root, AnalysisOptions.FULL);
    assertEquals("2m (+2/-3)", io.gitoverit.report.StatusSummary.text(r));
    assertEquals(before, snapshot(root.resolve(".git")));
  }

  /** Every file under {@code dir} with its size and modification time. */
  static Map<String, String> snapshot(Path dir) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (var s = Files.walk(dir)) {
      for (Path p : s.toList()) {
        out.put(
            dir.relativize(p).toString(),
            Files.size(p) + "@" + Files.getLastModifiedTime(p).toInstant());
      }
    }
    return out;
  }

  @Test
  void aChangeOnlyTheFilterCouldJudgeIsCountedRawAndNamed() throws Exception {
    Path root = evilRepo();
    GitFixture.write(root, "a.txt", "A\n");
    RepoReport r = analyzer.analyze(root, AnalysisOptions.FULL);
    assertEquals("2m (+2/-1)", StatusSummary.text(r));
    assertEquals(
        List.of(
            "a.txt: filter \"evil\" not run (configured by the repository)",
            "b.txt: filter \"evil\" not run (configured by the repository)"),
        r.warnings());
    assertEquals(List.of(), markersLeft());
  }

  @Test
  void processFilterDoesNotRunEither() throws Exception {
    Path root = evilRepo();
    fixture.git(root, "config", "filter.evil.process", script("process"));
    assertEquals("1m (+1/-0)", StatusSummary.text(analyzer.analyze(root, AnalysisOptions.FULL)));
    assertEquals(List.of(), markersLeft());
  }

  @Test
  void submoduleFilterDoesNotRun() throws Exception {
    Path root = MoreScenarios.submodule(fixture, tmp.resolve("super"));
    Path subGitDir = root.resolve(".git/modules/libs/sub");
    GitFixture.write(subGitDir, "info/attributes", "* filter=subevil\n");
    fixture.git(root.resolve("libs/sub"), "config", "filter.subevil.clean", touching("subclean"));
    Files.setLastModifiedTime(
        root.resolve("libs/sub/lib.txt"), FileTime.fromMillis(1_000_000_000_000L));
    RepoReport r = analyzer.analyze(root, AnalysisOptions.FULL);
    assertEquals("1s", StatusSummary.text(r));
    assertEquals(
        List.of(
            "libs/sub/lib.txt: filter \"subevil\" not run (configured by submodule" + " libs/sub)"),
        r.warnings());
    assertFalse(Files.exists(markers.resolve("subclean")));
    fixture.tryGit(root, "status", "--porcelain");
    assertTrue(
        Files.exists(markers.resolve("subclean")), "plain git status runs the submodule's filter");
  }

  @Test
  void filterOfASubmoduleWithItsOwnGitFolderDoesNotRun() throws Exception {
    // A clone already in the work tree, added as it is: its git dir stays a folder in the work
    // tree, not under .git/modules, and git status still goes into it.
    Path root = fixture.repoWithCommit(tmp.resolve("super"), "top.txt", "t\n");
    Path sub =
        fixture.repoWithCommit(
            root.resolve("vendored"), ".gitattributes", "*.txt filter=own\n", "v.txt", "v\n");
    fixture.git(root, "submodule", "add", "-q", "./vendored", "vendored");
    fixture.commitAll(root, "add vendored");
    assertTrue(Files.isDirectory(sub.resolve(".git")));
    fixture.git(sub, "config", "filter.own.clean", touching("ownclean"));
    Files.setLastModifiedTime(sub.resolve("v.txt"), FileTime.fromMillis(1_000_000_000_000L));

    RepoReport r = analyzer.analyze(root, AnalysisOptions.FULL);
    assertEquals("1s", StatusSummary.text(r));
    assertEquals(
        List.of("vendored/v.txt: filter \"own\" not run (configured by submodule vendored)"),
        r.warnings());
    assertEquals(List.of(), markersLeft());
    fixture.tryGit(root, "status", "--porcelain");
    assertEquals(
        List.of("ownclean"), markersLeft(), "plain git status runs the submodule's filter");
  }

  @Test
  void filterThatASubmoduleConfigIncludesDoesNotRun() throws Exception {
    Path root = MoreScenarios.submodule(fixture, tmp.resolve("super"));
    GitFixture.write(root.resolve(".git/modules/libs/sub"), "info/attributes", "* filter=hidden\n");
    Path included =
        GitFixture.write(
            tmp,
            "hidden.inc",
            "[filter \"hidden\"]\n\tclean = \"" + touching("hiddenclean") + "\"\n");
    fixture.git(root.resolve("libs/sub"), "config", "include.path", included.toString());
    Files.setLastModifiedTime(
        root.resolve("libs/sub/lib.txt"), FileTime.fromMillis(1_000_000_000_000L));

    RepoReport r = analyzer.analyze(root, AnalysisOptions.FULL);
    assertEquals("1s", StatusSummary.text(r));
    assertEquals(
        List.of(
            "libs/sub/lib.txt: filter \"hidden\" not run (configured by submodule" + " libs/sub)"),
        r.warnings());
    assertEquals(List.of(), markersLeft());
    fixture.tryGit(root, "status", "--porcelain");
    assertEquals(
        List.of("hiddenclean"), markersLeft(), "plain git status runs the included filter");
  }
}
