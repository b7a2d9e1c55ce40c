package io.gitoverit.analysis.gitexe;

import io.gitoverit.analysis.AnalysisException;
import io.gitoverit.fs.ModifiedTimes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The work-tree facts that need more than git status: line totals and the newest mtime. */
final class WorktreeFacts {
  private WorktreeFacts() {}

  /**
   * Added and deleted lines over {@code git diff --numstat --cached}, then {@code git diff
   * --numstat}.
   */
  record LineTotals(int additions, int deletions) {}

  /**
   * The line totals as git prints them (conflicted paths included). A diff that fails (git cannot
   * read a tracked path, say) counts 0, as upstream's does. Neither an external diff nor a textconv
   * program runs.
   */
  static LineTotals lineTotals(GitRunner git, Path root) throws IOException {
    int[] sum = new int[2];
    for (boolean cached : new boolean[] {true, false}) {
      GitRunner.Result r =
          cached
              ? git.run(
                  root, "diff", "--numstat", "-z", "--no-ext-diff", "--no-textconv", "--cached")
              : git.run(root, "diff", "--numstat", "-z", "--no-ext-diff", "--no-textconv");
      if (r.ok()) {
        addNumstat(r.stdout(), sum);
      }
    }
    return new LineTotals(sum[0], sum[1]);
  }

  /**
   * Adds up {@code numstat -z} records: {@code A TAB D TAB path NUL}, or for a rename or copy
   * {@code A TAB D TAB NUL from NUL to NUL}. A column that is not all digits ({@code -} for a
   * binary file) counts 0.
   */
  static void addNumstat(byte[] raw, int[] sum) {
    List<byte[]> fields = PorcelainStatus.splitNul(raw);
    for (int i = 0; i < fields.size(); i++) {
      String[] cols = new String(fields.get(i), StandardCharsets.UTF_8).split("\t", 3);
      if (cols.length < 3) {
        continue;
      }
      sum[0] += digits(cols[0]);
      sum[1] += digits(cols[1]);
      if (cols[2].isEmpty()) {
        i += 2; // the two paths of a rename or copy
      }
    }
  }

  private static int digits(String column) {
    if (column.isEmpty() || !column.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return 0;
    }
    return Integer.parseInt(column);
  }

  /** Above this many names the stat calls are shared out among threads. */
  private static final int PARALLEL_FROM = 8192;

  /**
   * The newest modification time (links followed, nanosecond precision) over the paths that {@code
   * git ls-files -z --sparse} with {@code which} ({@code --cached} for the tracked paths, {@code
   * --others --exclude-standard} for the untracked, not ignored ones) lists, skipping {@code .git}
   * and paths that do not exist; empty when there are none. Names that this JVM cannot turn into a
   * path (bytes that are not valid in its file-name encoding) are handed, as bytes, to {@code stat}
   * (see {@link #statRawNames}). Many names are stat'ed by several threads.
   *
   * @throws AnalysisException when git cannot list the files
   */
  static Optional<Instant> newestMtime(
      GitRunner git, Path root, Optional<ModifiedTimes> times, String... which)
      throws IOException, AnalysisException {
    List<String> args = new java.util.ArrayList<>(List.of("ls-files", "--sparse", "-z"));
    args.addAll(List.of(which));
    GitRunner.Result r = git.run(root, args.toArray(String[]::new));
    if (!r.ok()) {
      throw new AnalysisException(r.errorLine("git ls-files"));
    }
    return newestMtime(root, PorcelainStatus.splitNul(r.stdout()), times);
  }

  /**
   * The newest modification time over {@code names} (work-tree paths as git stores them), as {@link
   * #newestMtime(GitRunner, Path, Optional, String...)} judges the names git lists: by {@code
   * times} where it answers, else by NIO.
   */
  static Optional<Instant> newestMtime(
      Path root, List<byte[]> names, Optional<ModifiedTimes> times) {
    List<byte[]> counted = new java.util.ArrayList<>(names.size());
    for (byte[] name : names) {
      if (!inDotGit(name)) {
        counted.add(name);
      }
    }
    if (times.isPresent() && times.get().ready(counted.size())) {
      Long nanos =
          inChunks(
              counted.size(),
              (from, to) -> times.get().newestNanos(root, counted.subList(from, to)));
      if (nanos != null) {
        return instant(nanos);
      }
    }
    java.nio.charset.Charset jnu =
        java.nio.charset.Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
    java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
    List<String> paths = new java.util.ArrayList<>(counted.size());
    for (byte[] name : counted) {
      String n = new String(name, StandardCharsets.UTF_8);
      if (!ascii(name) && !expressible(n, name, jnu)) {
        raw.writeBytes(name);
        raw.write(0);
        continue;
      }
      paths.add(n);
    }
    Optional<Instant> newest =
        instant(inChunks(paths.size(), (from, to) -> newestNanos(root, paths, from, to)));
    if (raw.size() > 0) {
      newest = newer(newest, statRawNames(root, raw.toByteArray()));
    }
    return newest;
  }

