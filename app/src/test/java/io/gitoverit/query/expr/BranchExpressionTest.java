package io.gitoverit.query.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.report.BranchReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Expressions over gitob's branch variables: checked against them, bound as upstream binds. */
class BranchExpressionTest {
  private static final BranchReport TOPIC =
      new BranchReport(
          Path.of("/src/repo"),
          "feature/x",
          "0123456789ab",
          "origin/feature/x",
          true,
          false,
          2,
          1,
          false,
          Optional.of(Path.of("/src/wt")),
          "wt",
          "Ann <ann@x>",
          Optional.empty(),
          1_700_000_000L,
          "Add x",
          Optional.empty(),
          Optional.of("origin"),
          Optional.empty());

  private static Object eval(String source) {
    return Expression.compile(source, Vocabulary.BRANCH).evaluate(Bindings.of(TOPIC));
  }

  @Test
  void everyVariableHasUpstreamsValueAndType() {
    assertEquals("/src/repo", eval("repo"));
    assertEquals("/src/repo", eval("path"));
    assertEquals("feature/x", eval("branch"));
    assertEquals("0123456789ab", eval("head"));
    assertEquals("origin/feature/x", eval("upstream"));
    assertEquals("2\u2191 1\u2193", eval("status"));
    assertEquals("wt", eval("worktree"));
    assertEquals("/src/wt", eval("worktree_path"));
    assertEquals("Ann <ann@x>", eval("author"));
    assertEquals("Add x", eval("subject"));
    assertEquals(2L, eval("ahead"));
    assertEquals(1L, eval("behind"));
    assertEquals(0L, eval("modified + untracked + deleted"));
    assertEquals(1_700_000_000L, eval("date"));
    assertEquals(Boolean.FALSE, eval("current"));
    assertEquals(Boolean.FALSE, eval("gone"));
    assertEquals(Boolean.FALSE, eval("dirty"));
    assertEquals(Boolean.TRUE, eval("has_upstream"));
    assertTrue(
        Expression.compile("branch.rx('^feature/') and ahead > behind", Vocabulary.BRANCH)
            .test(Bindings.of(TOPIC)));
  }

  @Test
  void eachProgramChecksAgainstItsOwnVariables() {
    ExprException e =
        assertThrows(
            ExprException.class, () -> Expression.compile("remote == '-'", Vocabulary.BRANCH));
    assertTrue(e.getMessage().contains("unknown name 'remote'"), e.getMessage());
    assertTrue(
        e.getMessage().contains("has_upstream"), "lists gitob's variables: " + e.getMessage());
    assertThrows(ExprException.class, () -> Expression.compile("gone"));
    assertThrows(ExprException.class, () -> Expression.compile("dir", Vocabulary.BRANCH));
    // Types are gitob's: date is a number, current a truth value.
    assertThrows(
        ExprException.class, () -> Expression.compile("date.startswith('1')", Vocabulary.BRANCH));
    assertFalse(Expression.compile("current", Vocabulary.BRANCH).names().isEmpty());
  }

  @Test
  void aFailureNamesTheBranch() {
    Expression e = Expression.compile("int(subject)", Vocabulary.BRANCH);
    ExprException x =
        assertThrows(
            ExprException.class,
            () -> e.filter(List.of(TOPIC), Bindings::of, b -> "branch " + b.branch()));
    assertTrue(x.getMessage().contains("(branch feature/x)"), x.getMessage());
  }
}
