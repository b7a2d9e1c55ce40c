package io.gitoverit.render.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringWriter;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The JSON writer against what Python's {@code json.dumps(value, indent=2, sort_keys=True)} prints
 * for the same value: the expected text below is python3's output, pasted (see {@link
 * #PYTHON_VALUE} for the value as Python spells it).
 */
class PythonJsonTest {
  /** The value of {@link #tricky()} as a Python literal. */
  static final String PYTHON_VALUE =
      """
      [
        {
          "strings": ["plain", "\\U0001F600", "\\x00\\x01\\x1f", "\\x7f", "\\"", "\\\\",
                      "\\b\\f\\n\\r\\t", "caf\\u00e9", "\\u2191\\u2193", "/~ ", "\\x80\\uffff",
                      "\\ud800", "a\\u2028b"],
          "floats": [1e16, 1.5e-07, 0.1, 1e15, 1700000000.123456, -2.5, 2e23, 0.0, -0.0,
                     123456789012345678.0, 5e-324, 1.7976931348623157e308,
                     float("nan"), float("inf"), float("-inf")],
          "ints": [0, -1, 2147483647, 9007199254740993],
          "nulls": [None, None],
          "bools": [True, False],
          "empty_list": [],
          "empty_object": {},
          "nested": {"b": [[], [{}], [[None]]], "a": {"deeper": {"x": 1}}},
          "caf\\u00e9": "key escaped too",
        },
        [],
        {},
      ]
      """;

  /** What python3 prints for {@link #PYTHON_VALUE}. */
  static final String PYTHON_PRINTS =
      String.join(
          "\n",
          "[",
          "  {",
          "    \"bools\": [",
          "      true,",
          "      false",
          "    ],",
          "    \"caf\\u00e9\": \"key escaped too\",",
          "    \"empty_list\": [],",
          "    \"empty_object\": {},",
          "    \"floats\": [",
          "      1e+16,",
          "      1.5e-07,",
          "      0.1,",
          "      1000000000000000.0,",
          "      1700000000.123456,",
          "      -2.5,",
          "      2e+23,",
          "      0.0,",
          "      -0.0,",
          "      1.2345678901234568e+17,",
          "      5e-324,",
          "      1.7976931348623157e+308,",
          "      NaN,",
          "      Infinity,",
          "      -Infinity",
          "    ],",
          "    \"ints\": [",
          "      0,",
          "      -1,",
          "      2147483647,",
          "      9007199254740993",
          "    ],",
          "    \"nested\": {",
          "      \"a\": {",
          "        \"deeper\": {",
          "          \"x\": 1",
          "        }",
          "      },",
          "      \"b\": [",
          "        [],",
          "        [",
          "          {}",
          "        ],",
          "        [",
          "          [",
          "            null",
          "          ]",
          "        ]",
          "      ]",
          "    },",
          "    \"nulls\": [",
          "      null,",
          "      null",
          "    ],",
          "    \"strings\": [",
          "      \"plain\",",
          "      \"\\ud83d\\ude00\",",
          "      \"\\u0000\\u0001\\u001f\",",
          "      \"\\u007f\",",
          "      \"\\\"\",",
          "      \"\\\\\",",
          "      \"\\b\\f\\n\\r\\t\",",
          "      \"caf\\u00e9\",",
          "      \"\\u2191\\u2193\",",
          "      \"/~ \",",
          "      \"\\u0080\\uffff\",",
          "      \"\\ud800\",",
          "      \"a\\u2028b\"",
          "    ]",
          "  },",
          "  [],",
          "  {}",
          "]");

  private final PythonJson json = new PythonJson();

  static Object tricky() {
    SortedMap<String, Object> m = new TreeMap<>();
    m.put(
        "strings",
        List.of(
            "plain",
            "\ud83d\ude00",
            "\u0000\u0001\u001f",
            "\u007f",
            "\"",
            "\\",
            "\b\f\n\r\t",
            "caf\u00e9",
            "\u2191\u2193",
            "/~ ",
            "\u0080\uffff",
            "\ud800",
            "a\u2028b"));
    m.put(
        "floats",
        List.of(
            1e16,
            1.5e-07,
            0.1,
            1e15,
            1700000000.123456,
            -2.5,
            2e23,
            0.0,
            -0.0,
            123456789012345678.0,
            5e-324,
            1.7976931348623157e308,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY));
    m.put("ints", List.of(0, -1, Integer.MAX_VALUE, 9007199254740993L));
    m.put("nulls", Arrays.asList(null, null));
    m.put("bools", List.of(true, false));
    m.put("empty_list", List.of());
    m.put("empty_object", new TreeMap<>());
    SortedMap<String, Object> nested = new TreeMap<>();
    nested.put(
        "b", List.of(List.of(), List.of(new TreeMap<>()), List.of(Arrays.asList((Object) null))));
    nested.put("a", new TreeMap<>(Map.of("deeper", new TreeMap<>(Map.of("x", 1)))));
    m.put("nested", nested);
    m.put("caf\u00e9", "key escaped too");
    return List.of(m, List.of(), new TreeMap<>());
  }

  @Test
  void tricky_values_come_out_as_python_prints_them() {
    assertEquals(PYTHON_PRINTS, json.dumps(tricky()));
  }

  @Test
  void the_pasted_text_is_what_python3_prints_here() throws Exception {
    assumeTrue(Python.available(), "python3 not on PATH");
    String script =
        "import json,sys; sys.stdout.write(json.dumps(eval(sys.stdin.read()), indent=2,"
            + " sort_keys=True))";
    assertEquals(PYTHON_PRINTS, Python.run(script, PYTHON_VALUE));
  }

  @Test
  void writing_leaves_the_writer_open_and_unflushed() throws Exception {
    StringWriter sw = new StringWriter();
    boolean[] closedOrFlushed = {false};
    Writer w =
        new Writer() {
          @Override
          public void write(char[] cbuf, int off, int len) {
            sw.write(cbuf, off, len);
          }

          @Override
          public void flush() {
            closedOrFlushed[0] = true;
          }

          @Override
          public void close() {
            closedOrFlushed[0] = true;
          }
        };
    json.write(List.of(1, "\u00e9"), w);
    assertEquals("[\n  1,\n  \"\\u00e9\"\n]", sw.toString());
    assertEquals(false, closedOrFlushed[0]);
  }
}
