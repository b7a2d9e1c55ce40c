package io.gitoverit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gitoverit.report.Colour;
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

/** Reading the configuration file: every key, the environment overrides, the file's place. */
class ConfigFileTest {
  @TempDir Path tmp;
  Path home;
  Path cwd;
  Path file;
  final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void places() throws Exception {
    home = Files.createDirectories(tmp.resolve("home"));
    cwd = Files.createDirectories(tmp.resolve("work"));
    file = home.resolve(".config/gito/config.toml");
    Files.createDirectories(file.getParent());
  }

  Config load() {
    return load(Optional.empty(), false);
  }

  Config load(Optional<Path> option, boolean noConfig) {
    return ConfigFile.load(option, noConfig, env, home, cwd, ConfigFile.DefaultsCheck.NONE);
  }

  Config withFile(String toml) throws Exception {
    Files.writeString(file, toml);
    return load();
  }

  @Test
  void theDefaultPlaceIsUnderHomeOrXdgConfigHome() {
    assertEquals(home.resolve(".config/gito/config.toml"), ConfigFile.defaultPath(Map.of(), home));
    assertEquals(
        home.resolve(".config/gito/config.toml"),
        ConfigFile.defaultPath(Map.of("XDG_CONFIG_HOME", ""), home));
    assertEquals(
        Path.of("/x/gito/config.toml"),
        ConfigFile.defaultPath(Map.of("XDG_CONFIG_HOME", "/x"), home));
  }

  @Test
  void noFileIsNoSettingsAndNoWarning() {
    Config c = load();
    assertEquals(Optional.empty(), c.file());
    assertEquals(Optional.empty(), c.debugLog());
    assertEquals(Map.of(), c.columnPriorities());
    assertEquals(List.of(), c.idRewrites().rules());
    assertEquals(List.of(), c.roots());
    assertEquals(Map.of(), c.defaults());
    assertEquals(List.of(), c.warnings());
  }

  @Test
  void everyKeyIsRead() throws Exception {
    Config c =
        withFile(
            """
            log_file = "~/logs/gito.log"
            log_level = "warning"
            column_priorities = "1, 2,3,4,5,6"
            id_rewrite_fg_color = "#00ff7f"
            roots = ["~", "~/src", "rel", "/abs"]

            [[id_rewrite]]
            type = "literal_full"
            find = "A <a@x>"
            replace = "me"
            fg = "red"

            [[id_rewrite]]
            type = "glob"
            find = "*@corp.example>"

            [defaults]
            columns = "-,dir,status"
            sort = "dir"
            jobs = 3
            color = "never"
            table_algo = "char"
            dirty_only = true
            net_timeout = 30
            """);
    assertEquals(List.of(), c.warnings());
    assertEquals(Optional.of(file), c.file());
    assertEquals(
        Optional.of(new DebugLog(home.resolve("logs/gito.log"), LogLevel.WARNING)), c.debugLog());
    assertEquals(
        Map.of("dir", 1, "status", 2, "branch", 3, "remote", 4, "url", 5, "mtime", 6),
        c.columnPriorities());
    assertEquals(
        List.of(home, home.resolve("src"), cwd.resolve("rel"), Path.of("/abs")),
        c.roots().stream().map(Setting::value).toList());
    assertEquals(file + ":5", c.roots().get(0).origin());
    assertEquals(Optional.of(new Colour.Rgb(0, 255, 127)), c.idRewrites().defaultFg());
    List<IdRewrite> rules = c.idRewrites().rules();
    assertEquals(
        List.of(IdRewrite.Type.LITERAL_FULL, IdRewrite.Type.GLOB),
        rules.stream().map(IdRewrite::type).toList());
    assertEquals(
        Optional.of(new IdRewrites.Rewritten("me", Optional.of(new Colour.Indexed(1)))),
        c.idRewrites().apply("A <a@x>"));
    assertEquals(
        Optional.of(new IdRewrites.Rewritten("", Optional.of(new Colour.Rgb(0, 255, 127)))),
        c.idRewrites().apply("B <b@corp.example>"),
        "replace defaults to empty, fg to the global");
    Map<String, Object> defaults = new HashMap<>();
    c.defaults().forEach((k, v) -> defaults.put(k, v.value()));
    assertEquals(
        Map.of(
            "columns",
            "-,dir,status",
            "sort",
            "dir",
            "jobs",
            3L,
            "color",
            "never",
            "table_algo",
            "char",
            "dirty_only",
            true,
            "net_timeout",
            30.0),
        defaults);
    assertEquals(file + ":20", c.defaults().get("jobs").origin());
  }

  @Test
  void columnPrioritiesMayBeAnArrayOfIntegers() throws Exception {
    Config c = withFile("column_priorities = [9, 8, 7, 6, 5, 0]\n");
    assertEquals(List.of(), c.warnings());
    assertEquals(
        Map.of("dir", 9, "status", 8, "branch", 7, "remote", 6, "url", 5, "mtime", 0),
        c.columnPriorities());
  }

