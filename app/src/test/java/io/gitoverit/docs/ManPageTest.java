package io.gitoverit.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The roff the man page generator writes for a small command and a little markup. */
class ManPageTest {

  @Command(
      name = "demo",
      description = "Show the demo.",
      exitCodeList = {"0:fine", "2:bad"})
  static final class Demo {
    @Option(
        names = {"-n", "--count"},
        paramLabel = "N",
        description = "How many (default: 1).")
    int count;

    @Option(names = "--dry-run", description = "Change nothing.")
    boolean dryRun;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to read.")
    List<String> files;
  }

  private static String roff(String markup, Map<String, String> blocks) {
    return ManPage.roff(
        new CommandLine(new Demo()).getCommandSpec(),
        new ProgramDocs(List.of("dm"), "1.2-SNAPSHOT", markup, blocks));
  }

  @Test
  void nameAndSynopsisComeFromTheCommand() {
    String r = roff("", Map.of());
    assertTrue(r.contains(".TH \"DEMO\" 1 \"\" \"demo 1.2\\-SNAPSHOT\" \"User Commands\"\n"), r);
    assertTrue(r.contains(".SH NAME\ndemo, dm \\- show the demo\n"), r);
    assertTrue(r.contains(".SH SYNOPSIS\n.B demo\n[\\fIOPTION\\fR]... \\fIFILE\\fR...\n"), r);
  }

  @Test
  void optionsAndExitCodesAreIncludedWhereTheMarkupSays() {
    String r = roff("== OPTIONS\n@options\n== EXIT STATUS\n@exit-codes\n", Map.of());
    assertTrue(
        r.contains(
            ".SH OPTIONS\n.TP\n\\fIFILE\\fR...\nFiles to read.\n"
                + ".TP\n\\fB\\-n\\fR, \\fB\\-\\-count\\fR=\\fIN\\fR\nHow many (default: 1).\n"
                + ".TP\n\\fB\\-\\-dry\\-run\\fR\nChange nothing.\n"),
        r);
    assertTrue(r.contains(".SH EXIT STATUS\n.TP\n.B 0\nfine\n.TP\n.B 2\nbad\n"), r);
  }

  @Test
  void markupBecomesParagraphsTermsAndExamples() {
    String r =
        roff(
            """
            == FILES
            A paragraph
            on two lines.

            : `~/.demo`
            the file's place
            === More
                demo -n 3 'x'
                .hidden
            @block
            """,
            Map.of("block", "  pre\\formatted\n"));
    assertTrue(
        r.contains(
            ".SH FILES\n.PP\nA paragraph\non two lines.\n"
                + ".TP\n\\fB\\(ti/.demo\\fR\nthe file\\(aqs place\n"
                + ".SS More\n.PP\n.RS 4\n.nf\ndemo \\-n 3 \\(aqx\\(aq\n\\&.hidden\n.fi\n.RE\n"
                + ".PP\n.nf\n  pre\\eformatted\n.fi\n"),
        r);
  }

  @Test
  void textNeverBecomesARequestAndNonAsciiIsEscaped() {
    assertEquals("\\&.TH x", ManPage.escape(".TH x"));
    assertEquals("\\(aqquoted\\(aq", ManPage.escape("'quoted'"));
    assertEquals(
        "2\\[u2191] 1\\[u2193] \\[u1F600]", ManPage.escape("2\u2191 1\u2193 \uD83D\uDE00"));
    assertEquals("a b", ManPage.escape("a\nb"));
  }

  @Test
  void anUnknownBlockIsAnError() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> roff("@nope\n", Map.of()));
    assertTrue(e.getMessage().contains("@nope"), e.getMessage());
  }
}
