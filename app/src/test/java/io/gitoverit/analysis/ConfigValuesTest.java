package io.gitoverit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConfigValuesTest {

  @Test
  void configValuesAreTypedAsUpstreamPrintsThem() {
    assertEquals("755", ConfigValues.typed("0755"));
    assertEquals("1.0", ConfigValues.typed("1.0"));
    assertEquals("True", ConfigValues.typed("TRUE"));
    assertEquals("False", ConfigValues.typed("false"));
    assertEquals("origin", ConfigValues.typed("origin"));
  }
}
