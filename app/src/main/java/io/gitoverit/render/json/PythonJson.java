package io.gitoverit.render.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.gitoverit.report.PythonFloats;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Python's {@code json.dumps(value, indent=2, sort_keys=True)} through jackson-core's generator:
 * two-space indentation, a newline after each {@code ,}, {@code ": "} after a key, {@code []} and
 * {@code {}} for empty containers; {@code ensure_ascii} escaping (everything outside {@code ' '} to
 * {@code '~'} as a {@code \}uXXXX escape in lower-case hex, astral characters as surrogate pairs);
 * floats as Python's {@code repr}. Values are sorted maps (so keys come out sorted), lists,
 * strings, booleans, integers, doubles and null.
 */
final class PythonJson {
  private final JsonFactory factory =
      new JsonFactoryBuilder()
          .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
          .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
          .characterEscapes(new PythonEscapes())
          // The caller owns the writer: closing the generator only hands over what it buffered.
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
          .build();

  /** The JSON text of {@code value}. */
  String dumps(Object value) {
    StringWriter sw = new StringWriter();
    try {
      write(value, sw);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return sw.toString();
  }

  /** Writes the JSON text of {@code value} to {@code out}, neither flushed nor closed. */
  void write(Object value, Writer out) throws IOException {
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.setPrettyPrinter(prettyPrinter());
      writeValue(g, value);
    }
  }

  /** Python's layout with {@code indent=2}; a new one per generator, as it counts the nesting. */
  private static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indent = new DefaultIndenter("  ", "\n");
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    return new DefaultPrettyPrinter(separators)
        .withObjectIndenter(indent)
        .withArrayIndenter(indent);
  }

  private static void writeValue(JsonGenerator g, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof Double d) {
      // json.dumps spells the non-finite values as JavaScript does, the rest as repr()
      g.writeNumber(
          Double.isNaN(d)
              ? "NaN"
              : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity") : PythonFloats.repr(d));
    } else if (value instanceof Integer i) {
      g.writeNumber(i);
    } else if (value instanceof Long l) {
      g.writeNumber(l);
    } else if (value instanceof List<?> list) {
      g.writeStartArray();
      for (Object item : list) {
        writeValue(g, item);
      }
      g.writeEndArray();
    } else if (value instanceof SortedMap<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeFieldName((String) e.getKey());
        writeValue(g, e.getValue());
      }
      g.writeEndObject();
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass());
    }
  }

  /**
   * JSON's standard escapes for ASCII, plus DEL, which Python escapes and Jackson does not; the
   * characters above ASCII are escaped by {@link JsonWriteFeature#ESCAPE_NON_ASCII}.
   */
  private static final class PythonEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii;

    PythonEscapes() {
      ascii = standardAsciiEscapesForJSON();
      ascii[0x7f] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return null;
    }
  }
}
