package io.gitoverit.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gitoverit.cli.CliRun;
import io.gitoverit.testing.GitFixture;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names with newlines and bytes that are not UTF-8, a tracked file 300 folders deep, and a long
 * path are counted as git counts them (surefire runs with a UTF-8 locale; OutputIT covers a C
 * locale).
 */
class NamesAndDepthTest {
  @TempDir Path tmp;

  @Test
  void oddNamesAndADeepTreeAreCountedAsGitCountsThem() throws Exception {
    tmp = tmp.toRealPath();
    GitFixture f = new GitFixture(tmp);
    String deep = "d/".repeat(300) + "deep.txt";
    String longName = "n".repeat(250) + ".txt";
    Path repo =
        f.repoWithCommit(
            tmp.resolve("odd"),
            deep,
            "a\n",
            longName,
            "l\n",
            "line\nbreak.txt",
            "x\n",
            "plain.txt",
            "p\n");
    GitFixture.append(repo, deep, "b\n");
    GitFixture.append(repo, "line\nbreak.txt", "y\n");
    Process p =
        new ProcessBuilder(
                "bash",
                "-c",
                "printf 'u\\n"
                    + "' > \"$(printf 'bad\\377name')\"; mkdir \"$(printf 'dir\\376')\"; printf"
                    + " 'v\\n"
                    + "' > \"$(printf 'dir\\376/in\\n"
                    + "side')\"; printf 'w\\n"
                    + "' > \"$(printf 'new\\n"
                    + "line')\";"
                    // the file whose name is not UTF-8 is the newest: its time must be the
                    // repository's
                    + " touch -d @1900000000.25 \"$(printf 'bad\\377name')\"")
            .directory(repo.toFile())
            .inheritIO()
            .start();
    assertEquals(true, p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue());
    // git: 2 modified (+2/-0), 3 untracked entries (a file, a folder, a file).
    String porcelain = f.git(repo, "status", "--porcelain", "-z");
    assertEquals(5, porcelain.split("\0").length, porcelain);

    CliRun r =
        CliRun.production("--format", "json", "--no-progress", tmp.resolve("odd").toString());

    assertEquals(0, r.exit(), r.err());
    Map<String, Object> row = JsonRows.parse(r.out()).get(0);
    assertEquals("2m (+2/-0) 3u", row.get("status"), r.out());
    assertEquals(1900000000.25, ((Number) row.get("mtime")).doubleValue(), 1e-6, r.out());
  }
}
