package io.gitoverit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.analysis.AnalysisOptions;
import io.gitoverit.analysis.RepoAnalyzer;
import io.gitoverit.analysis.jgit.RoutingAnalyzer;
import io.gitoverit.query.SortField;
import io.gitoverit.render.table.Column;
import io.gitoverit.render.table.TableAlgo;
import io.gitoverit.scan.Concurrency;
import io.gitoverit.scan.RepoSource;
import io.gitoverit.term.ColorMode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The request a command line makes, read off the command after picocli parsed it (the white-box
 * half of picocli's test recipe), and the usage errors that stop a run before it scans (the
 * black-box half).
 */
class ScanRequestTest {
  @TempDir Path tmp;
  Path configFile;
  final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void places() throws Exception {
    tmp = tmp.toRealPath();
    configFile = tmp.resolve("home/.config/gito/config.toml");
    Files.createDirectories(configFile.getParent());
  }

  /** A machine with {@code cpus} processors where nothing may be scanned. */
  final class NoScan extends TestWiring {
    final int cpus;

    NoScan(int cpus) {
      super(tmp, tmp.resolve("home"), env);
      this.cpus = cpus;
    }

    @Override
    public RepoAnalyzer analyzer(RoutingAnalyzer.RoutingLog routing) {
      throw new AssertionError("no analysis before the request is complete");
    }

    @Override
    public RepoSource discover(List<Path> roots, boolean includeIgnored, Concurrency concurrency) {
      throw new AssertionError("no walk before the request is complete");
    }

    @Override
    public int cpus() {
      return cpus;
    }
  }

  ScanRequest request(String... args) {
    return request(4, args);
  }

  ScanRequest request(int cpus, String... args) {
    CommandLine cl = commandLine(new NoScan(cpus));
    cl.parseArgs(args);
    GitoveritCommand command = cl.getCommand();
    return command.request();
  }

  static CommandLine commandLine(Wiring wiring) {
    return CommandLines.create(
        wiring, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
  }

  void config(String toml) throws Exception {
    Files.writeString(configFile, toml);
  }

  @Test
  void withoutOptionsOrConfiguration() {
    ScanRequest r = request();
    assertEquals(List.of(tmp), r.roots(), "the current directory");
    assertFalse(r.includeIgnored());
    assertEquals(new AnalysisOptions(true, false), r.analysis(), "the mtime column needs mtime");
    assertFalse(r.actions().any());
    assertEquals(3, r.concurrency().analysisThreads(), "4 cpus: 3 threads");
    assertEquals(3, r.concurrency().scanThreads());
    assertTrue(r.progress());
    assertEquals(Optional.empty(), r.debugLog());
    assertFalse(r.debug());
    assertFalse(r.expressions().printing());
    assertEquals(new ScanRequest.Rows(false, false, SortField.mtime, false), r.rows());
    ScanRequest.Layout layout = r.layout();
    assertEquals(OutputFormat.table, layout.format());
    assertEquals(Column.DEFAULTS, layout.columns());
    assertEquals(TableAlgo.CELL, layout.tableAlgo());
    assertEquals(ColorMode.auto, layout.color());
    assertEquals(Map.of(), layout.columnPriorities());
    assertFalse(layout.print0());
    assertFalse(layout.showErrors());
  }

  @Test
  void theConfigurationFillsInWhatTheCommandLineLeavesOut() throws Exception {
    config(
        """
        [defaults]
        sort = "dir"
        dirty_only = true
        attention = true
        jobs = 0
        columns = "-,dir,status"
        color = "never"
        table_algo = "char"
        """);
    ScanRequest configured = request();
    assertEquals(new ScanRequest.Rows(true, true, SortField.dir, false), configured.rows());
    assertEquals(0, configured.concurrency().analysisThreads());
    assertFalse(configured.concurrency().walkOnOwnThread(), "jobs = 0: the calling thread");
    assertEquals(List.of(Column.DIR, Column.STATUS), configured.layout().columns());
    assertEquals(ColorMode.never, configured.layout().color());
    assertEquals(TableAlgo.CHAR, configured.layout().tableAlgo());
    assertEquals(
        new AnalysisOptions(false, false),
        configured.analysis(),
        "neither the sort nor the columns need mtime");

    ScanRequest given =
        request(
            "-s",
            "name",
            "-r",
            "--no-dirty-only",
            "--no-attention",
            "-j",
            "2",
            "-c",
            "-,dir,mtime",
            "--color",
            "always",
            "-a",
            "cell");
    assertEquals(new ScanRequest.Rows(false, false, SortField.name, true), given.rows());
    assertEquals(2, given.concurrency().analysisThreads());
    assertEquals(
        List.of(Column.DIR, Column.MTIME),
        given.layout().columns(),
        "-c replaces the configured columns");
    assertEquals(ColorMode.always, given.layout().color());
    assertEquals(TableAlgo.CELL, given.layout().tableAlgo());
    assertEquals(new AnalysisOptions(true, false), given.analysis());

    ScanRequest none = request("--no-config");
    assertEquals(new ScanRequest.Rows(false, false, SortField.mtime, false), none.rows());
    assertEquals(3, none.concurrency().analysisThreads());
  }

  @Test
  void metadataOnlySortsByDirAndReadsNoWorkTree() throws Exception {
    ScanRequest r = request("--metadata-only");
    assertEquals(SortField.dir, r.rows().sort());
    assertEquals(new AnalysisOptions(false, true), r.analysis());
    assertEquals(Column.METADATA_ONLY_DEFAULTS, r.layout().columns());

    config("[defaults]\nsort = \"mtime\"\ndirty_only = true\n");
    ScanRequest configured = request("--metadata-only");
    assertEquals(
        new ScanRequest.Rows(false, false, SortField.dir, false),
        configured.rows(),
        "configured defaults --metadata-only cannot honour do not apply");
    assertEquals(SortField.mtime, request().rows().sort(), "without it they do");
    assertTrue(request().rows().dirtyOnly());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "'-o json', true",
    "'-p dir -s dir', false",
    "'-p dir', true", // the default sort is by mtime
    "'-p dir -s mtime', true",
    "'-c -mtime', true",
    "'-c -mtime -s dir', false",
    "'-c -mtime -s dir -w mtime>0', true",
    "'-o json -s dir --metadata-only', false",
  })
  void mtimeIsCollectedOnlyWhenSomethingUsesIt(String args, boolean collect) {
    assertEquals(collect, request(args.split(" ")).analysis().collectMtime());
  }

