package io.gitoverit.gitdir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The config files git reads, decided from the environment as git decides them. */
class GitConfigFilesTest {

  @Test
  void defaultsFollowHome() {
    GitConfigFiles f = GitConfigFiles.fromEnvironment(Map.of("HOME", "/h"));
    assertEquals(Optional.of(Path.of("/etc/gitconfig")), f.system());
    assertEquals(Optional.of(Path.of("/h/.config/git/config")), f.xdg());
    assertEquals(Optional.of(Path.of("/h/.gitconfig")), f.global());
  }

  @Test
  void xdgConfigHomeWins() {
    GitConfigFiles f =
        GitConfigFiles.fromEnvironment(Map.of("HOME", "/h", "XDG_CONFIG_HOME", "/x"));
    assertEquals(Optional.of(Path.of("/x/git/config")), f.xdg());
    assertEquals(Optional.of(Path.of("/h/.gitconfig")), f.global());
  }

  @Test
  void globalOverrideReplacesBothGlobalFiles() {
    GitConfigFiles f =
        GitConfigFiles.fromEnvironment(
            Map.of("HOME", "/h", "XDG_CONFIG_HOME", "/x", "GIT_CONFIG_GLOBAL", "/g/cfg"));
    assertEquals(Optional.empty(), f.xdg());
    assertEquals(Optional.of(Path.of("/g/cfg")), f.global());
  }

  @Test
  void emptyGlobalOverrideMeansNone() {
    GitConfigFiles f =
        GitConfigFiles.fromEnvironment(Map.of("HOME", "/h", "GIT_CONFIG_GLOBAL", ""));
    assertEquals(Optional.empty(), f.global());
    assertEquals(Optional.empty(), f.xdg());
  }

  @Test
  void systemConfigSwitches() {
    assertEquals(
        Optional.empty(),
        GitConfigFiles.fromEnvironment(Map.of("GIT_CONFIG_NOSYSTEM", "1")).system());
    assertEquals(
        Optional.empty(),
        GitConfigFiles.fromEnvironment(Map.of("GIT_CONFIG_NOSYSTEM", "yes")).system());
    assertEquals(
        Optional.of(Path.of("/etc/gitconfig")),
        GitConfigFiles.fromEnvironment(Map.of("GIT_CONFIG_NOSYSTEM", "0")).system());
    assertEquals(
        Optional.of(Path.of("/s/cfg")),
        GitConfigFiles.fromEnvironment(Map.of("GIT_CONFIG_SYSTEM", "/s/cfg")).system());
    assertEquals(
        Optional.empty(),
        GitConfigFiles.fromEnvironment(
                Map.of("GIT_CONFIG_SYSTEM", "/s/cfg", "GIT_CONFIG_NOSYSTEM", "true"))
            .system());
  }

  @Test
  void noHomeNoGlobalFiles() {
    GitConfigFiles f = GitConfigFiles.fromEnvironment(Map.of());
    assertEquals(Optional.empty(), f.xdg());
    assertEquals(Optional.empty(), f.global());
  }

  /**
   * GIT_CONFIG_NOSYSTEM as git itself reads it (git_env_bool): whether {@code git config --list}
   * shows the file GIT_CONFIG_SYSTEM names is whether this reads it as the system config.
   */
  @ParameterizedTest
  @ValueSource(strings = {"2", "-1", "10", "yes", "on", "TRUE", "1", "0", "", "no", "off", "false"})
  void noSystemSwitchAgreesWithGit(String value, @TempDir Path dir) throws Exception {
    Path system = dir.resolve("system-config");
    Files.writeString(system, "[gitoverit]\n\tprobe = system\n");
    Path global = dir.resolve("global-config");
    Files.writeString(global, "");
    Map<String, String> env = new HashMap<>();
    env.put("HOME", dir.toString());
    env.put("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
    env.put("GIT_CONFIG_GLOBAL", global.toString());
    env.put("GIT_CONFIG_SYSTEM", system.toString());
    env.put("GIT_CONFIG_NOSYSTEM", value);

    boolean gitReadsSystem = gitListsOrigin(dir, env, system);
    assertEquals(
        gitReadsSystem,
        GitConfigFiles.fromEnvironment(env).system().isPresent(),
        "GIT_CONFIG_NOSYSTEM=\"" + value + "\"");
    assertEquals(
        gitReadsSystem,
        GitConfigFiles.fromEnvironment(env).inOrder().contains(system),
        "GIT_CONFIG_NOSYSTEM=\"" + value + "\"");
  }

  @Test
  void nonZeroNumbersSwitchTheSystemConfigOff() {
    assertEquals(
        Optional.empty(),
        GitConfigFiles.fromEnvironment(Map.of("GIT_CONFIG_NOSYSTEM", "2")).system());
  }

  @Test
  void inOrderIsSystemThenXdgThenGlobal() {
    GitConfigFiles f = GitConfigFiles.fromEnvironment(Map.of("HOME", "/h"));
    assertEquals(
        List.of(
            Path.of("/etc/gitconfig"), Path.of("/h/.config/git/config"), Path.of("/h/.gitconfig")),
        f.inOrder());
  }

  /**
   * Whether {@code git config --show-origin --list}, run in {@code env} alone, reads {@code file}.
   */
  private static boolean gitListsOrigin(Path dir, Map<String, String> env, Path file)
      throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder("git", "config", "--show-origin", "--list").directory(dir.toFile());
    pb.environment().clear();
    pb.environment().put("PATH", System.getenv("PATH"));
    pb.environment().put("GIT_CEILING_DIRECTORIES", dir.getParent().toString());
    pb.environment().putAll(env);
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("git config timed out");
    }
    assertEquals(0, p.exitValue(), out);
    return out.contains("file:" + file + "\tgitoverit.probe=system");
  }
}
