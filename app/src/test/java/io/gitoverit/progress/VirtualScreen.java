package io.gitoverit.progress;

import java.util.ArrayList;
import java.util.List;

/**
 * A tiny terminal for tests: replays text with the control sequences the progress display and a
 * coloured table use (CR, LF, cursor up, erase line/screen, SGR, cursor visibility) onto a grid,
 * and refuses any other escape sequence so that a stray one fails the test.
 */
public final class VirtualScreen {
  private int width;
  private final List<StringBuilder> rows = new ArrayList<>();
  private int row;
  private int col;
  private boolean cursorVisible = true;

  public VirtualScreen(int width) {
    this.width = width;
    rows.add(new StringBuilder());
  }

  /** Feeds {@code text} to the screen. */
  public VirtualScreen feed(String text) {
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\033') {
        i = escape(text, i);
        continue;
      }
      switch (c) {
        case '\r' -> col = 0;
        case '\n' -> moveTo(row + 1);
        default -> {
          if (c < ' ') {
            String around = text.substring(Math.max(0, i - 200), Math.min(text.length(), i + 200));
            throw new AssertionError(
                "unexpected control character "
                    + (int) c
                    + " in: "
                    + around.replace("\033", "\\e"));
          }
          if (col >= width) {
            col = 0;
            moveTo(row + 1);
          }
          put(c);
          col++;
        }
      }
      i++;
    }
    return this;
  }

  private int escape(String text, int start) {
    if (start + 1 >= text.length() || text.charAt(start + 1) != '[') {
      throw new AssertionError("unexpected escape at " + start + ": " + text.substring(start));
    }
    int i = start + 2;
    while (i < text.length()
        && (Character.isDigit(text.charAt(i)) || text.charAt(i) == ';' || text.charAt(i) == '?')) {
      i++;
    }
    String params = text.substring(start + 2, i);
    char fin = text.charAt(i);
    switch (fin) {
      case 'm' -> {} // colours do not change the text
      case 'A' -> row = Math.max(0, row - (params.isEmpty() ? 1 : Integer.parseInt(params)));
      case 'K' -> {
        require(params.isEmpty() || params.equals("0") || params.equals("2"), params, fin);
        StringBuilder r = rows.get(row);
        if (params.equals("2")) {
          r.setLength(0);
        } else if (r.length() > col) {
          r.setLength(col);
        }
      }
      case 'J' -> {
        require(params.isEmpty() || params.equals("0"), params, fin);
        StringBuilder r = rows.get(row);
        if (r.length() > col) {
          r.setLength(col);
        }
        for (int k = row + 1; k < rows.size(); k++) {
          rows.get(k).setLength(0);
        }
      }
      case 'l', 'h' -> {
        require(params.equals("?25"), params, fin);
        cursorVisible = fin == 'h';
      }
      default -> throw new AssertionError("unexpected sequence ESC[" + params + fin);
    }
    return i + 1;
  }

  private static void require(boolean ok, String params, char fin) {
    if (!ok) {
      throw new AssertionError("unexpected sequence ESC[" + params + fin);
    }
  }

  private void moveTo(int r) {
    row = r;
    while (rows.size() <= row) {
      rows.add(new StringBuilder());
    }
  }

  private void put(char c) {
    StringBuilder r = rows.get(row);
    while (r.length() < col) {
      r.append(' ');
    }
    if (col < r.length()) {
      r.setCharAt(col, c);
    } else {
      r.append(c);
    }
  }

  /** A narrower window on a terminal that does not reflow (xterm): rows are cut, not rewrapped. */
  public VirtualScreen resize(int columns) {
    width = columns;
    for (StringBuilder r : rows) {
      if (r.length() > columns) {
        r.setLength(columns);
      }
    }
    col = Math.min(col, columns - 1);
    return this;
  }

  /** The visible rows, trailing blanks trimmed and trailing empty rows dropped. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    for (StringBuilder r : rows) {
      out.add(r.toString().stripTrailing());
    }
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  public boolean cursorVisible() {
    return cursorVisible;
  }

  public int cursorRow() {
    return row;
  }

  public int cursorColumn() {
    return col;
  }
}
