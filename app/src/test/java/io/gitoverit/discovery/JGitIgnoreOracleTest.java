package io.gitoverit.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.testing.GitFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The oracle answers exactly as {@code git check-ignore -q} does, path by path. */
class JGitIgnoreOracleTest {
  @TempDir Path tmp;

  /** Paths ending in "/" are created as directories, the others as files. */
  private static final List<String> PATHS =
      List.of(
          "a.log",
          "keep.log",
          "sub/x.log",
          "sub/keep.log",
          "sub/sub-neg.log",
          "build/",
          "build/out/",
          "build/out/file.txt",
          "src/build/",
          "src/build/x.txt",
          "rooted/",
          "src/rooted/",
          "a/b/deep/x.tmp",
          "deep/y.tmp",
          "deep/y.txt",
          "dir-neg/other/",
          "dir-neg/kept/",
          "dir-neg/kept/file",
          "docs/x/gen/",
          "docs/gen/",
          "docs/gen-not/",
          "secret.txt",
          "notes.bak",
          "sub/local-only/",
          "sub/local-only/f",
          "only-dir/",
          "only-file",
          "plain/",
          "plain/file.txt",
          "#hash",
          "space ",
          "tracked.log",
          "tracked-dir/",
          "tracked-dir/untracked/",
          "tracked-dir/new.txt",
          "embedded/",
          "embedded/inner/",
          "with.log/",
          "with.log/x");

  private GitFixture git;

  @BeforeEach
  void fixture() {
    git = new GitFixture(tmp);
  }

  @Test
  void agreesWithGitCheckIgnoreOnEveryPath() throws IOException {
    Path repo = git.init(tmp.resolve("repo"));
    GitFixture.write(
        repo,
        ".gitignore",
        String.join(
            "\n",
            "*.log",
            "!keep.log",
            "build/",
            "/rooted",
            "**/deep/*.tmp",
            "dir-neg/*",
            "!dir-neg/kept/",
            "docs/**/gen",
            "only-dir/",
            "only-file/",
            "\\#hash",
            "space\\ ",
            "tracked-dir/",
            "embedded/",
            ""));
    GitFixture.write(repo, "sub/.gitignore", "local-only/\n!sub-neg.log\n");
    GitFixture.write(repo, ".git/info/exclude", "secret*\n");
    GitFixture.write(git.home(), ".config/git/ignore", "*.bak\n");
    for (String p : PATHS) {
      create(repo, p);
    }
    // Tracked paths are never ignored: a force-added file, a directory holding one, a gitlink.
    git.git(repo, "add", "-f", "tracked.log", "tracked-dir/new.txt");
    git.repoWithCommit(repo.resolve("embedded/inner"), "f", "1");
    git.git(repo, "add", "-f", "embedded/inner");

    assertAgrees(repo, PATHS);
  }

  @Test
  void coreExcludesFileWithATildeReplacesTheDefaultFile() throws IOException {
    Path repo = git.init(tmp.resolve("repo"));
    git.git(repo, "config", "core.excludesFile", "~/my-ignores");
    GitFixture.write(git.home(), "my-ignores", "custom/\n");
    GitFixture.write(git.home(), ".config/git/ignore", "*.bak\n");
    List<String> paths = List.of("custom/", "x.bak", "other/");
    for (String p : paths) {
      create(repo, p);
    }
    assertAgrees(repo, paths);
    JGitIgnoreOracle oracle = new JGitIgnoreOracle(git.environment());
    assertTrue(oracle.rulesFor(repo).isIgnored(repo.resolve("custom"), true));
  }

  /** A dotfiles setup: the global config includes a local file that names the excludes file. */
  @Test
  void coreExcludesFileFromAnIncludedConfigFileCounts() throws IOException {
    Path repo = git.init(tmp.resolve("repo"));
    GitFixture.write(git.home(), ".gitconfig.local", "[core]\n\texcludesFile = ~/local-ignores\n");
    Files.writeString(
        git.home().resolve(".gitconfig"),
        "[include]\n\tpath = .gitconfig.local\n" + "[include]\n\tpath = ~/missing.inc\n",
        java.nio.file.StandardOpenOption.APPEND);
    GitFixture.write(git.home(), "local-ignores", "vendored/\n");
    List<String> paths = List.of("vendored/", "other/");
    for (String p : paths) {
      create(repo, p);
    }
    assertAgrees(repo, paths);
    assertTrue(
        new JGitIgnoreOracle(git.environment())
            .rulesFor(repo)
            .isIgnored(repo.resolve("vendored"), true));
  }

