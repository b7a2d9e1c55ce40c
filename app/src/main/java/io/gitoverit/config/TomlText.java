package io.gitoverit.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TOML document read with Jackson's TOML module into plain values ({@code Map} in document order,
 * {@code List}, {@code String}, {@code Boolean}, {@code Long} or {@code BigInteger}, {@code
 * Double}), and the line each key is set on. Jackson's TOML parser keeps no positions past a syntax
 * error, so the lines come from a light scan of the text: exact for ordinary files, and merely
 * absent where the scan cannot tell.
 */
final class TomlText {
  private static final Pattern ARRAY_TABLE =
      Pattern.compile("\\[\\[\\s*([^\\]]+?)\\s*\\]\\]\\s*(#.*)?");
  private static final Pattern TABLE = Pattern.compile("\\[\\s*([^\\]]+?)\\s*\\]\\s*(#.*)?");
  private static final Pattern KEY =
      Pattern.compile("([A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')\\s*(?:\\.[^=]*)?=(.*)");

  private final Map<String, Object> root;
  private final Map<String, Integer> lines;

  private TomlText(Map<String, Object> root, Map<String, Integer> lines) {
    this.root = root;
    this.lines = lines;
  }

  /** A TOML syntax error, with the line Jackson reports. */
  static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    private final OptionalInt line;

    SyntaxError(String message, OptionalInt line) {
      super(message);
      this.line = line;
    }

    OptionalInt line() {
      return line;
    }
  }

  /** Parses {@code text}. */
  static TomlText parse(String text) throws SyntaxError {
    try (JsonParser p = new TomlFactory().createParser(text)) {
      JsonToken first = p.nextToken();
      @SuppressWarnings("unchecked")
      Map<String, Object> root =
          first == JsonToken.START_OBJECT ? (Map<String, Object>) value(p) : Map.of();
      return new TomlText(root, keyLines(text));
    } catch (JacksonException e) {
      JsonLocation at = e.getLocation();
      if (at == null || at.getLineNr() <= 0) {
        throw new SyntaxError(e.getOriginalMessage(), OptionalInt.empty());
      }
      // A duplicate key is reported after its value: at the start of the next line if the value
      // ended the line.
      boolean afterLine =
          e.getOriginalMessage().startsWith("Duplicate key")
              && at.getColumnNr() == 1
              && at.getLineNr() > 1;
      throw new SyntaxError(
          e.getOriginalMessage(), OptionalInt.of(at.getLineNr() - (afterLine ? 1 : 0)));
    } catch (IOException e) {
      throw new SyntaxError(String.valueOf(e.getMessage()), OptionalInt.empty());
    }
  }

  /** The top-level table. */
  Map<String, Object> root() {
    return root;
  }

  /**
   * The line {@code key} is set on: {@code key} at the top, {@code table.key} in a table, {@code
   * name[i]} for the header of the i-th {@code [[name]]} and {@code name[i].key} inside it.
   */
  OptionalInt line(String key) {
    Integer n = lines.get(key);
    return n == null ? OptionalInt.empty() : OptionalInt.of(n);
  }

  private static Object value(JsonParser p) throws IOException {
    switch (p.currentToken()) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          map.put(name, value(p));
        }
        return map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(value(p));
        }
        return list;
      }
      case VALUE_NUMBER_INT -> {
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? p.getBigIntegerValue()
            : (Object) p.getLongValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        return p.getDoubleValue();
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return p.getBooleanValue();
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> {
        return p.getText(); // strings, and dates and times as their text
      }
    }
  }

  /** The first line of each key, table header and array-of-tables entry. */
  private static Map<String, Integer> keyLines(String text) {
    Map<String, Integer> lines = new HashMap<>();
    Map<String, Integer> arrayEntries = new HashMap<>();
    String table = "";
    String openString = null; // the closing quotes while inside a multi-line string
    String[] all = text.split("\r?\n", -1);
    for (int i = 0; i < all.length; i++) {
      String line = all[i].strip();
      if (openString != null) {
        if (count(line, openString) % 2 == 1) {
          openString = null;
        }
        continue;
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher m;
      if ((m = ARRAY_TABLE.matcher(line)).matches()) {
        String name = unquote(m.group(1));
        int index = arrayEntries.merge(name, 1, Integer::sum) - 1;
        table = name + "[" + index + "]";
        lines.putIfAbsent(table, i + 1);
      } else if ((m = TABLE.matcher(line)).matches()) {
        table = unquote(m.group(1));
        lines.putIfAbsent(table, i + 1);
      } else if ((m = KEY.matcher(line)).matches()) {
        String key = unquote(m.group(1));
        lines.putIfAbsent(table.isEmpty() ? key : table + "." + key, i + 1);
        for (String quotes : List.of("\"\"\"", "'''")) {
          if (count(m.group(2), quotes) % 2 == 1) {
            openString = quotes;
          }
        }
      }
    }
    return lines;
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int k = s.indexOf(what); k >= 0; k = s.indexOf(what, k + what.length())) {
      n++;
    }
    return n;
  }

  private static String unquote(String key) {
    String k = key.strip();
    boolean quoted =
        k.length() >= 2
            && (k.startsWith("\"") && k.endsWith("\"") || k.startsWith("'") && k.endsWith("'"));
    return quoted ? k.substring(1, k.length() - 1) : k;
  }
}
