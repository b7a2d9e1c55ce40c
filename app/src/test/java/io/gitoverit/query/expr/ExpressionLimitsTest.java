package io.gitoverit.query.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Expressions of any length, and nesting up to {@link Parser#MAX_DEPTH} levels, parse, check and
 * evaluate without running out of stack; deeper nesting is refused with a position, as any other
 * bad expression is.
 */
class ExpressionLimitsTest {
  static final int LIMIT = Parser.MAX_DEPTH;

  static String print(String expr) {
    return ExpressionTest.print(expr);
  }

  static String join(String op, int n, IntFunction<String> term) {
    return IntStream.range(0, n).mapToObj(term).collect(Collectors.joining(" " + op + " "));
  }

  static ExprException refused(String expr) {
    return assertThrows(ExprException.class, () -> Expression.compile(expr));
  }

  /**
   * Runs {@code work} in a thread with half of the JVM's default stack (1 MB on 64-bit Linux, where
   * the CLI runs on the main thread), so that work needing much stack fails here first.
   */
  static void onHalfStack(Runnable work) throws InterruptedException {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t =
        new Thread(
            null,
            () -> {
              try {
                work.run();
              } catch (Throwable e) {
                failure.set(e);
              }
            },
            "half-stack",
            512 * 1024);
    t.start();
    t.join();
    if (failure.get() instanceof Error e) {
      throw e;
    } else if (failure.get() instanceof RuntimeException e) {
      throw e;
    }
  }

  /** Runs of 10,000 operators in half the default stack: no stack is used per operator. */
  @Test
  void runsOfAnyLengthNeedNoStack() throws Exception {
    onHalfStack(
        () -> {
          assertEquals("10000", print(join("+", 10_000, i -> "1")));
          assertEquals("-9998", print(join("-", 10_000, i -> "1")));
          assertEquals("1", print(join("**", 10_000, i -> "1")));
          assertEquals("True", print(join("<", 10_000, String::valueOf)));
          assertEquals("last", print(join("and", 10_000, i -> "1") + " and 'last'"));
          assertEquals("0", print(join("or", 10_000, i -> "''") + " or 0"));
          assertEquals("0", print(join("|", 10_000, i -> "0 & 1 ^ 0 << 2 + 1 * 2 % 3")));
        });
  }

  @Test
  void longRunsOfOneOperatorGivePythonsValues() {
    assertEquals("5000", print(join("+", 5000, i -> "1")));
    assertEquals("-4998", print(join("-", 5000, i -> "1")), "left to right: 1 - 1 - 1 ...");
    assertEquals(String.valueOf(5000L * 4999 / 2), print(join("+", 5000, i -> String.valueOf(i))));
    assertEquals("1", print(join("*", 5000, i -> "1")));
    assertEquals("0.5", print("1 / " + join("*", 3000, i -> "1") + " / 2"));
    assertEquals("0", print(join("^", 5000, i -> "1")), "an even number of 1 ^ 1");
    assertEquals("1", print(join("^", 5001, i -> "1")));
    assertEquals("1", print(join("|", 5000, i -> i == 4999 ? "1" : "0")));
    assertEquals("0", print(join("&", 5000, i -> i == 17 ? "0" : "1")));
    assertEquals("1", print("2 ** 62 " + ">> 1 ".repeat(62)));
    assertEquals("a".repeat(5000), print(join("+", 5000, i -> "'a'")));
    assertEquals("2", print(join("//", 3000, i -> i == 0 ? "2" : "1")));
    assertEquals("1", print(join("%", 3000, i -> i == 0 ? "7" : "3")), "7 % 3 % 3 ...");
  }

  @Test
  void aLongRunMixingPrecedenceLevelsGroupsAsPythonDoes() {
    // 1 + 2 * 3 + 2 * 3 + ... : each product binds first
    assertEquals(String.valueOf(1 + 6 * 2000), print("1" + " + 2 * 3".repeat(2000)));
    // 1 | 2 ^ 3 & 4 << 1 + 1 * 2, repeated: | binds loosest, * tightest
    assertEquals(
        String.valueOf(1 | 2 ^ 3 & 4 << 1 + 1 * 2),
        print("1 | 2 ^ 3 & 4 << 1 + 1 * 2" + " | 2 ^ 3 & 4 << 1 + 1 * 2".repeat(2000)));
    assertEquals("-14", print("2 - 3 * 4 - 2 * 1 ** 5 ** 7 - 2"));
    assertEquals("256", print("2 ** 2 ** 3"), "right to left: 2 ** 8");
    assertEquals("1", print(join("**", 5000, i -> "1")));
    assertEquals("0.5", print("2 ** -1 ** 2"), "2 ** -(1 ** 2)");
  }

  @Test
  void longComparisonAndBooleanChainsGivePythonsValues() {
    assertEquals("True", print(join("<", 5000, String::valueOf)));
    assertEquals("False", print(join("<", 5000, i -> i == 4000 ? "0" : String.valueOf(i))));
    // and returns the first falsy operand or the last one; or the first truthy or the last one;
    // neither evaluates past the operand that decides (1 / 0 would fail)
    assertEquals("last", print(join("and", 5000, i -> "'x'") + " and 'last'"));
    assertEquals("", print(join("and", 5000, i -> i == 4000 ? "''" : "1") + " and 1 / 0"));
    assertEquals("found", print(join("or", 5000, i -> "0") + " or 'found' or 1 / 0"));
    assertEquals("0", print(join("or", 5000, i -> "''") + " or 0"));
    assertEquals("True", print(join("==", 5000, i -> "'a'")));
    assertEquals("True", print(join("or", 2000, i -> join("and", 3, j -> "0")) + " or 1 > 0"));
  }

  @Test
  void longListsAndFStringsNeedNoDepth() {
    assertEquals("5000", print("len([" + join(",", 5000, i -> "1") + "])"));
    assertEquals("x".repeat(3000), print("f'" + "{branch[-1]}".repeat(3000) + "'"));
  }

  /** Each shape at the limit is accepted; one level more is refused, pointing at that level. */
  @ParameterizedTest
  @ValueSource(strings = {"(", "[", "-", "not", "else", "strip", "index", "call", "list"})
  void nestingIsAcceptedUpToTheLimitAndRefusedOneLevelDeeper(String shape) {
    Expression.compile(nested(shape, LIMIT)).print(ExpressionTest.VARS);
    String deeper = nested(shape, LIMIT + 1);
    ExprException e = refused(deeper);
    assertTrue(e.reason().contains("nested too deeply: more than 100 levels"), e.reason());
    assertTrue(e.position() < deeper.length(), e.display());
  }

  /** An expression {@code n} levels deep of one shape. */
  static String nested(String shape, int n) {
    return switch (shape) {
      case "(" -> "(".repeat(n) + "ahead" + ")".repeat(n);
      case "[" -> "[".repeat(n) + "]".repeat(n);
      case "-" -> "-".repeat(n) + "ahead";
      case "not" -> "not ".repeat(n) + "dirty";
      case "else" -> "1 if dirty else ".repeat(n) + "0";
      case "strip" -> "branch" + ".strip()".repeat(n);
      case "index" -> "branch" + "[0]".repeat(n);
      case "call" -> "str(".repeat(n) + "1" + ")".repeat(n);
      case "list" -> "len(" + "[".repeat(n - 1) + "]".repeat(n - 1) + ")";
      default -> throw new IllegalArgumentException(shape);
    };
  }

  @Test
  void theCaretPointsAtTheFirstLevelPastTheLimit() {
    String parens = "(".repeat(500) + "1" + ")".repeat(500);
    ExprException p = refused(parens);
    assertEquals(
        "brackets nested too deeply: more than 100 levels of ( and [ inside one another",
        p.reason());
    assertEquals(LIMIT, p.position(), "the 101st '('");
    String nots = "not ".repeat(10_000) + "1";
    ExprException n = refused(nots);
    assertEquals(LIMIT * 4, n.position(), "the 101st 'not'");
    assertTrue(
        n.reason().startsWith("expression nested too deeply: more than 100 levels"), n.reason());
    ExprException minus = refused("-".repeat(10_000) + "1");
    assertEquals(LIMIT, minus.position(), "the 101st '-'");
    ExprException tilde = refused("~-".repeat(5_000) + "1");
    assertEquals(LIMIT, tilde.position());
    // a run of 150 subscripts: the last is the top of the tree, so the one 101 levels below it
    // is the 49th, whose '[' follows the 48 before it
    String subs = "branch" + "[0]".repeat(150);
    assertEquals("branch".length() + 3 * 48, refused(subs).position());
  }

  /** Operators of different precedence inside one another are levels too; the tree is checked. */
  @Test
  void precedenceLevelsInsideBracketsCountTowardTheLimit() {
    String level = "(0 or 1 and 0 < 1 | 1 ^ 1 & 1 << 1 + 1 * 1 ** %s if 1 else 1)";
    String nine = "1";
    for (int i = 0; i < 9; i++) {
      nine = level.formatted(nine);
    }
    assertEquals("True", print(nine), "9 x 11 = 99 levels");
    String ten = level.formatted(nine);
    assertTrue(refused(ten).reason().startsWith("expression nested too deeply"));
  }

  /** The deepest expressions accepted, of several shapes, need less than half the stack. */
  @Test
  void theDeepestAcceptedExpressionsNeedLessThanHalfTheDefaultStack() throws Exception {
    List<String> deepest = new ArrayList<>();
    for (String shape : List.of("(", "[", "-", "not", "else", "strip", "index", "call", "list")) {
      deepest.add(nested(shape, LIMIT));
    }
    deepest.add("-(".repeat(LIMIT) + "1" + ")".repeat(LIMIT));
    deepest.add("not (".repeat(LIMIT / 2) + "dirty" + ")".repeat(LIMIT / 2));
    String level = "(0 or 1 and 0 < 1 | 1 ^ 1 & 1 << 1 + 1 * 1 ** %s if 1 else 1)";
    String mixed = "1";
    for (int i = 0; i < 9; i++) {
      mixed = level.formatted(mixed);
    }
    deepest.add("(".repeat(LIMIT - 9) + mixed + ")".repeat(LIMIT - 9));
    List<String> values = Collections.synchronizedList(new ArrayList<>());
    onHalfStack(
        () -> {
          for (String expr : deepest) {
            values.add(Expression.compile(expr).print(ExpressionTest.VARS));
          }
        });
    assertEquals(deepest.size(), values.size());
  }

  @Test
  void longNumbersAreReadWithoutRecursion() {
    assertEquals("integer literal too large", refused("1".repeat(100_000)).reason());
    assertEquals("integer literal too large", refused("1_".repeat(50_000) + "1").reason());
    assertEquals("integer literal too large", refused("0x" + "f".repeat(100_000)).reason());
    assertEquals("1", print("0x" + "0".repeat(100_000) + "1"));
    assertEquals("0.1", print("0." + "0".repeat(50_000) + "1e50000"));
    assertEquals("inf", print("float('1' * 99999)"));
    assertEquals("3.5", print("float('" + "0".repeat(50_000) + "3_5e-1')"));
    assertTrue(
        ExpressionTest.failure("int('1_' * 49999 + '1')").reason().startsWith("OverflowError"));
    assertEquals("7", print("int('" + "0_".repeat(2000) + "7')"), "Python reads up to 4300 digits");
  }

  /**
   * java.util.regex recurses once per repetition of a group: on a long text a pattern such as
   * (a|b)*c fails with a reason instead of ending the JVM.
   */
  @Test
  void aRegexThatExhaustsTheStackIsAnErrorNotACrash() {
    ExprException e = ExpressionTest.failure("rx('ab' * 49999, '(a|b)*c')");
    assertTrue(
        e.reason().startsWith("RecursionError: the pattern '(a|b)*c' repeats a group"), e.reason());
    assertEquals("True", print("rx('ab' * 49999, '[ab]*$')"), "no group repeated: no recursion");
  }

  @Test
  void theReferenceStatesTheLimit() {
    assertTrue(WhereHelp.text().contains("Brackets nest at most " + LIMIT + " deep"));
  }
}
