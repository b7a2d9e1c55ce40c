package io.gitoverit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ColourTest {
  @ParameterizedTest
  @CsvSource({
    "black, 0",
    "red, 1",
    "white, 7",
    "bright_black, 8",
    "Bright_Red, 9",
    "' cyan ', 6",
    "bright_white, 15",
    "color(0), 0",
    "color(208), 208",
    "COLOR( 255 ), 255"
  })
  void namesAndPaletteEntries(String spec, int index) {
    assertEquals(Optional.of(new Colour.Indexed(index)), Colour.parse(spec));
  }

  @ParameterizedTest
  @CsvSource({
    "#00ff7f, 0, 255, 127",
    "#ABCDEF, 171, 205, 239",
    "'rgb(1, 2, 3)', 1, 2, 3",
    "'rgb(255,255,255)', 255, 255, 255"
  })
  void trueColours(String spec, int r, int g, int b) {
    assertEquals(Optional.of(new Colour.Rgb(r, g, b)), Colour.parse(spec));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "mauve",
        "bright_",
        "color(256)",
        "color(-1)",
        "#fff",
        "#gggggg",
        "rgb(1,2)",
        "rgb(1,2,256)",
        "bold red",
        "red on white",
        "color(\u0661)"
      })
  void anythingElseIsNoColour(String spec) {
    assertEquals(Optional.empty(), Colour.parse(spec));
  }
}
