package io.gitoverit.query.expr;

import java.util.Map;

/** Whose variables an expression reads: a repository's (gitoverit) or a branch's (gitob). */
public enum Vocabulary {
  REPOSITORY(Types.VARIABLES),
  BRANCH(Types.BRANCH_VARIABLES);

  private final Map<String, Types.T> variables;

  Vocabulary(Map<String, Types.T> variables) {
    this.variables = variables;
  }

  Map<String, Types.T> variables() {
    return variables;
  }
}
