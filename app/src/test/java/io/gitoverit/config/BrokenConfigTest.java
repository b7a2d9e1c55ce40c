package io.gitoverit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.report.Colour;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whatever is wrong in the configuration is one warning naming the file, the line and the problem;
 * only that entry is left out, and the rest still applies.
 */
class BrokenConfigTest {
  @TempDir Path tmp;

  Config load(String toml) throws Exception {
    return load(toml, ConfigFile.DefaultsCheck.NONE);
  }

  Config load(String toml, ConfigFile.DefaultsCheck check) throws Exception {
    Path file = Files.writeString(tmp.resolve("c.toml"), toml);
    return ConfigFile.load(Optional.of(file), false, Map.of(), tmp, tmp, check);
  }

  String at(int line) {
    return tmp.resolve("c.toml") + ":" + line + ": ";
  }

  /** {@code entry} (at line 2) is wrong; the entry on line 1 still applies. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "log_file = 5 | log_file: expected a string, found an integer; ignored",
        "log_level = 'LOUD' | log_level: unknown level 'LOUD' (expected DEBUG, INFO, WARNING, ERROR"
            + " or CRITICAL); ignored",
        "log_level = true | log_level: expected a string, found a boolean; ignored",
        "column_priorities = '1,2,x,4,5,6' | column_priorities: 'x' is not an integer; ignored",
        "column_priorities = '1,2,3' | column_priorities: expected 6 integers, one per default"
            + " column (dir, status, branch, remote, url, mtime), found 3; ignored",
        "column_priorities = 1.5 | column_priorities: expected a string of comma-separated"
            + " integers, found a float; ignored",
        "column_priorities = [1, 2, 3, 4, 5, 'a'] | column_priorities: 'a' is not an integer;"
            + " ignored",
        "id_rewrite_fg_color = 'mauve' | id_rewrite_fg_color: 'mauve' is not a colour (expected a"
            + " colour name such as red or bright_blue, color(0-255), #rrggbb or rgb(r,g,b));"
            + " ignored",
        "id_rewrite_fg_color = 'color(256)' | id_rewrite_fg_color: 'color(256)' is not a colour"
            + " (expected a colour name such as red or bright_blue, color(0-255), #rrggbb or"
            + " rgb(r,g,b)); ignored",
        "colour = 'red' | unknown key 'colour'; ignored",
        "roots = '~/src' | roots: expected an array of strings, found a string; ignored",
        "roots = [1] | roots[0]: expected a folder name, found an integer; ignored",
        "roots = [''] | roots[0]: expected a folder name, found an empty string; ignored",
        "id_rewrite = 'x' | id_rewrite: expected an array of tables ([[id_rewrite]]), found a"
            + " string; ignored",
        "id_rewrite = [1] | id_rewrite[0]: expected a table, found an integer; rule skipped",
        "defaults = 1 | defaults: expected a table ([defaults]), found an integer; ignored",
      })
  void aWrongTopLevelEntryIsAWarningWithItsLine(String entry, String warning) throws Exception {
    boolean roots = entry.startsWith("roots");
    String first = roots ? "log_file = \"ok.log\"" : "roots = [\"ok\"]";
    Config c = load(first + "\n" + entry + "\n");
    assertEquals(List.of(at(2) + warning), c.warnings());
    if (roots) {
      assertEquals(tmp.resolve("ok.log"), c.debugLog().orElseThrow().file());
      assertEquals(List.of(), c.roots());
    } else {
      assertEquals(List.of(tmp.resolve("ok")), c.roots().stream().map(Setting::value).toList());
    }
    assertEquals(List.of(), c.idRewrites().rules());
  }

  /** A rule that cannot work is skipped; the next rule still applies. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "type = 'sed' | 2 | type 'sed' is not one of glob, literal_full, literal_substring, regex;"
            + " rule skipped",
        "find = 'x' | 1 | type missing is not one of glob, literal_full, literal_substring, regex;"
            + " rule skipped",
        "type = 'regex' | 1 | find: expected a string, found none; rule skipped",
        "type = 'regex'\\nfind = '(' | 3 | invalid regex '(': Unclosed group; rule skipped",
        "type = 'regex'\\n"
            + "find = 'a'\\n"
            + "replace = '\\2' | 4 | invalid replace '\\\\2': invalid group reference 2; rule"
            + " skipped",
        "type = 'regex'\\n"
            + "find = '(?P<n>a)'\\n"
            + "replace = '\\g<m>' | 4 | invalid replace '\\\\g<m>': unknown group name 'm'; rule"
            + " skipped",
        "type = 'regex'\\n"
            + "find = 'a'\\n"
            + "replace = '\\q' | 4 | invalid replace '\\\\q': bad escape \\q; rule skipped",
        "type = 'glob'\\n"
            + "find = '[z-a]' | 3 | invalid glob '[z-a]': Illegal character range; rule skipped",
        "type = 'literal_full'\\n"
            + "find = 1 | 3 | find: expected a string, found an integer; rule skipped",
        "type = 'literal_full'\\n"
            + "find = 'a'\\n"
            + "replace = [] | 4 | replace: expected a string, found an array; rule skipped",
      })
  void aBrokenRuleIsSkipped(String body, int line, String warning) throws Exception {
    Config c =
        load(
            "[[id_rewrite]]\n"
                + body.replace("\\n", "\n")
                + "\n[[id_rewrite]]\ntype = \"literal_full\"\nfind = \"a\"\nreplace = \"b\"\n");
    assertEquals(List.of(at(line) + "id_rewrite[0]: " + warning), c.warnings());
    assertEquals(1, c.idRewrites().rules().size());
    assertEquals("b", c.idRewrites().apply("a").orElseThrow().value());
  }

  @Test
  void aBadColourOrUnknownKeyInARuleLeavesTheRule() throws Exception {
    Config c =
        load(
            """
            [[id_rewrite]]
            type = "literal_full"
            find = "a"
            replace = "b"
            fg = 12
            fnd = "x"

            [[id_rewrite]]
            type = "literal_full"
            find = "c"
            fg = "purple-ish"
            """);
    assertEquals(
        List.of(
            at(5) + "id_rewrite[0]: fg: expected a string, found an integer; ignored",
            at(6) + "id_rewrite[0]: unknown key 'fnd'; ignored",
            at(11)
                + "id_rewrite[1]: fg: 'purple-ish' is not a colour (expected "
                + Colour.SPELLINGS
                + "); ignored"),
        c.warnings());
    assertEquals(
        Optional.of(new IdRewrites.Rewritten("b", Optional.empty())), c.idRewrites().apply("a"));
    assertEquals(
        Optional.of(new IdRewrites.Rewritten("", Optional.empty())), c.idRewrites().apply("c"));
  }

  @Test
  void wrongDefaultsAreLeftOutOneByOne() throws Exception {
    Config c =
        load(
            """
            [defaults]
            columns = 1
            sort = "size"
            jobs = 1.5
            dirty_only = "yes"
            net_timeout = "10"
            verbose = true
            color = "never"
            """,
            (key, value) -> key.equals("sort") ? Optional.of("no such field") : Optional.empty());
    assertEquals(
        List.of(
            at(2) + "[defaults]: columns: expected a string, found an integer; ignored",
            at(3) + "[defaults]: sort: no such field; ignored",
            at(4) + "[defaults]: jobs: expected an integer, found a float; ignored",
            at(5)
                + "[defaults]: dirty_only: expected a boolean (true or false), found a string;"
                + " ignored",
            at(6) + "[defaults]: net_timeout: expected a number, found a string; ignored",
            at(7)
                + "[defaults]: unknown key 'verbose' (known: columns, sort, jobs, color,"
                + " table_algo, dirty_only, attention, net_timeout); ignored"),
        c.warnings());
    assertEquals(List.of("color"), List.copyOf(c.defaults().keySet()));
  }

  @Test
  void aFileThatIsNotTomlIsIgnoredWithTheLineOfTheError() throws Exception {
    Config c = load("log_file = \"a.log\"\n\nroots = [\"a\",\n  \"b\"\nlog_level = \"INFO\"\n");
    assertEquals(1, c.warnings().size(), c.warnings().toString());
    assertTrue(c.warnings().get(0).startsWith(at(5) + "not valid TOML: "), c.warnings().get(0));
    assertTrue(c.warnings().get(0).endsWith("; file ignored"), c.warnings().get(0));
    assertEquals(Optional.empty(), c.file());
    assertEquals(Optional.empty(), c.debugLog());
  }

  @Test
  void aDuplicateKeyIsNotToml() throws Exception {
    Config c = load("log_file = \"a\"\nlog_file = \"b\"\n");
    assertEquals(List.of(at(2) + "not valid TOML: Duplicate key; file ignored"), c.warnings());
  }

  @Test
  void aFileThatIsNotUtf8IsIgnored() throws Exception {
    Path file = tmp.resolve("c.toml");
    Files.write(file, "log_file = \"caf\u00e9\"\n".getBytes(StandardCharsets.ISO_8859_1));
    Config c =
        ConfigFile.load(
            Optional.of(file), false, Map.of(), tmp, tmp, ConfigFile.DefaultsCheck.NONE);
    assertEquals(List.of(file + ": not UTF-8 text; file ignored"), c.warnings());
  }

  @Test
  void aFolderOrAnUnreadableFileIsIgnored() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("d.toml"));
    assertEquals(
        List.of(dir + ": not a regular file; file ignored"),
        ConfigFile.load(Optional.of(dir), false, Map.of(), tmp, tmp, ConfigFile.DefaultsCheck.NONE)
            .warnings());
    Path locked = Files.writeString(tmp.resolve("locked.toml"), "log_file = \"x\"\n");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    if (Files.isReadable(locked)) {
      return; // running as root: permissions do not stop reading
    }
    assertEquals(
        List.of(locked + ": cannot read it: permission denied; file ignored"),
        ConfigFile.load(
                Optional.of(locked), false, Map.of(), tmp, tmp, ConfigFile.DefaultsCheck.NONE)
            .warnings());
  }

  @Test
  void aHugeFileIsNotRead() throws Exception {
    Path big = tmp.resolve("c.toml");
    Files.write(big, new byte[ConfigFile.MAX_BYTES + 1]);
    assertEquals(
        List.of(big + ": larger than 1 MiB; file ignored"),
        ConfigFile.load(Optional.of(big), false, Map.of(), tmp, tmp, ConfigFile.DefaultsCheck.NONE)
            .warnings());
  }

  @Test
  void badEnvironmentValuesAreWarningsThatKeepTheFilesValue() throws Exception {
    Path file =
        Files.writeString(
            tmp.resolve("c.toml"),
            "log_file = \"a.log\"\nlog_level = \"ERROR\"\ncolumn_priorities = \"1,1,1,1,1,1\"\n");
    Config c =
        ConfigFile.load(
            Optional.of(file),
            false,
            Map.of("GITO_LOG_LEVEL", "loud", "GITOVERIT_COLUMN_PRIORITIES", "1,2"),
            tmp,
            tmp,
            ConfigFile.DefaultsCheck.NONE);
    assertEquals(
        List.of(
            "$GITO_LOG_LEVEL: unknown level 'loud' (expected DEBUG, INFO, WARNING, ERROR or"
                + " CRITICAL); ignored",
            "$GITOVERIT_COLUMN_PRIORITIES: expected 6 integers, one per default column (dir,"
                + " status, branch, remote, url, mtime), found 2; ignored"),
        c.warnings());
    assertEquals(LogLevel.ERROR, c.debugLog().orElseThrow().level());
    assertEquals(1, c.columnPriorities().get("dir"));
  }

  @Test
  void controlCharactersInAWarningAreEscaped() throws Exception {
    Config c = load("log_level = \"\\u001b[31m\"\n");
    assertEquals(
        List.of(
            at(1)
                + "log_level: unknown level '\\x1b[31m' (expected DEBUG, INFO,"
                + " WARNING, ERROR or CRITICAL); ignored"),
        c.warnings());
  }
}
