package io.gitoverit.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.testing.GitFixture;
import io.gitoverit.testing.HugeFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory bound for huge git files: the built jar, in a process of its own with a 256 MB heap,
 * scans gigabyte {@code .git} files, HEAD and indexes and a million-line packed-refs next to a
 * healthy repository, and completes with every row. (Reading any of those files whole needs more
 * than the heap holds.)
 */
class HugeFilesIT {
  @TempDir Path tmp;

  @Test
  void aSmallHeapScansHugeFilesAndReportsEveryRow() throws Exception {
    tmp = tmp.toRealPath();
    GitFixture fx = new GitFixture(tmp);
    HugeFiles huge = new HugeFiles(fx, tmp);
    Path jar = Path.of(System.getProperty("gitoverit.jar", "target/gitoverit.jar"));
    assertTrue(Files.isRegularFile(jar), "built jar missing: " + jar);
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                jar.toString(),
                "--format",
                "json",
                "--no-progress",
                "--errors",
                huge.root.toString())
            .directory(tmp.toFile());
    pb.environment().putAll(fx.environment());
    Process p = pb.start();
    p.getOutputStream().close();
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    String out = new String(read(p.getInputStream()), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the scan never ended");
    String errText = new String(err.get(), StandardCharsets.UTF_8);

    assertEquals(1, p.exitValue(), errText);
    Map<String, Map<String, Object>> rows = JsonRows.byName(JsonRows.parse(out));
    TreeSet<String> expected = new TreeSet<>(huge.healthy.keySet());
    expected.addAll(huge.broken.keySet());
    assertEquals(expected, new TreeSet<>(rows.keySet()), "every repository exactly once");
    huge.healthy.forEach(
        (name, status) ->
            assertEquals(status, rows.get(name).get("status"), name + ": " + rows.get(name)));
    huge.broken.forEach(
        (name, fragment) ->
            assertTrue(
                String.valueOf(rows.get(name).get("error")).contains(fragment),
                name + ": " + rows.get(name)));
    List<String> errorLines =
        errText.lines().filter(l -> l.startsWith("huge/")).toList(); // relative to the cwd
    assertEquals(huge.broken.size(), errorLines.size(), errText);
    assertTrue(!errText.contains("OutOfMemoryError") && !errText.contains("\tat "), errText);
  }

  private static byte[] read(InputStream in) {
    try (in) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      in.transferTo(b);
      return b.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