  @Test
  void networkActionsGetThreadsOfTheirOwnButNotMoreAnalyses() {
    ScanRequest fetch = request(4, "-f");
    assertTrue(fetch.actions().fetch());
    assertFalse(fetch.actions().pull());
    assertEquals(3, fetch.concurrency().analysisThreads());
    assertEquals(12, fetch.concurrency().scanThreads());
    assertEquals(3, fetch.concurrency().analysesAtOnce());

    ScanRequest pull = request(4, "-P", "-j", "0", "--net-timeout", "5");
    assertTrue(pull.actions().fetch(), "a pull fetches first");
    assertTrue(pull.actions().pull());
    assertEquals(java.time.Duration.ofSeconds(5), pull.actions().pullTimeout());
    assertEquals(0, pull.concurrency().scanThreads(), "-j 0: everything on the calling thread");
  }

  @Test
  void debugAndNoProgressTurnTheLiveDisplayOff() {
    assertFalse(request("--no-progress").progress());
    ScanRequest debug = request("--debug");
    assertFalse(debug.progress());
    assertTrue(debug.debug());
  }

  @Test
  void theOutputOptionsAreCarried() {
    ScanRequest r = request("-p", "dir", "-0", "--errors", "-I", "-o", "json");
    assertTrue(r.expressions().printing());
    assertTrue(r.layout().print0());
    assertTrue(r.layout().showErrors());
    assertTrue(r.includeIgnored());
    assertEquals(OutputFormat.json, r.layout().format());
  }

  /** Each is refused before any work: picocli's usage error, exit 2, and nothing scanned. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "-j -1|option '-j' / '--jobs': -1 (must be 0 or more)",
        "--net-timeout 0|option '--net-timeout': 0.0",
        "--metadata-only -d|--dirty-only: cannot be used with --metadata-only",
        "--metadata-only -P|--pull-safe: cannot be used with --metadata-only",
        "--metadata-only -U|--push-safe: cannot be used with --metadata-only",
        "--metadata-only -s mtime|--sort mtime: cannot be used with --metadata-only",
        "--metadata-only -w dirty|--where: cannot use unavailable metadata-only variable(s): dirty",
        "-c nosuch|option '--columns'",
        "-w (|option '--where'",
        "missing|'DIR': 'missing' does not exist",
      })
  void conflictingOrBadOptionsAreUsageErrors(String args, String message) {
    StringWriter err = new StringWriter();
    CommandLine cl =
        CommandLines.create(
            new NoScan(4), new PrintWriter(new StringWriter()), new PrintWriter(err));
    int exit = cl.execute(args.split(" "));
    assertEquals(ExitCodes.USAGE, exit, err.toString());
    assertTrue(err.toString().contains("Invalid value for " + message), err.toString());

    CommandLine parsed = commandLine(new NoScan(4));
    parsed.parseArgs(args.split(" "));
    GitoveritCommand command = parsed.getCommand();
    assertThrows(ParameterException.class, command::request);
  }

  /** The checks come in upstream's order: the first problem is the one reported. */
  @Test
  void theFirstProblemIsTheOneReported() {
    StringWriter err = new StringWriter();
    CommandLine cl =
        CommandLines.create(
            new NoScan(4), new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertEquals(
        ExitCodes.USAGE, cl.execute("--metadata-only", "-d", "-s", "mtime", "-c", "nosuch"));
    assertTrue(err.toString().contains("--dirty-only"), err.toString());
    assertFalse(err.toString().contains("--sort"), err.toString());
  }
}