  /**
   * What a stat pass says of the names in {@code [from, to)}: nanoseconds, or null (cannot say).
   */
  @FunctionalInterface
  private interface Span {
    Long newestNanos(int from, int to);
  }

  /**
   * The newest answer of {@code span} over {@code [0, size)}: in one piece, or from {@link
   * #PARALLEL_FROM} names on in chunks of 4,096 on several threads; null when a piece says null.
   */
  private static Long inChunks(int size, Span span) {
    if (size < PARALLEL_FROM) {
      return span.newestNanos(0, size);
    }
    int chunks = (size + 4095) / 4096;
    Long[] answers = new Long[chunks];
    java.util.stream.IntStream.range(0, chunks)
        .parallel()
        .forEach(c -> answers[c] = span.newestNanos(c * 4096, Math.min(size, c * 4096 + 4096)));
    long newest = Long.MIN_VALUE;
    for (Long answer : answers) {
      if (answer == null) {
        return null;
      }
      newest = Math.max(newest, answer);
    }
    return newest;
  }

  /** Nanoseconds since the epoch as a time; {@link Long#MIN_VALUE} (nothing found) as none. */
  private static Optional<Instant> instant(long nanos) {
    return nanos == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.EPOCH.plusNanos(nanos));
  }

  /** Whether the name is {@code .git} or below it. */
  private static boolean inDotGit(byte[] name) {
    return name.length >= 4
        && name[0] == '.'
        && name[1] == 'g'
        && name[2] == 'i'
        && name[3] == 't'
        && (name.length == 4 || name[4] == '/');
  }

  /** The later of two times, either of which may be missing. */
  static Optional<Instant> newer(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    return b.isPresent() && b.get().isAfter(a.get()) ? b : a;
  }

  /** The newest mtime, in nanoseconds since the epoch, of {@code paths[from, to)}. */
  private static long newestNanos(Path root, List<String> paths, int from, int to) {
    long newest = Long.MIN_VALUE;
    for (int i = from; i < to; i++) {
      long t;
      try {
        t =
            Files.getLastModifiedTime(root.resolve(paths.get(i)))
                .to(java.util.concurrent.TimeUnit.NANOSECONDS);
      } catch (IOException | InvalidPathException e) {
        continue; // missing or a dangling link: upstream skips it too
      }
      newest = Math.max(newest, t);
    }
    return newest;
  }

  private static boolean ascii(byte[] name) {
    for (byte b : name) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether Java can name {@code bytes} as a path: they are valid in its file-name encoding. */
  private static boolean expressible(String decoded, byte[] bytes, java.nio.charset.Charset jnu) {
    return java.util.Arrays.equals(decoded.getBytes(jnu), bytes)
        && java.util.Arrays.equals(decoded.getBytes(StandardCharsets.UTF_8), bytes);
  }

  /**
   * The newest modification time of files whose names Java cannot express (bytes that are not valid
   * UTF-8, or any non-ASCII name under a non-UTF-8 locale): the names go to GNU {@code stat}
   * through stdin, as bytes, with {@code xargs -0}. Empty when those tools are missing or fail;
   * then, as before, these files do not count.
   */
  static Optional<Instant> statRawNames(Path root, byte[] nulSeparatedNames) {
    ProcessBuilder pb =
        new ProcessBuilder("xargs", "-0", "-r", "stat", "-L", "--printf", "%.9Y\\n", "--")
            .directory(root.toFile());
    pb.environment().put("LC_ALL", "C");
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    try {
      Process p = pb.start();
      Thread feeder =
          new Thread(
              () -> {
                try (java.io.OutputStream in = p.getOutputStream()) {
                  in.write(nulSeparatedNames);
                } catch (IOException e) {
                  // stat stopped reading; what it printed so far still counts
                }
              },
              "gitoverit-stat-feeder");
      feeder.setDaemon(true);
      feeder.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      Instant newest = null;
      for (String line : out.split("\n")) {
        Optional<Instant> t = parseSeconds(line.strip());
        if (t.isPresent() && (newest == null || t.get().isAfter(newest))) {
          newest = t.get();
        }
      }
      return Optional.ofNullable(newest);
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** {@code 1700000000.123456789} as an Instant. */
  static Optional<Instant> parseSeconds(String s) {
    if (!s.matches("-?[0-9]+(\\.[0-9]{1,9})?")) {
      return Optional.empty();
    }
    int dot = s.indexOf('.');
    long secs = Long.parseLong(dot < 0 ? s : s.substring(0, dot));
    long nanos = 0;
    if (dot >= 0) {
      String frac = (s.substring(dot + 1) + "000000000").substring(0, 9);
      nanos = Long.parseLong(frac);
    }
    return Optional.of(Instant.ofEpochSecond(secs, s.startsWith("-") ? -nanos : nanos));
  }
}
