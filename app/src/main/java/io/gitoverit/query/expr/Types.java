package io.gitoverit.query.expr;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The static types the checker tracks, and the variables and functions with theirs. */
final class Types {
  private Types() {}

  /**
   * A value's type; a static type is a set of these (an {@code and}/{@code or} may give several).
   */
  enum T {
    STR("str"),
    INT("int"),
    FLOAT("float"),
    BOOL("bool"),
    NONE("NoneType"),
    SEQ("tuple");

    final String python;

    T(String python) {
      this.python = python;
    }
  }

  static final Set<T> NUMBERS = EnumSet.of(T.INT, T.FLOAT, T.BOOL);

  /** Every variable and its type, in upstream's order of documentation. */
  static final Map<String, T> VARIABLES = variables();

  /** The functions an expression may call: name to result type. */
  static final Map<String, T> FUNCTIONS =
      Map.of(
          "rx", T.BOOL, "rxi", T.BOOL, "int", T.INT, "float", T.FLOAT, "str", T.STR, "len", T.INT);

  /** gitob's variables, one branch each, in upstream's order of documentation. */
  static final Map<String, T> BRANCH_VARIABLES = branchVariables();

  private static Map<String, T> branchVariables() {
    Map<String, T> m = new LinkedHashMap<>();
    for (String s :
        new String[] {
          "repo",
          "path",
          "branch",
          "head",
          "upstream",
          "status",
          "worktree",
          "worktree_path",
          "author",
          "subject"
        }) {
      m.put(s, T.STR);
    }
    for (String s : new String[] {"ahead", "behind", "modified", "untracked", "deleted", "date"}) {
      m.put(s, T.INT);
    }
    for (String s : new String[] {"current", "gone", "has_upstream", "dirty"}) {
      m.put(s, T.BOOL);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  private static Map<String, T> variables() {
    Map<String, T> m = new LinkedHashMap<>();
    for (String s : new String[] {"path", "dir", "status", "branch", "remote", "url", "ident"}) {
      m.put(s, T.STR);
    }
    m.put("mtime", T.FLOAT);
    m.put("latest_mtime", T.FLOAT);
    for (String s : new String[] {"ahead", "behind", "modified", "untracked", "deleted"}) {
      m.put(s, T.INT);
    }
    m.put("dirty", T.BOOL);
    m.put("warnings", T.SEQ); // not upstream's: a list of strings
    // Not upstream's either: what else needs a human.
    m.put("stashes", T.INT);
    m.put("upstream_gone", T.BOOL);
    m.put("operation", T.STR);
    m.put("conflicts", T.INT);
    m.put("unborn", T.BOOL);
    m.put("commit_date", T.FLOAT);
    m.put("commit_subject", T.STR);
    m.put("branches_unpushed", T.INT);
    m.put("branches_no_upstream", T.INT);
    m.put("branches_gone", T.INT);
    return java.util.Collections.unmodifiableMap(m);
  }

  static T of(Object value) {
    if (value instanceof String) {
      return T.STR;
    } else if (value instanceof Boolean) {
      return T.BOOL;
    } else if (value instanceof Long) {
      return T.INT;
    } else if (value instanceof Double) {
      return T.FLOAT;
    } else if (value instanceof Py.Seq) {
      return T.SEQ;
    }
    return T.NONE;
  }

  static String describe(Set<T> types) {
    return types.stream().map(t -> "'" + t.python + "'").collect(Collectors.joining(" or "));
  }
}
