package io.gitoverit.analysis.gitexe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gitoverit.analysis.FixtureGit;
import io.gitoverit.testing.GitFixture;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which filter drivers count as the repository's (switched off) and which as the user's own (they
 * run), read from what {@code git config --list --show-scope} says in a real repository.
 */
class FilterTrustTest {
  @TempDir Path tmp;
  GitFixture fixture;
  Path repo;

  @BeforeEach
  void setUp() throws Exception {
    tmp = tmp.toRealPath();
    fixture = new GitFixture(tmp);
    repo = fixture.repoWithCommit(tmp.resolve("r"), "a.txt", "a\n");
  }

  Set<String> repositorys() throws Exception {
    GitRunner.Result r =
        FixtureGit.runner(fixture).run(repo, "config", "--list", "-z", "--show-scope");
    return RepoConfig.parse(r.stdout()).ownFilterDrivers();
  }

  void local(String key, String value) {
    fixture.git(repo, "config", key, value);
  }

  void global(String key, String value) {
    fixture.git(repo, "config", "--global", key, value);
  }

  @Test
  void aCommandOnlyTheRepositoryNamesIsTheRepositorys() throws Exception {
    local("filter.x.clean", "x-clean");
    local("filter.y.process", "y-process");
    local("filter.z.smudge", "z-smudge");
    assertEquals(Set.of("x", "y", "z"), repositorys());
  }

  @Test
  void theUsersOwnCommandsRepeatedLocallyAreTheUsers() throws Exception {
    // What git lfs install and git lfs install --local both write.
    for (String[] kv :
        new String[][] {
          {"clean", "git-lfs clean -- %f"},
          {"smudge", "git-lfs smudge -- %f"},
          {"process", "git-lfs filter-process"},
          {"required", "true"}
        }) {
      global("filter.lfs." + kv[0], kv[1]);
      local("filter.lfs." + kv[0], kv[1]);
    }
    assertEquals(Set.of(), repositorys());
    local("filter.lfs.process", "git-lfs filter-process --verbose");
    assertEquals(Set.of("lfs"), repositorys(), "one command differs");
  }

  @Test
  void onlyTheValueThatAppliesCounts() throws Exception {
    global("filter.x.clean", "mine");
    fixture.git(repo, "config", "--add", "filter.x.clean", "theirs");
    fixture.git(repo, "config", "--add", "filter.x.clean", "mine");
    assertEquals(Set.of(), repositorys(), "the last value is the user's command");
    fixture.git(repo, "config", "--add", "filter.x.clean", "theirs");
    assertEquals(Set.of("x"), repositorys());
  }

  @Test
  void settingsThatNameNoProgramAreNoReason() throws Exception {
    global("filter.lfs.clean", "git-lfs clean -- %f");
    local("filter.lfs.required", "true");
    local("filter.lfs.smudge", ""); // an empty command: git runs nothing
    assertEquals(Set.of(), repositorys());
  }

  @Test
  void commandsFromAnIncludedFileOrConfigWorktreeAreTheRepositorys() throws Exception {
    GitFixture.write(repo, ".git/extra.cfg", "[filter \"inc\"]\n\tclean = inc-clean\n");
    local("include.path", "extra.cfg");
    local("extensions.worktreeConfig", "true");
    fixture.git(repo, "config", "--worktree", "filter.wt.clean", "wt-clean");
    assertEquals(Set.of("inc", "wt"), repositorys());
  }
}
