package io.gitoverit.render.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gitoverit.report.PythonFloats;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonFloatsTest {
  @ParameterizedTest
  @CsvSource({
    "1700000000.123456, 1700000000.123456",
    "1.0, 1.0",
    "0.5, 0.5",
    "0.0001, 0.0001",
    "0.00001, 1e-05",
    "1e16, 1e+16",
    "1e15, 1000000000000000.0",
    "123456789012345678, 1.2345678901234568e+17",
    "-2.5e-7, -2.5e-07",
    "2e23, 2e+23",
    "0.1, 0.1",
    "4.9e-324, 5e-324",
    "1e-323, 1e-323",
    "2.5, 2.5",
    "0.12, 0.12",
    "1.2e9, 1200000000.0",
    "1e22, 1e+22",
    "1.7976931348623157e308, 1.7976931348623157e+308",
    "2.2250738585072014e-308, 2.2250738585072014e-308",
    "100.0, 100.0",
    "9007199254740993, 9007199254740992.0",
  })
  void matchesPythonRepr(double value, String python) {
    assertEquals(python, PythonFloats.repr(value));
  }

  @Test
  void negativeZero() {
    assertEquals("-0.0", PythonFloats.repr(-0.0));
    assertEquals("0.0", PythonFloats.repr(0.0));
  }

  /** Python's own repr for a spread of doubles, mtimes with nanoseconds among them. */
  @Test
  void agreesWithPythonOnRandomValues() throws Exception {
    assumeTrue(Python.available(), "python3 not on PATH");
    SplittableRandom rnd = new SplittableRandom(42);
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      values.add(rnd.nextLong(1_000_000_000L, 2_000_000_000L) + rnd.nextInt(1_000_000_000) * 1e-9);
      values.add(Double.longBitsToDouble(rnd.nextLong() & 0x7fefffffffffffffL));
      values.add(rnd.nextDouble() * Math.pow(10, rnd.nextInt(-8, 20)));
      // subnormals, and short decimals (one or two digits) at every scale
      values.add(Double.longBitsToDouble(rnd.nextLong(1, 1L << 52) >>> rnd.nextInt(52)));
      values.add(rnd.nextInt(1, 100) * Math.pow(10, rnd.nextInt(-320, 300)));
    }
    StringBuilder in = new StringBuilder();
    StringBuilder expectedOurs = new StringBuilder();
    for (double v : values) {
      in.append(Long.toHexString(Double.doubleToRawLongBits(v))).append('\n');
      expectedOurs.append(PythonFloats.repr(v)).append('\n');
    }
    String script =
        "import sys,struct\n"
            + "for line in sys.stdin.read().split():\n"
            + "    print(repr(struct.unpack('>d', bytes.fromhex(line.zfill(16)))[0]))\n";
    assertEquals(Python.run(script, in.toString()), expectedOurs.toString());
  }
}