  @ParameterizedTest
  @CsvSource({
    "DEBUG, DEBUG",
    "info, INFO",
    "WARN, WARNING",
    "Warning, WARNING",
    "' error ', ERROR",
    "CRITICAL, CRITICAL",
    "'', DEBUG"
  })
  void logLevelsAreUpstreamsNamesInAnyCase(String name, LogLevel level) throws Exception {
    Config c = withFile("log_file = \"x.log\"\nlog_level = \"" + name + "\"\n");
    assertEquals(List.of(), c.warnings());
    assertEquals(Optional.of(new DebugLog(cwd.resolve("x.log"), level)), c.debugLog());
  }

  @Test
  void aLevelWithoutALogFileLogsNothing() throws Exception {
    assertEquals(Optional.empty(), withFile("log_level = \"INFO\"\n").debugLog());
  }

  @Test
  void environmentVariablesOverrideTheFile() throws Exception {
    Files.writeString(
        file,
        """
        log_file = "from-file.log"
        log_level = "ERROR"
        column_priorities = "1,1,1,1,1,1"
        """);
    env.put("GITOVERIT_DEBUG_LOG", "gitoverit.log");
    env.put("GITO_LOG_LEVEL", "info");
    env.put("GITOVERIT_COLUMN_PRIORITIES", "2,2,2,2,2,2");
    Config c = load();
    assertEquals(
        Optional.of(new DebugLog(cwd.resolve("gitoverit.log"), LogLevel.INFO)), c.debugLog());
    assertEquals(2, c.columnPriorities().get("url"));

    env.put("GITO_DEBUG_LOG", "/tmp/gito.log");
    env.put("GITO_COLUMN_PRIORITIES", "3,3,3,3,3,3");
    c = load();
    assertEquals(Path.of("/tmp/gito.log"), c.debugLog().orElseThrow().file(), "GITO_ wins");
    assertEquals(3, c.columnPriorities().get("url"), "GITO_ wins");
    assertEquals(List.of(), c.warnings());
  }

  @Test
  void emptyVariablesDoNotOverride() throws Exception {
    Files.writeString(file, "log_file = \"from-file.log\"\nlog_level = \"ERROR\"\n");
    env.put("GITO_DEBUG_LOG", "");
    env.put("GITOVERIT_DEBUG_LOG", "");
    env.put("GITO_LOG_LEVEL", "");
    assertEquals(
        Optional.of(new DebugLog(cwd.resolve("from-file.log"), LogLevel.ERROR)), load().debugLog());
  }

  @Test
  void theVariablesApplyWithoutAFileAndWithNoConfig() throws Exception {
    Files.writeString(file, "log_level = \"ERROR\"\n");
    env.put("GITOVERIT_DEBUG_LOG", "/tmp/a.log");
    env.put("GITO_COLUMN_PRIORITIES", "1,2,3,4,5,6");
    Config c = load(Optional.empty(), true);
    assertEquals(Optional.empty(), c.file());
    assertEquals(Optional.of(new DebugLog(Path.of("/tmp/a.log"), LogLevel.DEBUG)), c.debugLog());
    assertEquals(6, c.columnPriorities().get("mtime"));
  }

  @Test
  void configOptionBeatsTheVariableWhichBeatsTheDefaultPlace() throws Exception {
    Files.writeString(file, "log_file = \"default.log\"\n");
    Path named = Files.writeString(tmp.resolve("named.toml"), "log_file = \"named.log\"\n");
    Path option = Files.writeString(cwd.resolve("option.toml"), "log_file = \"option.log\"\n");
    assertEquals(cwd.resolve("default.log"), load().debugLog().orElseThrow().file());
    env.put("GITOVERIT_CONFIG", named.toString());
    assertEquals(cwd.resolve("named.log"), load().debugLog().orElseThrow().file());
    Config c = load(Optional.of(Path.of("option.toml")), false);
    assertEquals(Optional.of(option), c.file(), "relative to the current directory");
    assertEquals(cwd.resolve("option.log"), c.debugLog().orElseThrow().file());
    assertEquals(Optional.empty(), load(Optional.of(option), true).file(), "--no-config wins");
  }

  @Test
  void aNamedFileThatIsMissingIsAWarning() {
    Config c = load(Optional.of(Path.of("nope.toml")), false);
    assertEquals(
        List.of(cwd.resolve("nope.toml") + ": cannot read it: no such file; file ignored"),
        c.warnings());
    env.put("GITOVERIT_CONFIG", "/no/such.toml");
    assertEquals(
        List.of("/no/such.toml: cannot read it: no such file; file ignored"), load().warnings());
  }
}
