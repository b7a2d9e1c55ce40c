package io.gitoverit.bench;

import io.gitoverit.analysis.AnalysisException;
import io.gitoverit.analysis.AnalysisOptions;
import io.gitoverit.analysis.RepoAnalyzer;
import io.gitoverit.analysis.gitexe.GitExeAnalyzer;
import io.gitoverit.analysis.gitexe.GitRunner;
import io.gitoverit.analysis.jgit.JGitAnalyzer;
import io.gitoverit.analysis.jgit.JGitRuntime;
import io.gitoverit.analysis.jgit.RoutingAnalyzer;
import io.gitoverit.fs.EntryStats;
import io.gitoverit.fs.ModifiedTimes;
import io.gitoverit.fs.TypedListing;
import io.gitoverit.fs.TypedListings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small JMH-style harness for the analysis of one repository: warm-up iterations, then timed
 * iterations of the production analyzer (JGit, git as the fallback) and of the git engine alone,
 * interleaved, reported as median and spread. Run with {@code mvn -Pbench -DskipTests package};
 * it builds a small, a medium and a large repository under {@code target/bench-repos} once.
 * Arguments: warm-up count, measured count, then extra repository paths to measure.
 */
public final class AnalysisBench {
  private AnalysisBench() {}

  public static void main(String[] args) throws Exception {
    int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int measured = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    Path base = Path.of(System.getProperty("bench.dir", "target/bench-repos")).toAbsolutePath();
    Map<String, Path> repos = new LinkedHashMap<>();
    repos.put("small (30 files, clean)", BenchRepos.ensure(base.resolve("small"), 30, false));
    repos.put("medium (2,000 files, dirty)", BenchRepos.ensure(base.resolve("medium"), 2_000, true));
    repos.put("large (20,000 files, clean)", BenchRepos.ensure(base.resolve("large"), 20_000, false));
    for (int i = 2; i < args.length; i++) {
      repos.put(args[i], Path.of(args[i]).toRealPath());
    }

    JGitRuntime runtime = JGitRuntime.install();
    GitRunner git = GitRunner.standard();
    Map<String, RepoAnalyzer> engines = new LinkedHashMap<>();
    // As the production wiring: the git engine stats through the native layer where there is one.
    Optional<ModifiedTimes> nativeStat = TypedListings.typedListing().flatMap(TypedListing::modifiedTimes);
    Optional<EntryStats> nativeList = TypedListings.typedListing().flatMap(TypedListing::entryStats);
    engines.put("gitoverit (jgit + fallback)", new RoutingAnalyzer(new JGitAnalyzer(runtime, git, nativeList),
        new GitExeAnalyzer(git, nativeStat)));
    engines.put("git engine only", new GitExeAnalyzer(git, nativeStat));

    System.out.printf(
        "JVM %s %s, %d cpus, native stat %s, %d warm-up + %d measured iterations, ms per analysis%n",
        System.getProperty("java.vm.name"), System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), nativeStat.isPresent() ? "yes" : "no", warmup,
        measured);
    System.out.printf("%-30s %-28s %9s %9s %9s%n", "repository", "engine", "median", "min", "max");
    for (Map.Entry<String, Path> repo : repos.entrySet()) {
      Map<String, List<Double>> times = new LinkedHashMap<>();
      engines.keySet().forEach(e -> times.put(e, new ArrayList<>()));
      for (int i = 0; i < warmup + measured; i++) {
        for (Map.Entry<String, RepoAnalyzer> engine : engines.entrySet()) {
          double ms = once(engine.getValue(), repo.getValue());
          if (i >= warmup) {
            times.get(engine.getKey()).add(ms);
          }
        }
      }
      for (Map.Entry<String, List<Double>> t : times.entrySet()) {
        double[] v = t.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("%-30s %-28s %9.2f %9.2f %9.2f%n",
            repo.getKey(), t.getKey(), v[v.length / 2], v[0], v[v.length - 1]);
      }
    }
  }

  private static double once(RepoAnalyzer analyzer, Path repo) throws AnalysisException {
    long start = System.nanoTime();
    analyzer.analyze(repo, AnalysisOptions.FULL);
    return (System.nanoTime() - start) / 1e6;
  }

  /** Builds the benchmark repositories with git, once: fixed content, one commit. */
  static final class BenchRepos {
    private BenchRepos() {}

    static Path ensure(Path dir, int files, boolean dirty) throws IOException, InterruptedException {
      if (Files.isDirectory(dir.resolve(".git"))) {
        return dir.toRealPath();
      }
      Files.createDirectories(dir);
      git(dir, "init", "-q", "-b", "main");
      for (int i = 0; i < files; i++) {
        Path file = dir.resolve("d" + (i / 50)).resolve("f" + i + ".txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, lines(i, 12), StandardCharsets.UTF_8);
      }
      git(dir, "add", "-A");
      git(dir, "commit", "-q", "-m", "bench");
      if (dirty) { // every 97th file changed, half of them staged, and two untracked files
        for (int i = 0; i < files; i += 97) {
          Path file = dir.resolve("d" + (i / 50)).resolve("f" + i + ".txt");
          Files.writeString(file, lines(i + 1, 14), StandardCharsets.UTF_8);
          if (i % 2 == 0) {
            git(dir, "add", dir.relativize(file).toString());
          }
        }
        Files.writeString(dir.resolve("untracked-1.txt"), "new\n");
        Files.writeString(dir.resolve("untracked-2.txt"), "new\n");
      }
      return dir.toRealPath();
    }

    private static String lines(int seed, int count) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < count; i++) {
        b.append("line ").append(i).append(" of file ").append(seed).append('\n');
      }
      return b.toString();
    }

    private static void git(Path dir, String... args) throws IOException, InterruptedException {
      List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
      cmd.addAll(Arrays.asList(args));
      ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
      Map<String, String> env = pb.environment();
      env.put("GIT_CONFIG_GLOBAL", "/dev/null");
      env.put("GIT_CONFIG_NOSYSTEM", "1");
      env.put("GIT_AUTHOR_NAME", "Bench");
      env.put("GIT_AUTHOR_EMAIL", "bench@example.invalid");
      env.put("GIT_COMMITTER_NAME", "Bench");
      env.put("GIT_COMMITTER_EMAIL", "bench@example.invalid");
      env.put("GIT_AUTHOR_DATE", "2023-11-14T22:13:20Z");
      env.put("GIT_COMMITTER_DATE", "2023-11-14T22:13:20Z");
      if (pb.start().waitFor() != 0) {
        throw new IOException("git " + String.join(" ", args) + " failed in " + dir);
      }
    }
  }
}
