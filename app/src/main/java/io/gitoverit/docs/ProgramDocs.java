package io.gitoverit.docs;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a program's documents need beyond its command model.
 *
 * @param aliases other names the program is installed as (completion is registered for each)
 * @param version the version shown in the man page's header
 * @param manText the man page's sections after SYNOPSIS, in the markup {@link ManPage} reads
 * @param blocks preformatted texts that {@code manText} includes by name ({@code @name})
 */
public record ProgramDocs(
    List<String> aliases, String version, String manText, Map<String, String> blocks) {
  public ProgramDocs {
    aliases = List.copyOf(aliases);
    Objects.requireNonNull(version);
    Objects.requireNonNull(manText);
    blocks = Map.copyOf(blocks);
  }
}