  /**
   * An includeIf whose file sets core.excludesFile: which condition matches is git's to say, so git
   * is asked (the lookup), and its answer is what counts.
   */
  @Test
  void coreExcludesFileFromAnIncludeIfComesFromGit() throws IOException {
    Path repo = repoUnderWorkIncludeIf("[core]\n\texcludesFile = ~/work-ignores\n");
    create(repo, "other/");
    JGitIgnoreOracle oracle = assertAskedAndIgnoredAsByGit(repo);
    assertFalse(oracle.rulesFor(repo).isIgnored(repo.resolve("other"), true));
    assertFalse(
        new JGitIgnoreOracle(git.environment())
            .rulesFor(repo)
            .isIgnored(repo.resolve("vendored"), true),
        "without git the includeIf is not seen");
  }

  /** The file an includeIf names may itself hand core.excludesFile on through an includeIf. */
  @Test
  void coreExcludesFileFromANestedIncludeIfComesFromGit() throws IOException {
    Path repo =
        repoUnderWorkIncludeIf(
            "[includeIf \"gitdir:" + tmp.toRealPath() + "/work/\"]\n" + "\tpath = deeper.inc\n");
    GitFixture.write(git.home(), "deeper.inc", "[core]\n\texcludesFile = ~/work-ignores\n");
    assertAskedAndIgnoredAsByGit(repo);
  }

  /** A linked worktree's own config.worktree may carry the includeIf. */
  @Test
  void coreExcludesFileFromAnIncludeIfInConfigWorktreeComesFromGit() throws IOException {
    Path repo = git.init(tmp.resolve("work/repo"));
    git.git(repo, "config", "extensions.worktreeConfig", "true");
    GitFixture.write(git.home(), "work.inc", "[core]\n\texcludesFile = ~/work-ignores\n");
    git.git(
        repo,
        "config",
        "--worktree",
        "includeIf.gitdir:" + tmp.toRealPath() + "/work/.path",
        git.home().resolve("work.inc").toString());
    assertAskedAndIgnoredAsByGit(repo);
  }

  /**
   * git says core.excludesFile is ~/work-ignores; the oracle asks it (once per repository) and
   * ignores vendored/. Returns that oracle.
   */
  private JGitIgnoreOracle assertAskedAndIgnoredAsByGit(Path repo) throws IOException {
    GitFixture.write(git.home(), "work-ignores", "vendored/\n");
    create(repo, "vendored/");
    assertEquals("~/work-ignores\n", git.git(repo, "config", "--get", "core.excludesFile"));
    List<Path> asked = new java.util.ArrayList<>();
    JGitIgnoreOracle oracle =
        new JGitIgnoreOracle(
            git.environment(),
            root -> {
              asked.add(root);
              return java.util.Optional.of(
                  git.git(root, "config", "--get", "core.excludesFile").strip());
            });
    assertTrue(oracle.rulesFor(repo).isIgnored(repo.resolve("vendored"), true));
    assertEquals(List.of(repo), asked);
    return oracle;
  }

  /** The usual work/personal identity split costs no git call per repository. */
  @Test
  void anIncludeIfThatSetsOnlyAnIdentityIsNotAskedAbout() throws IOException {
    Path repo = repoUnderWorkIncludeIf("[user]\n\temail = me@work.example\n");
    GitFixture.write(repo, ".gitignore", "build/\n");
    create(repo, "build/");
    JGitIgnoreOracle oracle =
        new JGitIgnoreOracle(
            git.environment(),
            root -> {
              throw new AssertionError("git asked for " + root);
            });
    assertTrue(oracle.rulesFor(repo).isIgnored(repo.resolve("build"), true));
  }

  /** A repository under work/, which a global includeIf names; its file holds {@code included}. */
  private Path repoUnderWorkIncludeIf(String included) throws IOException {
    Path repo = git.init(tmp.resolve("work/repo"));
    GitFixture.write(git.home(), "work.inc", included);
    Files.writeString(
        git.home().resolve(".gitconfig"),
        "[includeIf \"gitdir:" + tmp.toRealPath() + "/work/\"]\n\tpath = work.inc\n",
        java.nio.file.StandardOpenOption.APPEND);
    return repo;
  }

