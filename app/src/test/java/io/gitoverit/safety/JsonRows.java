package io.gitoverit.safety;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses gitoverit's JSON output (an array of flat objects, whose only nested values are lists of
 * strings) into maps, for assertions.
 */
final class JsonRows {
  private JsonRows() {}

  static List<Map<String, Object>> parse(String json) throws IOException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (JsonParser p = new JsonFactory().createParser(json)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new IOException("not an array: " + json);
      }
      while (p.nextToken() == JsonToken.START_OBJECT) {
        Map<String, Object> row = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken t = p.nextToken();
          if (t == JsonToken.START_ARRAY) { // warnings: a list of strings
            List<String> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
              items.add(p.getText());
            }
            row.put(name, items);
            continue;
          }
          row.put(
              name,
              switch (t) {
                case VALUE_NULL -> null;
                case VALUE_TRUE, VALUE_FALSE -> p.getBooleanValue();
                case VALUE_NUMBER_INT -> p.getLongValue();
                case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                default -> p.getText();
              });
        }
        rows.add(row);
      }
      if (p.nextToken() != null) {
        throw new IOException("trailing content after the array");
      }
    }
    return rows;
  }

  /** Rows by the last name of their path. */
  static Map<String, Map<String, Object>> byName(List<Map<String, Object>> rows) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    for (Map<String, Object> row : rows) {
      String path = (String) row.get("path");
      Object previous = out.put(path.substring(path.lastIndexOf('/') + 1), row);
      if (previous != null) {
        throw new AssertionError("reported twice: " + path);
      }
    }
    return out;
  }
}
