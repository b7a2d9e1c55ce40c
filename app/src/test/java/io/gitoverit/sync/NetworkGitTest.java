package io.gitoverit.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gitoverit.analysis.gitexe.GitRunner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The short reason put in front of git's own line, for stderr texts git 2.39 prints. */
class NetworkGitTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "fatal: Not possible to fast-forward, aborting."
            + " | not fast-forward: fatal: Not possible to fast-forward, aborting.",
        "To /r.git\\n"
            + " ! [rejected]        HEAD -> main (fetch first)\\n"
            + "error: failed to push some refs to '/r.git' | rejected: ! [rejected]        HEAD ->"
            + " main (fetch first)",
        "git@example.invalid: Permission denied (publickey).\\n"
            + "fatal: Could not read from remote repository. | authentication needed:"
            + " git@example.invalid: Permission denied (publickey).",
        "Host key verification failed.\\nfatal: Could not read from remote repository."
            + " | authentication needed: Host key verification failed.",
        "warning: x\\nfatal: unable to access 'https://h/r/': Could not resolve host: h"
            + " | fatal: unable to access 'https://h/r/': Could not resolve host: h",
      })
  void reasons(String stderr, String expected) {
    GitRunner.Result r = new GitRunner.Result(1, new byte[0], stderr.replace("\\n", "\n"));
    assertEquals(expected, NetworkGit.reason(r));
  }
}
