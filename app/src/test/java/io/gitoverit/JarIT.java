package io.gitoverit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.testing.GitFixture;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the shaded jar as a user would: {@code java -jar gitoverit.jar ...}. */
class JarIT {
  @TempDir Path tmp;

  record Run(int exit, String out, String err) {}

  Run run(GitFixture fx, String... args) throws Exception {
    return run(fx, List.of(), args);
  }

  Run run(GitFixture fx, List<String> jvmOptions, String... args) throws Exception {
    Path jar = Path.of(System.getProperty("gitoverit.jar", "target/gitoverit.jar"));
    assertTrue(Files.isRegularFile(jar), "built jar missing: " + jar);
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-jar", jar.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
    pb.environment().putAll(fx.environment());
    Process p = pb.start();
    p.getOutputStream().close();
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    byte[] out = read(p.getInputStream());
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "jar run timed out");
    return new Run(
        p.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err.get(), StandardCharsets.UTF_8));
  }

  static byte[] read(InputStream in) {
    try (in) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      in.transferTo(b);
      return b.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void scansAFolderAndPrintsJson() throws Exception {
    GitFixture fx = new GitFixture(tmp);
    Path projects = tmp.resolve("projects");
    Path repo = fx.repoWithCommit(projects.resolve("one"), "a.txt", "a\n");
    GitFixture.append(repo, "a.txt", "more\n");
    fx.repoWithCommit(projects.resolve("two"), "b.txt", "b\n");

    Run r = run(fx, "--format", "json", "--no-progress", "projects");

    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("[\n  {\n"), r.out());
    assertTrue(r.out().contains("\"display_path\": \"projects/one\""), r.out());
    assertTrue(r.out().contains("\"status\": \"1m (+1/-0)\""), r.out());
    assertTrue(r.out().contains("\"display_path\": \"projects/two\""), r.out());
    assertTrue(r.out().contains("\"status\": \"clean\""), r.out());
    assertEquals("", r.err());
  }

  @Test
  void readingARepositoryWithJGitLeavesJGitsMessageBundleUnread() throws Exception {
    // JGit loads its ~1,000 messages by reflection when it registers its shutdown hook; a scan
    // that has no JGit message to show should not pay for them (the wiring keeps the hook away).
    GitFixture fx = new GitFixture(tmp);
    fx.repoWithCommit(tmp.resolve("projects").resolve("one"), "a.txt", "a\n");
    Path classes = tmp.resolve("classes.log");

    Run r =
        run(
            fx,
            List.of("-Xlog:class+load=info:file=" + classes),
            "--format",
            "json",
            "--no-progress",
            "projects");

    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("\"status\": \"clean\""), r.out());
    String loaded = Files.readString(classes);
    assertTrue(loaded.contains("org.eclipse.jgit.lib.IndexDiff "), "JGit read the work tree");
    assertFalse(
        loaded.contains("org.eclipse.jgit.internal.JGitText "), "JGit's message bundle was loaded");
  }

  @Test
  void readsTheConfigurationFileFromXdgConfigHome() throws Exception {
    GitFixture fx = new GitFixture(tmp);
    fx.repoWithCommit(tmp.resolve("projects").resolve("one"), "a.txt", "a\n");
    Path config = fx.home().resolve(".config/gito/config.toml");
    Files.createDirectories(config.getParent());
    Files.writeString(
        config,
        String.join(
            "\n",
            "roots = [\"" + tmp.resolve("projects") + "\"]",
            "bogus = 1",
            "[[id_rewrite]]",
            "type = \"regex\"",
            "find = '^.*$'",
            "replace = \"someone\"",
            "[defaults]",
            "columns = \"-,dir,ident\"",
            ""));

    Run r = run(fx, "--no-progress");

    assertEquals(0, r.exit(), r.err());
    assertEquals("gitoverit: warning: " + config + ":2: unknown key 'bogus'; ignored\n", r.err());
    assertTrue(r.out().contains("projects/one  someone\n"), r.out());
    Run json = run(fx, "--no-progress", "-o", "json", "--no-config", "projects");
    assertEquals("", json.err());
    assertFalse(json.out().contains("someone"), json.out());
  }

  @Test
  void aMissingDirectoryIsOneLineAndExitTwo() throws Exception {
    Run r = run(new GitFixture(tmp), "no-such-dir");
    assertEquals(2, r.exit());
    assertTrue(
        r.err().startsWith("gitoverit: Invalid value for 'DIR': 'no-such-dir' does not exist\n"),
        r.err());
    assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
    assertEquals("", r.out());
  }

  /**
   * A global includeIf that sets core.excludesFile: JGit would not see it and call an ignored file
   * untracked. git sees it; so does the report, which comes from git for every repository.
   */
  @Test
  void aGlobalIncludeIfWithMoreThanAnIdentityIsHonoured() throws Exception {
    GitFixture fx = new GitFixture(tmp);
    Path repo = fx.repoWithCommit(tmp.resolve("projects/one"), "a.txt", "a\n");
    GitFixture.write(repo, "debug.log", "noise\n");
    Files.writeString(fx.home().resolve("logs.ignore"), "*.log\n");
    Files.writeString(fx.home().resolve("extra.inc"), "[core]\n\texcludesFile = ~/logs.ignore\n");
    Files.writeString(
        fx.home().resolve(".gitconfig"),
        "[includeIf \"gitdir:" + tmp.toRealPath() + "/\"]\n\tpath = extra.inc\n",
        StandardOpenOption.APPEND);
    assertEquals("", fx.git(repo, "status", "--porcelain"), "git ignores debug.log");

    Run r = run(fx, "--format", "json", "--no-progress", "--debug", "projects");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("\"status\": \"clean\""), r.out());
    assertTrue(r.err().contains("sets core settings, which JGit does not read"), r.err());
  }

  /**
   * The same includeIf, read by discovery: a nested repository inside a folder that only that
   * excludesFile ignores is not listed (git and upstream ignore it), unless -I asks for it.
   */
  @Test
  void discoveryPrunesWhatAnIncludeIfExcludesFileIgnores() throws Exception {
    GitFixture fx = new GitFixture(tmp);
    Path parent = fx.repoWithCommit(tmp.resolve("projects/parent"), "a.txt", "a\n");
    fx.repoWithCommit(parent.resolve("vendor/lib"), "l.txt", "l\n");
    Files.writeString(fx.home().resolve("vendor.ignore"), "vendor/\n");
    Files.writeString(fx.home().resolve("extra.inc"), "[core]\n\texcludesFile = ~/vendor.ignore\n");
    Files.writeString(
        fx.home().resolve(".gitconfig"),
        "[includeIf \"gitdir:" + tmp.toRealPath() + "/\"]\n\tpath = extra.inc\n",
        StandardOpenOption.APPEND);
    assertEquals("", fx.git(parent, "status", "--porcelain"), "git ignores vendor/");

    Run r = run(fx, "--format", "json", "--no-progress", "projects");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("\"display_path\": \"projects/parent\""), r.out());
    assertFalse(r.out().contains("vendor/lib"), r.out());

    Run all = run(fx, "--format", "json", "--no-progress", "-I", "projects");
    assertTrue(all.out().contains("\"display_path\": \"projects/parent/vendor/lib\""), all.out());
  }
}
