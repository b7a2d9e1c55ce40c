package io.gitoverit.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Builds real repositories for tests with the {@code git} executable, isolated from the developer's
 * configuration: a private HOME and XDG_CONFIG_HOME under the test's own folder, no system config,
 * fixed identities and dates.
 */
public final class GitFixture {
  private final Path home;

  /** A fixture whose private home directory lives in {@code scratch}. */
  public GitFixture(Path scratch) {
    this.home = scratch.resolve(".fixture-home");
    try {
      Files.createDirectories(home.resolve(".config"));
      Path cfg = home.resolve(".gitconfig");
      if (!Files.exists(cfg)) {
        Files.writeString(
            cfg,
            "[user]\n\tname = Fixture Person\n\temail = fixture@test.invalid\n"
                + "[init]\n\tdefaultBranch = main\n[protocol \"file\"]\n\tallow = always\n"
                + "[advice]\n\tdetachedHead = false\n"
                // A big commit would start a background gc that still writes while the test's
                // folder is being deleted.
                + "[gc]\n\tauto = 0\n[maintenance]\n\tauto = false\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The private home directory (its .gitconfig is the "global" config of these repos). */
  public Path home() {
    return home;
  }

  /** The environment every git call of this fixture runs with. */
  public Map<String, String> environment() {
    return Map.of(
        "HOME", home.toString(),
        "XDG_CONFIG_HOME", home.resolve(".config").toString(),
        "GIT_CONFIG_NOSYSTEM", "1",
        "GIT_AUTHOR_DATE", "2024-01-02T03:04:05Z",
        "GIT_COMMITTER_DATE", "2024-01-02T03:04:05Z",
        "LC_ALL", "C.UTF-8");
  }

  /** Runs git in {@code dir}; fails the test when git fails. Returns stdout. */
  public String git(Path dir, String... args) {
    Result r = tryGit(dir, args);
    if (r.exitCode != 0) {
      throw new AssertionError(
          "git " + String.join(" ", args) + " failed in " + dir + ": " + r.stderr);
    }
    return r.stdout;
  }

  /** Result of a git call that may fail. */
  public record Result(int exitCode, String stdout, String stderr) {}

  /** Runs git in {@code dir} and returns what happened, failing or not. */
  public Result tryGit(Path dir, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add("git");
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().remove("GIT_DIR");
    pb.environment().remove("GIT_WORK_TREE");
    pb.environment().putAll(environment());
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    try {
      Process p = pb.start();
      byte[] err;
      byte[] out = readAll(p.getInputStream());
      err = readAll(p.getErrorStream());
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("git timed out: " + cmd);
      }
      return new Result(
          p.exitValue(),
          new String(out, StandardCharsets.UTF_8),
          new String(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    try (in) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      in.transferTo(b);
      return b.toByteArray();
    }
  }

  /** {@code git init} of a new directory {@code dir} on branch main. */
  public Path init(Path dir) {
    mkdirs(dir);
    git(dir, "init", "-q", "-b", "main");
    return dir;
  }

  /** A repository with one commit holding {@code files} (path, content pairs). */
  public Path repoWithCommit(Path dir, String... pathsAndContents) {
    init(dir);
    for (int i = 0; i + 1 < pathsAndContents.length; i += 2) {
      write(dir, pathsAndContents[i], pathsAndContents[i + 1]);
    }
    commitAll(dir, "initial");
    return dir;
  }

  /** Stages everything and commits. */
  public void commitAll(Path dir, String message) {
    git(dir, "add", "-A");
    git(dir, "commit", "-q", "--allow-empty", "-m", message);
  }

  /** Writes a file (creating parent directories). */
  public static Path write(Path dir, String rel, String content) {
    Path p = dir.resolve(rel);
    mkdirs(p.getParent());
    try {
      Files.writeString(p, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  /** Appends to a file. */
  public static void append(Path dir, String rel, String content) {
    try {
      Files.writeString(dir.resolve(rel), content, java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sets a file's modification time, in epoch seconds. */
  public static void touch(Path p, long epochSeconds) {
    try {
      Files.setLastModifiedTime(p, FileTime.from(epochSeconds, TimeUnit.SECONDS));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void mkdirs(Path p) {
    try {
      Files.createDirectories(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
