package io.gitoverit.analysis.jgit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.gitdir.GitConfigFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** includeIf in the user's config: only files that set more than user.* make JGit's view wrong. */
class GlobalIncludesTest {
  @TempDir Path home;

  private Optional<String> problem(String globalConfig) throws Exception {
    Files.writeString(home.resolve(".gitconfig"), globalConfig);
    Map<String, String> env = Map.of("HOME", home.toString(), "GIT_CONFIG_NOSYSTEM", "1");
    return GlobalIncludes.problem(GitConfigFiles.fromEnvironment(env), env);
  }

  @Test
  void anIdentityOnlyIncludeChangesNothing() throws Exception {
    Files.writeString(
        home.resolve("work.inc"),
        "[user]\n\temail = me@work.example\n"
            + "\tsigningKey = ABC\n[commit]\n\tgpgSign = true\n[credential]\n\thelper = store\n"
            + "[core]\n\tsshCommand = ssh -i ~/.ssh/work\n[pull]\n\tff = only\n");
    assertEquals(Optional.empty(), problem("[includeIf \"gitdir:~/work/\"]\n\tpath = work.inc\n"));
    assertEquals(
        Optional.empty(),
        problem("[includeIf \"gitdir:~/work/\"]\n\tpath = ~/missing.inc\n"),
        "git skips it too");
    assertEquals(Optional.empty(), problem("[user]\n\tname = Me\n"));
  }

  @Test
  void anIncludeThatSetsMoreSendsEveryRepositoryToGit() throws Exception {
    Files.createDirectories(home.resolve("conf"));
    Files.writeString(
        home.resolve("conf/work.inc"),
        "[user]\n\temail = me@work.example\n[core]\n\tautocrlf = true\n");
    Optional<String> relative = problem("[includeIf \"gitdir:~/work/\"]\n\tpath = conf/work.inc\n");
    assertTrue(relative.isPresent());
    assertTrue(relative.get().contains("includeIf \"gitdir:~/work/\""), relative.get());
    assertTrue(relative.get().contains("sets core settings"), relative.get());
    assertTrue(relative.get().contains(home.resolve("conf/work.inc").toString()), relative.get());

    Optional<String> tilde = problem("[includeIf \"onbranch:main\"]\n\tpath = ~/conf/work.inc\n");
    Files.writeString(home.resolve("ssh.inc"), "[core]\n\tsshCommand = ssh\n\tfileMode = false\n");
    assertTrue(
        problem("[includeIf \"gitdir:~/w/\"]\n\tpath = ssh.inc\n").isPresent(),
        "core.fileMode changes status even beside an ssh command");
    assertTrue(tilde.isPresent() && tilde.get().contains("onbranch:main"), String.valueOf(tilde));
  }

  @Test
  void theXdgConfigIsCheckedToo() throws Exception {
    Path xdg = Files.createDirectories(home.resolve(".config/git"));
    Files.writeString(xdg.resolve("config"), "[includeIf \"gitdir:/srv/\"]\n\tpath = srv.inc\n");
    Files.writeString(xdg.resolve("srv.inc"), "[core]\n\texcludesFile = /srv/ignore\n");
    Optional<String> p = problem("");
    assertTrue(
        p.isPresent() && p.get().contains(xdg.resolve("srv.inc").toString()), String.valueOf(p));
  }
}
