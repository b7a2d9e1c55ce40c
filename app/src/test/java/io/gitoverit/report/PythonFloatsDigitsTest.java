package io.gitoverit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The two ways to the shortest digits agree: {@code Double.toString} (Java 19+), where it answers,
 * and the search by rounding, which every JDK can do.
 */
class PythonFloatsDigitsTest {
  @Test
  void toStringDigitsAreTheSearchedOnesWhereverItAnswers() {
    assumeTrue(Runtime.version().feature() >= 19, "Double.toString is shortest from Java 19 on");
    SplittableRandom rnd = new SplittableRandom(20261203);
    int answered = 0;
    for (int i = 0; i < 50_000; i++) {
      double d =
          switch (i % 4) {
            case 0 -> Double.longBitsToDouble(rnd.nextLong() & 0x7fefffffffffffffL);
            case 1 ->
                rnd.nextLong(1_000_000_000L, 2_000_000_000L) + rnd.nextInt(1_000_000_000) * 1e-9;
            case 2 -> Double.longBitsToDouble(rnd.nextLong(1, 1L << 52) >>> rnd.nextInt(52));
            default -> rnd.nextInt(1, 1000) * Math.pow(10, rnd.nextInt(-320, 300));
          };
      if (d == 0 || Double.isInfinite(d)) {
        continue;
      }
      PythonFloats.Digits fast = PythonFloats.fromToString(Double.toString(d));
      if (fast != null) {
        answered++;
        assertEquals(PythonFloats.searched(d), fast, () -> Double.toString(d));
      }
    }
    assertTrue(answered > 37_500, "toString answered " + answered);
  }

  @Test
  void twoDigitsAreLeftToTheSearchWhereOneWouldDo() {
    assumeTrue(Runtime.version().feature() >= 19, "Double.toString is shortest from Java 19 on");
    assertEquals("4.9E-324", Double.toString(Double.MIN_VALUE));
    assertNull(PythonFloats.fromToString(Double.toString(Double.MIN_VALUE)));
    assertEquals(new PythonFloats.Digits("5", -324), PythonFloats.searched(Double.MIN_VALUE));
  }

  @Test
  void readsBothOfJavasNotations() {
    assertEquals(new PythonFloats.Digits("1", 2), PythonFloats.fromToString("100.0"));
    assertEquals(new PythonFloats.Digits("123", -3), PythonFloats.fromToString("0.00123"));
    assertEquals(
        new PythonFloats.Digits("1764800000123456", 9),
        PythonFloats.fromToString("1.764800000123456E9"));
    assertEquals(new PythonFloats.Digits("305", -10), PythonFloats.fromToString("3.05E-10"));
  }
}
