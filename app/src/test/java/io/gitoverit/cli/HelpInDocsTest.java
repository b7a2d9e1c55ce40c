package io.gitoverit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/usage.md quotes {@code gitoverit --help}; the quote must be what the program prints. */
class HelpInDocsTest {

  @Test
  void usagePageQuotesTheCurrentHelp() throws Exception {
    Path page = Path.of(System.getProperty("basedir", "."), "..", "docs", "usage.md");
    String doc = Files.readString(page, StandardCharsets.UTF_8);
    int start = doc.indexOf("```text\nUsage: gitoverit ");
    assertTrue(start >= 0, "docs/usage.md has no ```text block starting with the usage line");
    start += "```text\n".length();
    int end = doc.indexOf("\n```", start);
    String quoted = doc.substring(start, end);

    StringWriter out = new StringWriter();
    int exit = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "--help");
    assertEquals(0, exit);
    assertEquals(
        out.toString().replace("\r\n", "\n").stripTrailing(),
        quoted.stripTrailing(),
        "docs/usage.md's --help block is stale: paste the output of `gitoverit --help`");
  }
}
