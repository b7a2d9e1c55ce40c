package io.gitoverit.analysis.gitexe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gitoverit.analysis.AnalysisOptions;
import io.gitoverit.analysis.FixtureGit;
import io.gitoverit.fs.ModifiedTimes;
import io.gitoverit.fs.TypedListing;
import io.gitoverit.fs.TypedListings;
import io.gitoverit.report.RepoReport;
import io.gitoverit.report.StatusSummary;
import io.gitoverit.report.Worktree;
import io.gitoverit.testing.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The git engine's mtime column over a work tree big enough that its stat calls are shared among
 * threads, with NIO and with the native scan (where the platform has one: the build's JDK 22+ test
 * run): both give the newest file, a name that is not UTF-8 included, and skip a dangling link.
 */
class MtimeScanTest {
  @TempDir Path tmp;
  GitFixture fixture;

  @BeforeEach
  void setUp() throws Exception {
    tmp = tmp.toRealPath();
    fixture = new GitFixture(tmp);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"nio", "native"})
  void theNewestTrackedFileWinsAmongThousands(String scan) throws Exception {
    Optional<ModifiedTimes> times =
        scan.equals("nio")
            ? Optional.empty()
            : TypedListings.typedListing().flatMap(TypedListing::modifiedTimes);
    assumeTrue(scan.equals("nio") || times.isPresent());
    GitExeAnalyzer analyzer = new GitExeAnalyzer(FixtureGit.runner(fixture), times);
    Path root = fixture.init(tmp.resolve("many"));
    for (int i = 0; i < 9_000; i++) {
      Path f = GitFixture.write(root, "d" + (i % 30) + "/f" + i + ".txt", i + "\n");
      GitFixture.touch(f, 1_600_000_000L + i % 1000);
    }
    Files.createSymbolicLink(root.resolve("dangling"), root.resolve("nowhere"));
    fixture.commitAll(root, "many");
    Instant newest = Instant.ofEpochSecond(1_650_000_000L, 42);
    Files.setLastModifiedTime(root.resolve("d7/f4567.txt"), FileTime.from(newest));
    assertEquals(Optional.of(newest), mtime(analyzer.analyze(root, AnalysisOptions.FULL)));

    // A name Java cannot express, committed and then made the newest file.
    ProcessBuilder pb =
        new ProcessBuilder(
                "sh",
                "-c",
                "n=$(printf 'raw\\377name') && printf x > \"$n\" && git add -- \"$n\""
                    + " && git commit -qm raw && touch -d @1700000000.125 \"$n\"")
            .directory(root.toFile())
            .inheritIO();
    pb.environment().putAll(fixture.environment());
    assertEquals(0, pb.start().waitFor());
    RepoReport r = analyzer.analyze(root, AnalysisOptions.FULL);
    assertEquals("clean", StatusSummary.text(r));
    assertEquals(Optional.of(Instant.ofEpochSecond(1_700_000_000L, 125_000_000)), mtime(r));
  }

  private static Optional<Instant> mtime(RepoReport r) {
    return ((Worktree.Checked) r.worktree()).latestMtime();
  }
}
