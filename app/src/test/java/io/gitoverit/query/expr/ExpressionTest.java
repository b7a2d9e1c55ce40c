package io.gitoverit.query.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing, precedence, checking and error positions of expressions. */
class ExpressionTest {
  static final Bindings VARS = Bindings.of(SimpleevalParityTest.VARS);

  static String print(String expr) {
    return Expression.compile(expr).print(VARS);
  }

  static ExprException failure(String expr) {
    return assertThrows(ExprException.class, () -> Expression.compile(expr).evaluate(VARS));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "1 + 2 * 3 | 7",
        "(1 + 2) * 3 | 9",
        "-2 ** 2 | -4",
        "2 ** 3 ** 2 | 512",
        "10 - 4 - 3 | 3",
        "not ahead == 0 | True",
        "not dirty or ahead > 0 | True",
        "False and False or True | True",
        "True or False and False | True",
        "not not 0 | False",
        "1 < ahead + 1 < 3 | True",
        "0 < ahead < 1 | False",
        "'a' if dirty else 'b' if ahead else 'c' | a",
        "dirty and 'yes' or 'no' | yes",
        "'x' not in branch and 1 | False",
        "\"it's\" + 'q' | it'sq",
        "'tab\\there' | tab\there",
        "r'\\d' + '\\d' | \\d\\d",
        "'\\x41\\u00e9' | Aé",
        "1_000_000 | 1000000",
        ".5 + 1. | 1.5",
        "1e3 | 1000.0",
        "1742500000 < mtime | True",
        "branch in ['main', 'feature/x'] | True",
        "'feat' in'feature/x' | True",
        "R'\\w' + u'x' | \\wx",
        "path.split('/')[1:3] | ['home', 'u']",
        "(branch,) | ('feature/x',)",
        "ident.rxi('ALICE EX') and ident.rx('^Alice') | True",
        "branch.rx('(?P<kind>\\w+)/(?P=kind)?x') | True",
      })
  void pythonPrecedenceAndValues(String expr, String expected) {
    assertEquals(expected, print(expr));
  }

  @Test
  void printsAsPythonsStr() {
    Bindings b =
        Bindings.of(
            Map.of(
                "mtime",
                1700000000.5,
                "dirty",
                false,
                "ahead",
                3L,
                "ident",
                "",
                "latest_mtime",
                0.0));
    assertEquals("1700000000.5", Expression.compile("mtime").print(b));
    assertEquals("0.0", Expression.compile("latest_mtime").print(b));
    assertEquals("False", Expression.compile("dirty").print(b));
    assertEquals("3", Expression.compile("ahead").print(b));
    assertEquals("", Expression.compile("ident").print(b));
    assertEquals("None", Expression.compile("None").print(b));
    assertEquals("1e+16", Expression.compile("1e16").print(b));
    assertEquals("inf", Expression.compile("float('inf')").print(b));
  }

  @Test
  void reportsTheNamesItReads() {
    Expression e =
        Expression.compile("dirty and mtime > 0 or rx(branch, 'x') or path.startswith(dir)");
    assertEquals(Set.of("dirty", "mtime", "branch", "path", "dir"), e.names());
    assertTrue(e.needsMtime());
    assertEquals(List.of("dirty", "mtime"), e.worktreeVariables());
    assertFalse(Expression.compile("branch == 'main'").needsMtime());
    assertTrue(Expression.compile("latest_mtime").needsMtime());
  }

  /** Each bad expression: the reason, and the column (in code points) the caret points at. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "(dirty or ahead > 0 | 19 | expected ')', found end of expression",
        "branch == | 9 | unexpected end of expression",
        "branch = 'main' | 7 | '=' assigns, which expressions cannot do; use '==' to compare",
        "dirty && ahead | 6 | '&&' is not an operator here; use 'and'",
        "!dirty | 0 | '!' is not an operator here; use 'not'",
        "branch == 'main | 10 | unterminated string literal",
        "dirty ahead | 6 | unexpected name 'ahead' after a complete expression",
        "brnch == 'main' | 0 | unknown name 'brnch' (did you mean 'branch'?); variables: path, dir,"
            + " status, branch, remote, url, ident, mtime, latest_mtime, ahead, behind, modified,"
            + " untracked, deleted, dirty, warnings",
        "branch > 3 | 7 | '>' not supported between 'str' and 'int'",
        "ahead + ' commits' | 6 | unsupported operand type(s) for +: 'int' and 'str'",
        "ahead in branch | 6 | 'in <string>' requires a string on the left, not 'int'",
        "ahead.startswith('1') | 6 | 'startswith' is a string method, and this is 'int'",
        "branch.format() | 7 | 'format' is not a method expressions can call; string methods:",
        "branch.upper | 7 | only method calls are allowed after '.'",
        "branch.rx('(') | 10 | invalid regular expression '(':",
        "open('/etc/passwd') | 0 | unknown function 'open'; functions: rx(text, pattern)",
        "rx(branch) | 0 | rx() takes 2 arguments, got 1",
        "lambda: 1 | 0 | 'lambda' is not supported in expressions",
        "`branch | 1` | 7 | unsupported operand type(s) for |: 'str' and 'int'",
        "`~mtime` | 0 | bad operand type for unary ~: 'float'",
        "`a @ b` | 2 | '@' is not supported",
        "`f'a}b'` | 3 | f-string: single '}' is not allowed",
        "`f'{ahead} {}'` | 10 | f-string: empty expression not allowed",
        "`f'{branch!x}'` | 9 | f-string: invalid conversion character",
        "`f'{brnch}'` | 3 | unknown name 'brnch' (did you mean 'branch'?)",
        "`f'{branch + 1}'` | 10 | unsupported operand type(s) for +: 'str' and 'int'",
        "`f'{branch:{ahead:{1}}}'` | 16 | f-string: expressions nested too deeply",
        "012 | 0 | leading zeros in decimal integer literals are not permitted",
        "ahead is 1 | 6 | 'is' compares identity, only with None, True or False",
        "'' | -1 | ",
        "`  ` | 0 | empty expression",
      })
  void badExpressionsFailBeforeTheScanWithAPosition(String expr, int column, String reason) {
    if (column < 0) {
      assertEquals("", print(expr), "an empty string literal is fine");
      return;
    }
    ExprException e = assertThrows(ExprException.class, () -> Expression.compile(expr));
    assertTrue(e.reason().startsWith(reason), e.reason());
    assertEquals(column, expr.codePointCount(0, e.position()), e.display());
  }

  @Test
  void displayPutsACaretUnderThePosition() {
    ExprException e =
        assertThrows(
            ExprException.class, () -> Expression.compile("dirty and (branch != \"main\""));
    assertEquals(
        "expected ')', found end of expression\n"
            + "  dirty and (branch != \"main\"\n"
            + "                             ^",
        e.display());
  }

  /** simpleeval refuses a joined f-string past 100,000 characters; a width that big is refused. */
  @Test
  void anFStringCannotGrowPastTheStringLimit() {
    assertEquals(
        "the result would be longer than 100000 characters",
        failure("f'{branch:200000}'").reason());
    assertEquals(
        "the result would be longer than 100000 characters",
        failure("f'{branch * 10000}{branch * 10000}'").reason());
    assertEquals(99_999, print("f'{branch:99999}'").length());
  }

  @Test
  void valuesKnownOnlyPerRepositoryFailWhenEvaluated() {
    assertEquals("ZeroDivisionError: division by zero", failure("ahead / behind").reason());
    assertEquals(
        "ValueError: invalid literal for int() with base 10: 'feature/x'",
        failure("int(branch) > 0").reason());
    assertEquals("IndexError: string index out of range", failure("dir[20]").reason());
    assertTrue(failure("'x' * 100001").reason().contains("longer than 100000"));
    assertTrue(failure("(dirty and 'x') > 1").reason().startsWith("TypeError: '>' not supported"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "path.__class__()",
        "branch._x()",
        "__import__('os')",
        "getattr(path, 'x')",
        "eval('1')",
        "exec('1')",
        "compile('1')",
        "globals()",
        "type(path)",
        "System.exit(1)",
        "java.lang.Runtime.getRuntime()",
        "path.getClass()",
        "branch.format_map()",
        "branch.encode()",
        "\"\".join.__self__",
        "[c for c in path]",
        "{'a': 1}",
        "x := 1",
        "path.split('/').pop()",
        "(1).bit_length()",
        "ahead.real",
        "rand()",
        "randint(3)",
      })
  void nothingBeyondTheVariablesFunctionsAndStringMethodsIsReachable(String expr) {
    assertThrows(ExprException.class, () -> Expression.compile(expr));
  }

  @Test
  void theReferenceListsEveryVariableAndItsExamplesCompile() {
    String text = WhereHelp.text();
    for (String v : Types.VARIABLES.keySet()) {
      assertTrue(text.contains(v), v);
    }
    for (WhereHelp.Example ex : WhereHelp.EXAMPLES) {
      assertTrue(text.contains("'" + ex.expression() + "'"), ex.expression());
      Expression.compile(ex.expression());
    }
  }
}
