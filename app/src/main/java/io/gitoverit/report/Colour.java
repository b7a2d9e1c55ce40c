package io.gitoverit.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A foreground colour named the way upstream's (Rich's) colour specs name one: one of the 16
 * standard names ({@code red}, {@code bright_blue}, ...), {@code color(N)} for the 256-colour
 * palette, {@code #rrggbb} or {@code rgb(r,g,b)}. Only a colour: no styles, nothing else.
 */
public sealed interface Colour {
  /** A palette entry: 0-7 the standard colours, 8-15 their bright forms, up to 255. */
  record Indexed(int index) implements Colour {
    public Indexed {
      if (index < 0 || index > 255) {
        throw new IllegalArgumentException("palette index out of range: " + index);
      }
    }
  }

  /** A true colour, each component 0-255. */
  record Rgb(int red, int green, int blue) implements Colour {
    public Rgb {
      if ((red | green | blue) < 0 || red > 255 || green > 255 || blue > 255) {
        throw new IllegalArgumentException("colour component out of range");
      }
    }
  }

  /** The 8 standard names in palette order; {@code bright_} + a name is 8 further on. */
  List<String> NAMES =
      List.of("black", "red", "green", "yellow", "blue", "magenta", "cyan", "white");

  /** What the parser accepts, for messages. */
  String SPELLINGS =
      "a colour name such as red or bright_blue, color(0-255), #rrggbb or rgb(r,g,b)";

  /** The colour {@code spec} names (any case, surrounding blanks ignored), if it names one. */
  static Optional<Colour> parse(String spec) {
    String s = spec.strip().toLowerCase(Locale.ROOT);
    boolean bright = s.startsWith("bright_");
    int named = NAMES.indexOf(bright ? s.substring("bright_".length()) : s);
    if (named >= 0) {
      return Optional.of(new Indexed(named + (bright ? 8 : 0)));
    }
    Matcher m = Pattern.compile("color\\(\\s*(\\d{1,3})\\s*\\)").matcher(s);
    if (m.matches()) {
      int n = Integer.parseInt(m.group(1));
      return n <= 255 ? Optional.of(new Indexed(n)) : Optional.empty();
    }
    m = Pattern.compile("#([0-9a-f]{6})").matcher(s);
    if (m.matches()) {
      int v = Integer.parseInt(m.group(1), 16);
      return Optional.of(new Rgb(v >> 16, (v >> 8) & 0xff, v & 0xff));
    }
    m =
        Pattern.compile("rgb\\(\\s*(\\d{1,3})\\s*,\\s*(\\d{1,3})\\s*,\\s*(\\d{1,3})\\s*\\)")
            .matcher(s);
    if (m.matches()) {
      int r = Integer.parseInt(m.group(1));
      int g = Integer.parseInt(m.group(2));
      int b = Integer.parseInt(m.group(3));
      return r <= 255 && g <= 255 && b <= 255 ? Optional.of(new Rgb(r, g, b)) : Optional.empty();
    }
    return Optional.empty();
  }
}
