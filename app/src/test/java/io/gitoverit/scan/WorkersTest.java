package io.gitoverit.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkersTest {
  @ParameterizedTest
  @CsvSource({
    // requested (empty = auto), cpus, expected
    ",1,1",
    ",2,2",
    ",3,2",
    ",4,3",
    ",9,8",
    ",64,8",
    "0,8,0",
    "5,2,5",
    "-3,2,0"
  })
  void upstreamRule(Integer requested, int cpus, int expected) {
    assertEquals(expected, Workers.resolve(requested, cpus));
  }
}
