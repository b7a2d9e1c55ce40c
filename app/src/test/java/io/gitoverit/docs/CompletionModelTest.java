package io.gitoverit.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gitoverit.docs.CompletionModel.Opt;
import io.gitoverit.docs.CompletionModel.Value;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What the completion scripts are told about each kind of option. */
class CompletionModelTest {

  enum Mode {
    fast,
    slow
  }

  static final class Fields implements CommaSeparated {
    @Override
    public Iterator<String> iterator() {
      return List.of("a", "b").iterator();
    }
  }

  @Command(name = "demo", mixinStandardHelpOptions = true)
  static final class Demo {
    @Option(
        names = {"-m", "--mode"},
        description = "Run mode: ${COMPLETION-CANDIDATES}.")
    Mode mode;

    @Option(
        names = "--fields",
        completionCandidates = Fields.class,
        description = "Fields (a, b), comma-separated.")
    String fields;

    @Option(names = "--config", paramLabel = "FILE", description = "Read FILE; e.g. x.toml.")
    Path config;

    @Option(names = "--cache", negatable = true, description = "Keep a cache. It helps.")
    boolean cache;

    @Option(names = "--limit", description = "Stop after N, e.g. 3")
    int limit;

    @Parameters(paramLabel = "DIR", arity = "0..*")
    List<Path> dirs;
  }

  private static Opt option(CompletionModel m, String name) {
    return m.options().stream().filter(o -> o.allNames().contains(name)).findFirst().orElseThrow();
  }

  @Test
  void eachKindOfValue() {
    CompletionModel m =
        CompletionModel.of(new CommandLine(new Demo()).getCommandSpec(), List.of("dm"));
    assertEquals(List.of("demo", "dm"), m.names());
    assertEquals(new Value.Choices(List.of("fast", "slow")), option(m, "--mode").value());
    assertEquals(new Value.CommaList(List.of("a", "b")), option(m, "--fields").value());
    assertEquals(new Value.Files(), option(m, "--config").value());
    assertEquals(new Value.None(), option(m, "--cache").value());
    assertEquals(List.of("--cache", "--no-cache"), option(m, "--cache").longs());
    assertEquals(new Value.Free(), option(m, "--limit").value());
    assertEquals(new Value.Dirs(), m.operands());
    assertEquals(true, option(m, "--help").exits());
    assertEquals(false, option(m, "--mode").exits());
  }

  @Test
  void theSummaryIsTheFirstPhraseWithoutRemarks() {
    CompletionModel m = CompletionModel.of(new CommandLine(new Demo()).getCommandSpec(), List.of());
    assertEquals("Run mode", option(m, "--mode").summary());
    assertEquals("Fields, comma-separated", option(m, "--fields").summary());
    assertEquals("Read FILE", option(m, "--config").summary());
    assertEquals("Keep a cache", option(m, "--cache").summary());
    assertEquals("Stop after N", option(m, "--limit").summary());
  }
}
