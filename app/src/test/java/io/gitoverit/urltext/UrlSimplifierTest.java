package io.gitoverit.urltext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlSimplifierTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // upstream's own cases
        "https://github.com/owner/repo.git | owner/repo",
        "git@gitlab.com:group/project.git | ssh+gl:group/project",
        "ssh://git@example.com/team/repo.git | ssh+example.com/team/repo",
        // the fleet's url-* cases
        "git@gitlab.com:o/r.git | ssh+gl:o/r",
        "ssh://git@host/o/r.git | ssh+host/o/r",
        "https://user@example.com:8443/o/r.git | ssh+example.com/8443/o/r",
        "https://bitbucket.org/o/r | bb:o/r",
        "file:///srv/git/r.git | srv/git/r",
        "https://codeberg.org/me/r.git | cb:me/r",
        "git+ssh://git@codeberg.org/me/r.git | ssh+cb:me/r",
        "/tmp/f/fleet/_infra/remotes/origin | tmp/f/fleet/_infra/remotes/origin",
        "../remote.git | ../remote",
        "https://GitHub.com/O/R/ | O/R",
        "https://example.com | example.com",
        "https://git.sr.ht/~me/r | sr.ht:~me/r",
      })
  void simplifiesLikeUpstream(String url, String expected) {
    assertEquals(expected, UrlSimplifier.simplify(url));
  }

  @Test
  void credentialsAreNeverShown() {
    assertEquals("o/r", UrlSimplifier.simplify("https://user:s3cret@github.com/o/r.git"));
    assertEquals("example.com/o/r", UrlSimplifier.simplify("https://tok:s3cret@example.com/o/r"));
    // nothing left to show: upstream prints the URL as it is; we drop the credentials
    String bare = UrlSimplifier.simplify("https://tok:s3cret@/");
    assertFalse(bare.contains("s3cret"), bare);
  }

  @Test
  void columnIsADashOrOneSimplifiedUrlALine() {
    assertEquals("-", UrlSimplifier.column(List.of()));
    assertEquals("o/r", UrlSimplifier.column(List.of("https://github.com/o/r.git")));
    assertEquals(
        "o/r\nssh+gl:o/r",
        UrlSimplifier.column(List.of("https://github.com/o/r.git", "git@gitlab.com:o/r.git")));
  }
}
