package io.gitoverit.query.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every expression in simpleeval-oracle.tsv gives what upstream's evaluator gave. The file was
 * produced by simpleeval 1.0.3 (upstream's pinned version) with upstream's bindings class and
 * rx/rxi functions, over the variables in {@link #VARS}: {@code expr TAB = TAB str(value) TAB type}
 * or {@code expr TAB ! TAB error}. The f-string lines at the end (format specs, conversions, {@code
 * {x=}}, nested specs, their errors) and the str methods after them (zfill, partition, center,
 * rsplit, splitlines, ...) and the bitwise operators came from simpleeval 1.0.8 on Python 3.11 the
 * same way.
 */
class SimpleevalParityTest {
  static final Map<String, Object> VARS = new LinkedHashMap<>();

  static {
    VARS.put("path", "/home/u/work/app");
    VARS.put("dir", "work/app");
    VARS.put("status", "2m (+3/-1) 1u 1\u2191");
    VARS.put("branch", "feature/x");
    VARS.put("remote", "origin/feature/x");
    VARS.put("url", "myorg/app");
    VARS.put("ident", "Alice Example <alice@example.com>");
    VARS.put("mtime", 1742600000.25);
    VARS.put("latest_mtime", 1742600000.25);
    VARS.put("dirty", true);
    VARS.put("ahead", 1L);
    VARS.put("behind", 0L);
    VARS.put("modified", 2L);
    VARS.put("untracked", 1L);
    VARS.put("deleted", 0L);
  }

  /** Where we knowingly go further than simpleeval: len() and tuple literals. */
  static final Map<String, String> EXTENSIONS =
      Map.of(
          "len(path)", "16",
          "branch in (\"main\", \"feature/x\")", "True",
          "url.endswith((\"app\", \"lib\"))", "True");

  static Stream<Arguments> oracle() throws IOException {
    try (InputStream in = SimpleevalParityTest.class.getResourceAsStream("simpleeval-oracle.tsv")) {
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      return lines.stream()
          .map(l -> l.split("\t", -1))
          .map(f -> Arguments.of(f[0], f[1], f[2], f.length > 3 ? f[3] : ""));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oracle")
  void sameValueOrAnErrorAsSimpleeval(String expr, String kind, String value, String type) {
    Bindings vars = Bindings.of(VARS);
    if (EXTENSIONS.containsKey(expr)) {
      assertEquals(EXTENSIONS.get(expr), Expression.compile(expr).print(vars));
    } else if (kind.equals("!")) {
      assertThrows(ExprException.class, () -> Expression.compile(expr).evaluate(vars), value);
    } else {
      Object v = Expression.compile(expr).evaluate(vars);
      assertEquals(value, Py.str(v), expr);
      assertEquals(type.equals("_RxStr") ? "str" : type, Py.typeName(v), expr);
    }
  }
}
