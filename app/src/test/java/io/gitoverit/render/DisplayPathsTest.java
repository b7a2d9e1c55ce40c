package io.gitoverit.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gitoverit.report.RepoError;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DisplayPathsTest {
  private final DisplayPaths paths =
      new DisplayPaths(Reports.path("/home/u/work"), Reports.path("/home/u"));

  @Test
  void insideWorkingDirectoryIsRelative() {
    assertEquals("a/b", paths.of(Reports.path("/home/u/work/a/b")));
  }

  @Test
  void workingDirectoryItselfIsDot() {
    assertEquals(".", paths.of(Reports.path("/home/u/work")));
  }

  @Test
  void underHomeButOutsideWorkingDirectoryUsesTilde() {
    assertEquals("~/other/r", paths.of(Reports.path("/home/u/other/r")));
    assertEquals("~", paths.of(Reports.path("/home/u")));
  }

  @Test
  void elsewhereIsAbsolute() {
    assertEquals("/srv/git/r", paths.of(Reports.path("/srv/git/r")));
  }

  @Test
  void prefixOfANameIsNotAParent() {
    // /home/u/workshop is not inside /home/u/work: comparison is per path component.
    assertEquals("~/workshop", paths.of(Reports.path("/home/u/workshop")));
  }

  @Test
  void workingDirectoryWinsOverHomeWhenBothContainThePath() {
    DisplayPaths atHome = new DisplayPaths(Reports.path("/home/u"), Reports.path("/home/u"));
    assertEquals("r", atHome.of(Reports.path("/home/u/r")));
    assertEquals(".", atHome.of(Reports.path("/home/u")));
  }

  @Test
  void rootWorkingDirectoryMakesEverythingRelative() {
    DisplayPaths atRoot = new DisplayPaths(Reports.path("/"), Reports.path("/home/u"));
    assertEquals("home/u/r", atRoot.of(Reports.path("/home/u/r")));
  }

  @Test
  void failedSyncGetsUpstreamsMarker() {
    var r =
        Reports.clean("/home/u/work/r").withSync(Reports.sync(true, false, false, false, false));
    assertEquals("! r", paths.of(r));
    assertEquals("r", paths.of(Reports.clean("/home/u/work/r")));
  }

  @Test
  void errorRowHasNoMarker() {
    assertEquals(
        "x", paths.of(new RepoError(Reports.path("/home/u/work/x"), "fatal", Optional.empty())));
  }
}
