package io.gitoverit.term;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The escaping of outside text for a terminal: examples of each rule, then random names (random
 * characters, and random bytes decoded as the JVM decodes file names) checked for two properties:
 * nothing a terminal acts on is left, and reading the escapes back gives the input.
 */
class VisibleTest {

  /** Bidirectional controls the issue lists. */
  static final String BIDI =
      "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069";

  @Test
  void theIssuesFolderNameIsShownAsEscapes() {
    assertEquals(
        "t\\e]0;pwned\\x07\\e[7;35mX\\u202eabc",
        Visible.of("t\u001b]0;pwned\u0007\u001b[7;35mX\u202eabc"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0   | \\x00",
        "7   | \\x07",
        "8   | \\x08",
        "9   | \\t",
        "10  | \\n",
        "13  | \\r",
        "27  | \\e",
        "31  | \\x1f",
        "127 | \\x7f",
        "128 | \\u0080",
        "133 | \\u0085",
        "155 | \\u009b",
        "159 | \\u009f",
      })
  void eachControlCharacterHasItsEscape(int c, String shown) {
    assertEquals("a" + shown + "b", Visible.of("a" + (char) c + "b"));
  }

  @Test
  void everyBidiControlIsAUnicodeEscape() {
    for (char c : BIDI.toCharArray()) {
      assertEquals(String.format("\\u%04x", (int) c), Visible.of(String.valueOf(c)));
    }
  }

  @Test
  void ordinaryTextIsLeftAlone() {
    for (String s :
        List.of(
            "",
            "projects/gitoverit",
            "~/src/müller",
            "日本語/リポジトリ",
            "a b",
            "C:\\Users\\Me",
            "trailing\\",
            "emoji \ud83d\ude00",
            "\ufffd from a bad byte",
            "zero\u200bwidth",
            "tab-free")) {
      assertSame(s, Visible.of(s), s);
    }
  }

  @Test
  void aBackslashIsDoubledOnlyWhereItWouldReadAsAnEscape() {
    assertEquals("dir\\\\new", Visible.of("dir\\new"));
    assertEquals("\\\\e", Visible.of("\\e"));
    assertEquals("\\\\x41", Visible.of("\\x41"));
    assertEquals("\\\\u202e", Visible.of("\\u202e"));
    assertEquals("\\\\\\", Visible.of("\\\\"));
    assertEquals("\\\\\\e", Visible.of("\\\u001b"));
    assertEquals("C:\\Users", Visible.of("C:\\Users"));
    assertEquals("a\\b", Visible.of("a\\b"));
  }

  @Test
  void anUnpairedSurrogateIsEscapedAPairIsNot() {
    assertEquals("x\\ud800y", Visible.of("x\ud800y"));
    assertEquals("x\\udc00", Visible.of("x\udc00"));
    assertEquals("\ud83d\ude00", Visible.of("\ud83d\ude00"));
  }

  /** Random names of characters drawn mostly from the interesting ones. */
  @Test
  void randomTextHasNoControlLeftAndUnescapesToItself() {
    Random random = new Random(20240611L);
    for (int n = 0; n < 20_000; n++) {
      check(randomText(random, random.nextInt(40)));
    }
  }

  /**
   * Random bytes as a file name: decoded as Java decodes names in a UTF-8 locale, in a Latin-1
   * locale (where bytes 0x80 to 0x9f become C1 controls) and in the locale of this run.
   */
  @Test
  void randomBytesDecodedAsTheJvmDecodesNamesHaveNoControlLeft() {
    Random random = new Random(7L);
    List<Charset> charsets =
        List.of(
            StandardCharsets.UTF_8,
            StandardCharsets.ISO_8859_1,
            Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8")));
    for (int n = 0; n < 20_000; n++) {
      byte[] bytes = new byte[random.nextInt(30)];
      random.nextBytes(bytes);
      if (random.nextBoolean() && bytes.length > 3) {
        // A valid multi-byte sequence now and then: U+202E, U+0085 and U+2069 in UTF-8.
        byte[][] seqs = {
          {(byte) 0xe2, (byte) 0x80, (byte) 0xae},
          {(byte) 0xc2, (byte) 0x85},
          {(byte) 0xe2, (byte) 0x81, (byte) 0xa9}
        };
        byte[] seq = seqs[random.nextInt(seqs.length)];
        System.arraycopy(seq, 0, bytes, random.nextInt(bytes.length - seq.length + 1), seq.length);
      }
      for (Charset cs : charsets) {
        check(new String(bytes, cs));
      }
    }
  }

  static void check(String input) {
    String shown = Visible.of(input);
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || BIDI.indexOf(c) >= 0) {
        fail("control U+" + Integer.toHexString(c) + " left in " + shown + " from " + dump(input));
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < shown.length()
          && Character.isLowSurrogate(shown.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        fail("unpaired surrogate left from " + dump(input));
      }
    }
    assertEquals(input, unescape(shown), () -> "not reversible: " + dump(input) + " -> " + shown);
    if (!needsEscape(input)) {
      assertSame(input, shown, () -> dump(input));
    }
  }

  /** Whether the text holds anything the rules change; otherwise it must come out unchanged. */
  static boolean needsEscape(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20
          || (c >= 0x7f && c <= 0x9f)
          || BIDI.indexOf(c) >= 0
          || Character.isSurrogate(c)
          || (c == '\\' && i + 1 < s.length() && "\\enrtxu".indexOf(s.charAt(i + 1)) >= 0)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The reading rule, written from the documentation: {@code \\ \e \n \r \t \xHH} and backslash-u
   * with four hex digits are escapes; any other backslash is itself.
   */
  static String unescape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        b.append(c);
        continue;
      }
      char next = s.charAt(i + 1);
      switch (next) {
        case '\\' -> b.append('\\');
        case 'e' -> b.append('\u001b');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'x' -> {
          b.append((char) Integer.parseInt(s.substring(i + 2, i + 4), 16));
          i += 2;
        }
        case 'u' -> {
          b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
          i += 4;
        }
        default -> {
          b.append(c);
          continue;
        }
      }
      i++;
    }
    return b.toString();
  }

  static String randomText(Random random, int length) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(10);
      switch (kind) {
        case 0 -> b.append((char) random.nextInt(0x20));
        case 1 -> b.append((char) (0x7f + random.nextInt(0x21)));
        case 2 -> b.append(BIDI.charAt(random.nextInt(BIDI.length())));
        case 3 -> b.append('\\');
        case 4 -> b.append("enrtxu0123456789abcdefABCDEF".charAt(random.nextInt(28)));
        case 5 -> b.append((char) (0xd800 + random.nextInt(0x800)));
        case 6 -> b.appendCodePoint(0x10000 + random.nextInt(0x100000));
        case 7 -> b.append((char) (0xa0 + random.nextInt(0xd800 - 0xa0)));
        default -> b.append((char) (0x20 + random.nextInt(0x5f)));
      }
    }
    return b.toString();
  }

  static String dump(String s) {
    List<String> units = new ArrayList<>();
    for (char c : s.toCharArray()) {
      units.add(Integer.toHexString(c));
    }
    return units.toString();
  }

  @Test
  void theReadingRuleOfThisTestAgreesWithTheDocumentedExamples() {
    assertEquals("a\u001bb\\q\\", unescape("a\\eb\\q\\"));
    assertTrue(needsEscape("\\n"));
  }
}
