package io.gitoverit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.gitoverit.testing.GitFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository whose own config names the filter of a stat-dirty file, scanned from the command
 * line with the production engines: its row keeps branch, upstream and ahead, JSON names the file
 * in {@code warnings}, the table marks the row {@code ~}, and the filter never runs.
 */
class FilterWarningsCommandTest {
  static final String WARNING = "a.bin: filter \"x\" not run (configured by the repository)";

  @TempDir Path tmp;
  GitFixture git;
  Path fleet;
  Path marker;

  @BeforeEach
  void setUp() throws Exception {
    tmp = tmp.toRealPath();
    git = new GitFixture(tmp);
    fleet = Files.createDirectories(tmp.resolve("fleet"));
    marker = tmp.resolve("PWNED-marker");
    Path remote = Files.createDirectories(tmp.resolve("remote.git"));
    git.git(remote, "init", "-q", "--bare", "-b", "main");
    Path filtered =
        git.repoWithCommit(
            fleet.resolve("filtered"), ".gitattributes", "*.bin filter=x\n", "a.bin", "hello\n");
    git.git(filtered, "remote", "add", "origin", remote.toString());
    git.git(filtered, "push", "-q", "--set-upstream", "origin", "main");
    GitFixture.write(filtered, "more.txt", "more\n");
    git.commitAll(filtered, "one ahead");
    git.git(filtered, "config", "filter.x.clean", "touch '" + marker + "'; cat");
    Files.setLastModifiedTime(filtered.resolve("a.bin"), FileTime.fromMillis(1_000_000_000_000L));
    git.repoWithCommit(fleet.resolve("plain"), "p.txt", "p\n");
  }

  CliRun run(String... args) {
    return new RealWiring(tmp).run(args);
  }

  @Test
  void jsonKeepsTheRowAndNamesTheFileInWarnings() throws Exception {
    CliRun r = run("--format", "json", "--no-progress", "-s", "dir", fleet.toString());
    assertEquals(0, r.exit(), r.err());
    Map<String, Map<String, Object>> rows = rows(r.out());
    Map<String, Object> filtered = rows.get("filtered");
    assertEquals(List.of(WARNING), filtered.get("warnings"));
    assertEquals("main", filtered.get("branch"));
    assertEquals("origin/main", filtered.get("remote"));
    assertEquals(1L, filtered.get("ahead"));
    assertEquals("1\u2191", filtered.get("status"));
    assertEquals(false, filtered.get("dirty"));
    assertFalse(filtered.containsKey("error"));
    assertFalse(rows.get("plain").containsKey("warnings"), "only rows with warnings have the key");
    assertTrue(r.err().contains("a count may differ from git's in 1 repository"), r.err());
    assertFalse(Files.exists(marker), "the repository's filter must not run");
  }

  @Test
  void theTableMarksTheRowAndErrorsNamesTheFile() {
    CliRun r =
        run(
            "--no-progress",
            "--errors",
            "-c",
            "-,dir,status,branch",
            "-s",
            "dir",
            fleet.toString());
    assertEquals(0, r.exit(), r.err());
    String row =
        r.out().lines().filter(l -> l.startsWith("fleet/filtered")).findFirst().orElseThrow();
    assertTrue(row.matches("fleet/filtered +1\u2191 ~ +main"), row);
    assertTrue(r.out().contains("  ~ uncertain: "), r.out());
    assertTrue(r.err().lines().anyMatch(l -> l.equals("fleet/filtered: " + WARNING)), r.err());
    assertFalse(Files.exists(marker), "the repository's filter must not run");
  }

  @Test
  void expressionsSeeTheWarningsAsAList() {
    CliRun selected =
        run("--no-progress", "-s", "dir", "-w", "warnings", "-p", "dir", fleet.toString());
    assertEquals("fleet/filtered\n", selected.out(), selected.err());
    CliRun printed = run("--no-progress", "-s", "dir", "-p", "len(warnings)", fleet.toString());
    assertEquals("1\n0\n", printed.out(), printed.err());
    CliRun text =
        run("--no-progress", "-s", "dir", "-w", "warnings", "-p", "warnings[0]", fleet.toString());
    assertEquals(WARNING + "\n", text.out(), text.err());
  }

  /** The JSON rows by their folder name; strings, numbers, booleans, null and string lists. */
  static Map<String, Map<String, Object>> rows(String json) throws IOException {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    try (JsonParser p = new JsonFactory().createParser(json)) {
      assertEquals(JsonToken.START_ARRAY, p.nextToken());
      while (p.nextToken() == JsonToken.START_OBJECT) {
        Map<String, Object> row = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken t = p.nextToken();
          Object value;
          if (t == JsonToken.START_ARRAY) {
            List<String> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
              items.add(p.getText());
            }
            value = items;
          } else {
            value =
                switch (t) {
                  case VALUE_NULL -> null;
                  case VALUE_TRUE, VALUE_FALSE -> p.getBooleanValue();
                  case VALUE_NUMBER_INT -> p.getLongValue();
                  case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                  default -> p.getText();
                };
          }
          row.put(name, value);
        }
        String path = (String) row.get("path");
        out.put(path.substring(path.lastIndexOf('/') + 1), row);
      }
    }
    return out;
  }
}
