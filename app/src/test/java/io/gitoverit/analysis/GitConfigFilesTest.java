package io.gitoverit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

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
}
