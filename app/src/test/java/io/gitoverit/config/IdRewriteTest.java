package io.gitoverit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.gitoverit.render.json.Python;
import io.gitoverit.report.Colour;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The four rule types against what Python's {@code ==}, {@code str.replace}, {@code
 * fnmatch.fnmatchcase} and {@code re.search}/{@code re.sub} give (upstream's semantics): the
 * expected values were printed by python3, and are checked against it again when it is here.
 */
class IdRewriteTest {
  /** A rule, a value, and what Python makes of it ({@code null}: the rule does not match). */
  record Case(String type, String find, String replace, String value, String python) {}

  static final List<Case> CASES =
      List.of(
          new Case("literal_full", "A <a@x>", "me", "A <a@x>", "me"),
          new Case("literal_full", "A", "me", "A <a@x>", null),
          new Case("literal_substring", "@x", "@corp", "a@x b@x", "a@corp b@corp"),
          new Case("literal_substring", "", "z", "abc", null),
          new Case("literal_substring", "q", "z", "abc", null),
          new Case("glob", "*@example.com>", "work", "Ann <ann@example.com>", "work"),
          new Case("glob", "A?n*", "x", "Ann <a>", "x"),
          new Case("glob", "[AB]*", "x", "Bob", "x"),
          new Case("glob", "[!AB]*", "x", "Bob", null),
          new Case("glob", "a.b", "x", "axb", null),
          new Case("glob", "[abc", "x", "[abc", "x"),
          new Case("glob", "*/*", "x", "a/b", "x"),
          new Case("glob", "ann*", "x", "Ann", null),
          new Case("glob", "[]]x", "y", "]x", "y"),
          new Case("glob", "a+(b)|c$", "y", "a+(b)|c$", "y"),
          new Case("glob", "*", "y", "line\nbreak", "y"),
          new Case("glob", "[a-c]?", "y", "b\u00e9", "y"),
          new Case("regex", "(\\w+) <(.*)>", "\\2 (\\1)", "Ann <ann@x>", "ann@x (Ann)"),
          new Case("regex", "(?P<user>[^<]+) <", "\\g<user>: ", "Ann <a@x>", "Ann: a@x>"),
          new Case("regex", "x", "y", "abc", null),
          new Case("regex", "a", "\\g<0>\\g<0>", "banana", "baanaanaa"),
          new Case("regex", "(a)|(b)", "[\\2]", "ab", "[][b]"),
          new Case("regex", "b", "$1\\n", "abc", "a$1\nc"),
          new Case("regex", "^", ">", "x", ">x"),
          new Case("regex", "\\d+", "#", "a1b22", "a#b#"),
          new Case("regex", "\u00e9", "e", "caf\u00e9", "cafe"),
          new Case("regex", "\\w+$", "X", "Ann Sm\u00eft", "Ann X"),
          new Case("regex", "a", "\\101\\0", "a", "A\u0000"),
          new Case("regex", "(?i)ann", "X", "ANN", "X"),
          new Case("regex", "x*", "-", "abxd", "-a-b--d-"),
          new Case("regex", "(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)", "\\11\\1", "abcdefghijk", "ka"),
          new Case("regex", "<.*>\\Z", "", "A <a@x>", "A "));

  @Test
  void eachRuleDoesWhatPythonDoes() {
    for (Case c : CASES) {
      IdRewrite rule =
          IdRewrite.of(
              IdRewrite.Type.byId(c.type()).orElseThrow(), c.find(), c.replace(), Optional.empty());
      assertEquals(Optional.ofNullable(c.python()), rule.apply(c.value()), c.toString());
    }
  }

  @Test
  void theExpectedValuesAreWhatPython3Prints() throws Exception {
    assumeTrue(Python.available(), "python3 not on PATH");
    JsonFactory json = new JsonFactory();
    StringWriter input = new StringWriter();
    for (Case c : CASES) {
      try (JsonGenerator g = json.createGenerator(input)) {
        g.writeStartArray();
        for (String s : List.of(c.type(), c.find(), c.replace(), c.value())) {
          g.writeString(s);
        }
        g.writeEndArray();
      }
      input.write('\n');
    }
    String script =
        String.join(
            "\n",
            "import fnmatch, json, re, sys",
            "for line in sys.stdin:",
            "    t, find, rep, v = json.loads(line)",
            "    if t == 'literal_full':",
            "        r = rep if v == find else None",
            "    elif t == 'literal_substring':",
            "        r = v.replace(find, rep) if find and find in v else None",
            "    elif t == 'glob':",
            "        r = rep if fnmatch.fnmatchcase(v, find) else None",
            "    else:",
            "        r = re.sub(find, rep, v) if re.search(find, v) else None",
            "    print(json.dumps(r))");
    List<String> python = new ArrayList<>();
    for (String line : Python.run(script, input.toString()).lines().toList()) {
      try (JsonParser p = json.createParser(line)) {
        python.add(p.nextToken() == JsonToken.VALUE_NULL ? null : p.getText());
      }
    }
    assertEquals(CASES.stream().map(Case::python).toList(), python);
  }

  @Test
  void theFirstMatchingRuleWinsAndItsColourOrTheDefault() {
    IdRewrites rules =
        new IdRewrites(
            List.of(
                IdRewrite.of(IdRewrite.Type.LITERAL_SUBSTRING, "a", "b", Optional.empty()),
                IdRewrite.of(
                    IdRewrite.Type.LITERAL_FULL, "b", "c", Optional.of(new Colour.Indexed(2))),
                IdRewrite.of(IdRewrite.Type.GLOB, "*", "d", Optional.of(new Colour.Indexed(3)))),
            Optional.of(new Colour.Indexed(9)));
    assertEquals(
        Optional.of(new IdRewrites.Rewritten("b", Optional.of(new Colour.Indexed(9)))),
        rules.apply("a"),
        "the rewritten value is not fed to the next rule");
    assertEquals(
        Optional.of(new IdRewrites.Rewritten("c", Optional.of(new Colour.Indexed(2)))),
        rules.apply("b"));
    assertEquals(
        Optional.of(new IdRewrites.Rewritten("d", Optional.of(new Colour.Indexed(3)))),
        rules.apply("x"));
    assertEquals(Optional.empty(), IdRewrites.NONE.apply("x"));
  }
}
