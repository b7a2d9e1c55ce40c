package io.gitoverit.render.table;

import static io.gitoverit.render.table.Column.BRANCH;
import static io.gitoverit.render.table.Column.BRANCH_REMOTE;
import static io.gitoverit.render.table.Column.DIR;
import static io.gitoverit.render.table.Column.IDENT;
import static io.gitoverit.render.table.Column.MTIME;
import static io.gitoverit.render.table.Column.REMOTE;
import static io.gitoverit.render.table.Column.STATUS;
import static io.gitoverit.render.table.Column.URL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnSpecTest {
  private static List<Column> parse(String spec) {
    return ColumnSpec.parse(spec, Column.DEFAULTS);
  }

  @Test
  void emptySpecKeepsDefaults() {
    assertEquals(List.of(DIR, STATUS, BRANCH, REMOTE, URL, MTIME), parse(""));
    assertEquals(List.of(DIR, STATUS, BRANCH, REMOTE, URL, MTIME), parse(" , ,"));
  }

  @Test
  void nameAppends() {
    assertEquals(List.of(DIR, STATUS, BRANCH, REMOTE, URL, MTIME, IDENT), parse("ident"));
  }

  @Test
  void namingAPresentColumnMovesItToTheEnd() {
    assertEquals(List.of(STATUS, BRANCH, REMOTE, URL, MTIME, DIR), parse("dir"));
  }

  @Test
  void dashNameRemoves() {
    assertEquals(List.of(DIR, STATUS, BRANCH, REMOTE), parse("-url, -mtime"));
    assertEquals(List.of(DIR, STATUS, BRANCH, REMOTE, URL, MTIME), parse("-ident"));
  }

  @Test
  void loneDashClears() {
    assertEquals(List.of(STATUS, DIR), parse("-,status,dir"));
    assertEquals(List.of(), parse("-"));
  }

  @Test
  void lastMentionWins() {
    assertEquals(List.of(DIR, BRANCH, REMOTE, URL, MTIME), parse("status,-status"));
    assertEquals(
        List.of(DIR, BRANCH, REMOTE, URL, MTIME, BRANCH_REMOTE, STATUS),
        parse("-status,branch_remote,status"));
  }

  @Test
  void metadataOnlyDefaultsHaveNoMtime() {
    assertEquals(
        List.of(DIR, STATUS, BRANCH, REMOTE, URL, IDENT),
        ColumnSpec.parse("ident", Column.METADATA_ONLY_DEFAULTS));
  }

  @Test
  void unknownColumnListsTheValidOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> parse("dir,bogus"));
    assertTrue(e.getMessage().contains("'bogus'"), e.getMessage());
    assertTrue(
        e.getMessage().contains("dir, status, branch, remote, url, mtime, branch_remote, ident"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> parse("-bogus"));
    assertThrows(IllegalArgumentException.class, () -> parse("Dir"));
  }

  @Test
  void gitobColumnsFollowTheSameGrammarOverTheirOwnDefaults() {
    assertEquals(BranchColumn.DEFAULTS, BranchColumn.parse(" , "));
    assertEquals(
        List.of(
            BranchColumn.UPSTREAM,
            BranchColumn.STATUS,
            BranchColumn.SUBJECT,
            BranchColumn.DATE,
            BranchColumn.GONE,
            BranchColumn.BRANCH),
        BranchColumn.parse("-author,gone,branch"));
    assertEquals(List.of(BranchColumn.WORKTREE), BranchColumn.parse("-,worktree"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BranchColumn.parse("branch,dir"));
    assertEquals(
        "Unknown column: 'dir' (valid columns: branch, head, upstream, status, ahead, behind,"
            + " gone, current, worktree, date, author, subject)",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> BranchColumn.parse("-Branch"));
  }
}
