package io.gitoverit.testing;

import static org.junit.jupiter.api.Assertions.fail;

/** Checks that text written for a person carries nothing a terminal would act on. */
public final class TerminalText {
  /** The bidirectional controls: U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069. */
  public static final String BIDI =
      "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069";

  private TerminalText() {}

  /**
   * Fails unless {@code text}, once the colour sequences ({@code ESC [ digits ; m}) are taken out,
   * holds no C0 control but the line feed, no DEL, no C1 control and no bidirectional control.
   */
  public static void assertSafe(String text) {
    String plain = withoutColour(text);
    for (int i = 0; i < plain.length(); i++) {
      char c = plain.charAt(i);
      if ((c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f) || BIDI.indexOf(c) >= 0) {
        int from = Math.max(0, i - 30);
        fail(
            String.format(
                "U+%04X at %d, after \"%s\", in:%n%s",
                (int) c,
                i,
                plain.substring(from, i).replace("\033", "ESC"),
                text.replace("\033", "ESC")));
      }
    }
  }

  /** {@code text} without SGR colour sequences. */
  public static String withoutColour(String text) {
    return text.replaceAll("\033\\[[0-9;]*m", "");
  }
}
