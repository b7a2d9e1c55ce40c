package io.gitoverit.render.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gitoverit.render.DisplayPaths;
import io.gitoverit.render.Reports;
import io.gitoverit.report.RepoError;
import io.gitoverit.report.RepoReport;
import io.gitoverit.report.Signals;
import io.gitoverit.report.Worktree;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class JsonRendererTest {
  private static final Instant MTIME = Instant.ofEpochSecond(1_700_000_000L, 123_456_000);
  private final JsonRenderer renderer =
      new JsonRenderer(new DisplayPaths(Reports.path("/home/u/work"), Reports.path("/home/u")));

  static RepoReport cleanReport() {
    return Reports.with(
        Reports.clean("/home/u/work/clean"),
        "main",
        "origin/main",
        List.of("https://github.com/owner/repo.git"),
        Reports.checked(0, 0, 0, 0, 0, MTIME));
  }

  static RepoReport dirtyReport() {
    RepoReport r =
        Reports.with(
            Reports.clean("/home/u/dirty"),
            "feature",
            "origin/feature",
            List.of("https://github.com/owner/repo.git", "ssh://git@host/owner/repo.git"),
            Reports.checked(3, 2, 1, 10, 2, MTIME));
    return Reports.counts(r, 4, 5, 1, true).withSync(Reports.sync(false, false, true, false, true));
  }

  static RepoReport uncheckedReport() {
    RepoReport r =
        Reports.with(Reports.clean("/srv/meta"), "main", "-", List.of(), new Worktree.Unchecked());
    return Reports.noIdent(Reports.counts(r, 1, 0, 0, false));
  }

  static RepoReport unicodeReport() {
    return Reports.with(
        Reports.clean("/home/u/work/caf\u00e9/\u65e5\u672c/\ud834\udd1e"),
        "\u00fcn\u00ef",
        "-",
        List.of(),
        Reports.checked(0, 0, 0, 0, 0, null));
  }

  static RepoError errorRow() {
    return new RepoError(
        Reports.path("/home/u/work/broken"),
        "fatal: not a git repository: /x/\"q\"\tz",
        Optional.empty());
  }

  @Test
  void emptyListIsTwoBrackets() throws IOException {
    StringWriter out = new StringWriter();
    renderer.render(List.of(), List.of(), out);
    assertEquals("[]\n", out.toString());
  }

  @Test
  void cleanReportHasEveryUpstreamKeySorted() {
    assertEquals(
        """
        [
          {
            "ahead": 0,
            "behind": 0,
            "branch": "main",
            "deleted": 0,
            "dirty": false,
            "display_path": "clean",
            "fetch_failed": false,
            "ident": "A U Thor <a@example.com>",
            "latest_mtime": 1700000000.123456,
            "modified": 0,
            "mtime": 1700000000.123456,
            "path": "/home/u/work/clean",
            "pull_failed": false,
            "pulled": false,
            "push_failed": false,
            "pushed": false,
            "remote": "origin/main",
            "remote_url": "owner/repo",
            "status": "clean",
            "untracked": 0,
            "worktree_status_checked": true
          }
        ]\
        """,
        upstreamKeys(renderer.toJson(List.of(cleanReport()), List.of())));
  }

  @Test
  void dirtyReportShowsEverySegmentWithEscapedArrows() {
    assertEquals(
        """
        [
          {
            "ahead": 4,
            "behind": 5,
            "branch": "feature",
            "deleted": 1,
            "dirty": true,
            "display_path": "~/dirty",
            "fetch_failed": false,
            "ident": "A U Thor <a@example.com>",
            "latest_mtime": 1700000000.123456,
            "modified": 3,
            "mtime": 1700000000.123456,
            "path": "/home/u/dirty",
            "pull_failed": false,
            "pulled": true,
            "push_failed": false,
            "pushed": true,
            "remote": "origin/feature",
            "remote_url": "owner/repo\\nssh+host/owner/repo",
            "status": "3m (+10/-2) 2u 1d 1s 4\\u2191 5\\u2193 P U !",
            "untracked": 2,
            "worktree_status_checked": true
          }
        ]\
        """,
        upstreamKeys(renderer.toJson(List.of(dirtyReport()), List.of())));
  }

  @Test
  void uncheckedWorktreeHasNullsAndQuestionMark() {
    assertEquals(
        """
        [
          {
            "ahead": 1,
            "behind": 0,
            "branch": "main",
            "deleted": null,
            "dirty": null,
            "display_path": "/srv/meta",
            "fetch_failed": false,
            "ident": null,
            "latest_mtime": null,
            "modified": null,
            "mtime": null,
            "path": "/srv/meta",
            "pull_failed": false,
            "pulled": false,
            "push_failed": false,
            "pushed": false,
            "remote": "-",
            "remote_url": "-",
            "status": "? 1\\u2191",
            "untracked": null,
            "worktree_status_checked": false
          }
        ]\
        """,
        upstreamKeys(renderer.toJson(List.of(uncheckedReport()), List.of())));
  }

  @Test
  void unicodePathIsEscapedWithSurrogatePairs() {
    String json = renderer.toJson(List.of(unicodeReport()), List.of());
    assertContains(json, "\"path\": \"/home/u/work/caf\\u00e9/\\u65e5\\u672c/\\ud834\\udd1e\",");
    assertContains(json, "\"display_path\": \"caf\\u00e9/\\u65e5\\u672c/\\ud834\\udd1e\",");
    assertContains(json, "\"branch\": \"\\u00fcn\\u00ef\",");
    assertContains(json, "\"mtime\": null,");
  }

  @Test
  void errorRowsFollowTheReports() {
    assertEquals(
        """
        [
          {
            "ahead": 0,
            "behind": 0,
            "branch": "main",
            "deleted": 0,
            "dirty": false,
            "display_path": "clean",
            "fetch_failed": false,
            "ident": "A U Thor <a@example.com>",
            "latest_mtime": 1700000000.123456,
            "modified": 0,
            "mtime": 1700000000.123456,
            "path": "/home/u/work/clean",
            "pull_failed": false,
            "pulled": false,
            "push_failed": false,
            "pushed": false,
            "remote": "origin/main",
            "remote_url": "owner/repo",
            "status": "clean",
            "untracked": 0,
            "worktree_status_checked": true
          },
          {
            "display_path": "broken",
            "error": "fatal: not a git repository: /x/\\"q\\"\\tz",
            "path": "/home/u/work/broken"
          }
        ]\
        """,
        upstreamKeys(renderer.toJson(List.of(cleanReport()), List.of(errorRow()))));
  }

  @Test
  void failedSyncMarksDisplayPathLikeUpstream() {
    RepoReport r = cleanReport().withSync(Reports.sync(true, false, false, true, false));
    String json = renderer.toJson(List.of(r), List.of());
    assertContains(json, "\"display_path\": \"! clean\",");
    assertContains(json, "\"fetch_failed\": true,");
    assertContains(json, "\"push_failed\": true,");
  }

  static RepoReport uncertainReport() {
    return Reports.warned(
        cleanReport(),
        "a.bin: filter \"lfs\" not run (configured by the repository)",
        "caf\u00e9.bin: filter \"x\"");
  }

  @Test
  void warningsAreAListInTheirSortedPlaceOnlyOnRowsThatHaveThem() {
    String json =
        upstreamKeys(renderer.toJson(List.of(uncertainReport(), cleanReport()), List.of()));
    assertContains(
        json,
        String.join(
            "\n",
            "    \"untracked\": 0,",
            "    \"warnings\": [",
            "      \"a.bin: filter \\\"lfs\\\" not run (configured by the repository)\",",
            "      \"caf\\u00e9.bin: filter \\\"x\\\"\"",
            "    ],",
            "    \"worktree_status_checked\": true",
            "  },"));
    assertEquals(1, json.split("\"warnings\"", -1).length - 1, "the clean row has no warnings key");
    assertContains(json, "\"status\": \"clean\",");
  }

  /** Python re-dumping our output must give our output back: same spacing, escapes, floats. */
  @Test
  void pythonReDumpsOurOutputUnchanged() throws Exception {
    assumeTrue(Python.available(), "python3 not on PATH");
    String ours =
        renderer.toJson(
            List.of(
                cleanReport(),
                dirtyReport(),
                uncheckedReport(),
                unicodeReport(),
                uncertainReport()),
            List.of(errorRow()));
    String script =
        "import json,sys; sys.stdout.write(json.dumps(json.load(sys.stdin), indent=2,"
            + " sort_keys=True))";
    assertEquals(ours, Python.run(script, ours));
  }

  /** The keys the Python gitoverit does not have, each a line of its own in our output. */
  private static final List<String> OUR_KEYS =
      List.of(
          "stashes",
          "upstream_gone",
          "operation",
          "conflicts",
          "unborn",
          "commit_date",
          "commit_subject",
          "branches_unpushed",
          "branches_no_upstream",
          "branches_gone");

  /**
   * The JSON without our keys: what upstream prints, byte for byte. (The last key of an object,
   * worktree_status_checked, is upstream's, so no comma needs moving.)
   */
  private static String upstreamKeys(String json) {
    StringBuilder out = new StringBuilder();
    for (String line : json.split("\n", -1)) {
      String key = line.strip().replaceFirst("^\"([a-z_]+)\": .*$", "$1");
      if (!OUR_KEYS.contains(key)) {
        out.append(line).append('\n');
      }
    }
    return out.substring(0, out.length() - 1);
  }

  @Test
  void ourKeysSayWhatElseNeedsAHumanWithTheirTypes() {
    RepoReport r =
        cleanReport()
            .withSignals(
                new Signals(
                    2,
                    true,
                    Optional.of(
                        new Signals.Operation("cherry-pick", Optional.empty(), Optional.empty())),
                    3,
                    false,
                    false,
                    OptionalLong.of(1_700_000_123L),
                    Optional.of("Fix caf\u00e9"),
                    4,
                    5,
                    6));
    String json = renderer.toJson(List.of(r), List.of());
    assertContains(
        json,
        String.join(
            "\n",
            "    \"branches_gone\": 6,",
            "    \"branches_no_upstream\": 5,",
            "    \"branches_unpushed\": 4,",
            "    \"commit_date\": 1700000123.0,",
            "    \"commit_subject\": \"Fix caf\\u00e9\",",
            "    \"conflicts\": 3,"));
    assertContains(json, "    \"operation\": \"cherry-pick\",\n");
    assertContains(json, "    \"stashes\": 2,\n");
    assertContains(json, "    \"unborn\": false,\n");
    assertContains(json, "    \"upstream_gone\": true,\n");
    String none =
        renderer.toJson(
            List.of(
                cleanReport()
                    .withSignals(
                        new Signals(
                            0,
                            false,
                            Optional.empty(),
                            0,
                            true,
                            false,
                            OptionalLong.empty(),
                            Optional.empty(),
                            0,
                            0,
                            0))),
            List.of());
    assertContains(none, "    \"commit_date\": null,\n");
    assertContains(none, "    \"commit_subject\": null,\n");
    assertContains(none, "    \"operation\": null,\n");
    assertContains(none, "    \"unborn\": true,\n");
  }

  private static void assertContains(String haystack, String needle) {
    if (!haystack.contains(needle)) {
      throw new AssertionError("expected to find\n  " + needle + "\nin\n" + haystack);
    }
  }
}
