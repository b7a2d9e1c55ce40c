package io.gitoverit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;

/**
 * HEAD's ref-name check gives JGit's answers, so that both engines refuse the same HEAD files
 * without the git engine importing JGit.
 */
class RefNameRulesTest {

  private static final List<String> NAMES =
      List.of(
          "",
          "refs",
          "refs/",
          "/refs/heads/main",
          "refs/heads/main",
          "refs/heads/main/",
          "refs//heads",
          "refs/heads/.hidden",
          "refs/heads/a..b",
          "refs/heads/a.",
          "refs/heads/a.lock",
          "refs/heads/a.lock/b",
          "refs/heads/a@{1}",
          "refs/heads/@",
          "refs/heads/a@b",
          "refs/heads/a b",
          "refs/heads/a\tb",
          "refs/heads/a~1",
          "refs/heads/a^",
          "refs/heads/a:b",
          "refs/heads/a?",
          "refs/heads/a[b",
          "refs/heads/a*",
          "refs/heads/a\\b",
          "refs/heads/a\u007fb",
          "refs/heads/.git",
          "refs/heads/.GIT/x",
          "refs/heads/git~1",
          "refs/heads/caf\u00e9",
          "refs/heads/a/./b",
          "refs/heads/a/../b",
          "refs/heads/{x}",
          "refs/heads/x.y.z");

  @Test
  void agreesWithJGitOnNamedCases() {
    for (String name : NAMES) {
      assertEquals(Repository.isValidRefName(name), HeadFile.isValidRefName(name), name);
    }
  }

  @Test
  void agreesWithJGitOnGeneratedNames() {
    char[] alphabet = "ab./@{}~^:?[*\\ \t\u007f.lockgitGIT\u00e9-_".toCharArray();
    SplittableRandom random = new SplittableRandom(20240102);
    for (int n = 0; n < 200_000; n++) {
      int len = 1 + random.nextInt(14);
      StringBuilder b = new StringBuilder(random.nextBoolean() ? "refs/" : "");
      for (int i = 0; i < len; i++) {
        b.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String name = b.toString();
      assertEquals(Repository.isValidRefName(name), HeadFile.isValidRefName(name), name);
    }
  }
}