  /** A hostile repository config cannot make discovery read forever. */
  @Test
  @org.junit.jupiter.api.Timeout(20)
  void anIncludeOfADeviceOrPipeIsSkipped() throws IOException {
    Path repo = git.init(tmp.resolve("repo"));
    Files.writeString(
        repo.resolve(".git/config"),
        "[include]\n\tpath = /dev/zero\n" + "[include]\n\tpath = /dev/stdin\n",
        java.nio.file.StandardOpenOption.APPEND);
    GitFixture.write(repo, ".gitignore", "build/\n");
    create(repo, "build/");
    assertTrue(
        new JGitIgnoreOracle(git.environment())
            .rulesFor(repo)
            .isIgnored(repo.resolve("build"), true));
  }

  /**
   * An ignore file over git's limit (100 MiB; git 2.46 and later skip it with a warning) is skipped
   * unread, as is a repository config larger than any real one: the walk then prunes nothing there,
   * and holds neither file.
   */
  @Test
  void ignoreAndConfigFilesLargerThanGitReadsAreNotRead() throws IOException {
    Path repo = git.init(tmp.resolve("repo"));
    GitFixture.write(repo, ".gitignore", "build/\n");
    create(repo, "build/");
    JGitIgnoreOracle oracle = new JGitIgnoreOracle(git.environment());
    assertTrue(oracle.rulesFor(repo).isIgnored(repo.resolve("build"), true));
    try (java.io.RandomAccessFile f =
        new java.io.RandomAccessFile(repo.resolve(".gitignore").toFile(), "rw")) {
      f.setLength(JGitIgnoreOracle.MAX_PATTERN_FILE_BYTES + 1);
    }
    assertFalse(oracle.rulesFor(repo).isIgnored(repo.resolve("build"), true));
    try (java.io.RandomAccessFile f =
        new java.io.RandomAccessFile(repo.resolve(".git/config").toFile(), "rw")) {
      f.setLength(3L << 30);
    }
    IOException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IOException.class, () -> oracle.rulesFor(repo));
    assertTrue(e.getMessage().contains("too large"), e.getMessage());
  }

  @Test
  void aLinkedWorktreeUsesTheInfoExcludeOfItsMainRepository() throws IOException {
    Path main = git.repoWithCommit(tmp.resolve("main"), "a.txt", "a");
    GitFixture.write(main, ".git/info/exclude", "generated/\n");
    git.git(main, "worktree", "add", "-q", "-b", "feature", tmp.resolve("linked").toString());
    Path linked = tmp.resolve("linked");
    List<String> paths = List.of("generated/", "kept/");
    for (String p : paths) {
      create(linked, p);
    }
    assertAgrees(linked, paths);
  }

  @Test
  void aPathInsideASubmoduleIsNotIgnoredByTheSuperproject() throws IOException {
    Path source = git.repoWithCommit(tmp.resolve("source"), "f", "1");
    Path sup = git.repoWithCommit(tmp.resolve("super"), ".gitignore", "vendor/\nbuild/\n");
    git.git(sup, "submodule", "add", "-q", source.toString(), "libs/sub");
    git.commitAll(sup, "add submodule");
    List<String> paths = List.of("libs/sub/build/", "libs/sub/vendor/", "vendor/");
    for (String p : paths) {
      create(sup, p);
    }
    assertAgrees(sup, paths);
  }

  /** git's pattern corners where JGit's own matcher answers otherwise. */
  @Test
  void patternCornersAgreeWithGit() throws IOException {
    Path repo = git.init(tmp.resolve("repo"));
    Files.write(
        repo.resolve(".gitignore"),
        ("\uFEFFbom.txt\r\n"
                + String.join(
                    "\n",
                    "foo**/bar",
                    "tail\\",
                    "[!]x]y",
                    "[[:bogus:]]z",
                    "[a-]q",
                    "esc\\ ",
                    "two  ",
                    "a/**/b",
                    "**/c/",
                    "d/**",
                    "?/",
                    "[[:digit:]]n",
                    "\u00e9?",
                    "!keep/",
                    "k*/",
                    ""))
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    List<String> paths =
        List.of(
            "bom.txt",
            "foo/bar",
            "foox/y/bar",
            "fo/bar",
            "tail",
            "tail\\",
            "]y",
            "xy",
            "zy",
            "z",
            "[q",
            "bq",
            "aq",
            "esc ",
            "esc",
            "two",
            "two  ",
            "a/b",
            "a/x/y/b",
            "x/c/",
            "c/",
            "d/e/f",
            "d/",
            "q/",
            "1n",
            "\u00e9x",
            "\u00e9",
            "keep/",
            "kept/");
    for (String p : paths) {
      create(repo, p);
    }
    assertAgrees(repo, paths);
  }

  /** A nested repository is a directory for directory patterns and their negations. */
  @Test
  void directoryPatternsAndNegationsMatchNestedRepositories() throws IOException {
    Path repo = git.init(tmp.resolve("repo"));
    GitFixture.write(repo, ".gitignore", "hidden/\nvendor/*\n!vendor/keep/\n");
    GitFixture.write(repo, ".git/info/exclude", "?/\n");
    for (String n : List.of("hidden", "vendor/keep", "vendor/drop", "x")) {
      git.repoWithCommit(repo.resolve(n), "f", "1");
    }
    assertAgrees(repo, List.of("hidden/", "vendor/keep/", "vendor/drop/", "x/"));
  }

  /** A skip-worktree .gitignore missing from the work tree is read from the index, as git does. */
  @Test
  void aSkipWorktreeGitignoreIsReadFromTheIndex() throws IOException {
    Path repo =
        git.repoWithCommit(
            tmp.resolve("repo"), ".gitignore", "gen/\n", "sub/.gitignore", "out/\n", "sub/f", "1");
    git.git(repo, "update-index", "--skip-worktree", ".gitignore", "sub/.gitignore");
    Files.delete(repo.resolve(".gitignore"));
    Files.delete(repo.resolve("sub/.gitignore"));
    List<String> paths = List.of("gen/", "sub/out/", "sub/other/");
    for (String p : paths) {
      create(repo, p);
    }
    assertAgrees(repo, paths);
    assertTrue(
        new JGitIgnoreOracle(git.environment())
            .rulesFor(repo)
            .isIgnored(repo.resolve("sub/out"), true));
  }

  /**
   * git run in a listed folder whose .git folder is no repository works in the repository above it,
   * so that one's rules apply; a .git file naming nothing stops git, and the oracle with it.
   */
  @Test
  void aListedFolderWithABrokenDotGitFolderUsesTheRepositoryAbove() throws IOException {
    Path repo = git.repoWithCommit(tmp.resolve("repo"), ".gitignore", "*.o\n");
    Path broken = Files.createDirectories(repo.resolve("b/.git")).getParent();
    create(broken, "x.o");
    assertEquals(0, git.tryGit(broken, "check-ignore", "-q", "x.o").exitCode(), "git's own answer");
    assertTrue(
        new JGitIgnoreOracle(git.environment())
            .rulesFor(broken)
            .isIgnored(broken.resolve("x.o"), false));
    Path junk = Files.createDirectories(repo.resolve("j"));
    GitFixture.write(junk, ".git", "junk\n");
    assertEquals(128, git.tryGit(junk, "check-ignore", "-q", "x.o").exitCode(), "git stops");
    org.junit.jupiter.api.Assertions.assertThrows(
        IOException.class, () -> new JGitIgnoreOracle(git.environment()).rulesFor(junk));
  }

  private void assertAgrees(Path repo, List<String> paths) throws IOException {
    IgnoreOracle.IgnoreRules rules = new JGitIgnoreOracle(git.environment()).rulesFor(repo);
    List<String> expected = new ArrayList<>();
    List<String> actual = new ArrayList<>();
    for (String p : paths) {
      String rel = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
      Path path = repo.resolve(rel);
      int exit = git.tryGit(repo, "check-ignore", "-q", rel).exitCode();
      expected.add(rel + (exit == 0 ? " ignored" : " not ignored"));
      actual.add(
          rel + (rules.isIgnored(path, Files.isDirectory(path)) ? " ignored" : " not ignored"));
    }
    assertEquals(String.join("\n", expected), String.join("\n", actual));
  }

  private static void create(Path repo, String p) throws IOException {
    if (p.endsWith("/")) {
      Files.createDirectories(repo.resolve(p));
    } else {
      GitFixture.write(repo, p, "x\n");
    }
  }
}
