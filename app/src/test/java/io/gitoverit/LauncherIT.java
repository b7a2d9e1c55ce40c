package io.gitoverit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.gitoverit.testing.GitFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the launcher script {@code target/gitoverit} as a user would, next to the jar. */
class LauncherIT {
  @TempDir Path tmp;

  record Run(int exit, String out, String err) {}

  private Path cache() {
    return tmp.resolve("cache");
  }

  Run run(GitFixture fx, Map<String, String> extraEnv, boolean viaLauncher, String... args)
      throws Exception {
    return run(testJava(), fx, extraEnv, viaLauncher, args);
  }

  /** The java running these tests. */
  private static String testJava() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * The java of JDKs under /usr/lib/jvm whose release file says version 24 or newer, where the
   * launcher uses an AOT cache instead of a CDS archive; none on most machines.
   */
  static List<String> newerJavas() throws Exception {
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return List.of();
    }
    List<String> found = new ArrayList<>();
    try (Stream<Path> homes = Files.list(jvms)) {
      for (Path home : homes.sorted().toList()) {
        Path release = home.resolve("release");
        Path java = home.resolve("bin/java");
        if (Files.isSymbolicLink(home)
            || !Files.isRegularFile(release)
            || !Files.isExecutable(java)) {
          continue;
        }
        Matcher m = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(release));
        if (m.find() && Integer.parseInt(m.group(1)) >= 24) {
          found.add(java.toString());
        }
      }
    }
    return found;
  }

  Run run(
      String java, GitFixture fx, Map<String, String> extraEnv, boolean viaLauncher, String... args)
      throws Exception {
    Path jar = Path.of(System.getProperty("gitoverit.jar", "target/gitoverit.jar"));
    Path launcher = jar.resolveSibling("gitoverit");
    assertTrue(Files.isExecutable(launcher), "launcher missing or not executable: " + launcher);
    List<String> cmd =
        new ArrayList<>(
            viaLauncher ? List.of(launcher.toString()) : List.of(java, "-jar", jar.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
    pb.environment().putAll(fx.environment());
    pb.environment().put("GITOVERIT_JAVA", java);
    pb.environment().put("XDG_CACHE_HOME", cache().toString());
    pb.environment().putAll(extraEnv);
    Process p = pb.start();
    p.getOutputStream().close();
    CompletableFuture<byte[]> err =
        CompletableFuture.supplyAsync(() -> JarIT.read(p.getErrorStream()));
    byte[] out = JarIT.read(p.getInputStream());
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "run timed out");
    return new Run(
        p.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err.get(), StandardCharsets.UTF_8));
  }

  private List<Path> archives() throws Exception {
    if (!Files.isDirectory(cache().resolve("gitoverit"))) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(cache().resolve("gitoverit"))) {
      return files
          .filter(f -> f.toString().endsWith(".jsa") || f.toString().endsWith(".aot"))
          .toList();
    }
  }

  @Test
  void printsWhatTheJarPrintsAndABrokenArchiveChangesNothing() throws Exception {
    archiveLifecycle(testJava());
  }

  /** On JDK 24+ the launcher makes an AOT cache; the same promises hold (skipped without one). */
  @Test
  void aNewerJdkGetsAnAotCacheThatChangesNothing() throws Exception {
    List<String> javas = newerJavas();
    assumeFalse(javas.isEmpty(), "no JDK 24+ under /usr/lib/jvm");
    Path archive = archiveLifecycle(javas.get(javas.size() - 1));
    assertTrue(archive.toString().endsWith(".aot"), "an AOT cache: " + archive);
  }

  /**
   * An archive is used only by the jar it was made from: a jar rebuilt in place (newer) or copied
   * over from an older build runs without the archive left by the other. A fake JDK 25 logs the
   * options it is started with; the marker of an attempt made for each jar keeps the launcher from
   * starting a background job.
   */
  @Test
  void anArchiveMadeForAnotherBuildOfTheJarIsLeftAlone() throws Exception {
    Path install = Files.createDirectories(tmp.resolve("install"));
    Path built = Path.of(System.getProperty("gitoverit.jar", "target/gitoverit.jar"));
    Path launcher = Files.copy(built.resolveSibling("gitoverit"), install.resolve("gitoverit"));
    Path jar = Files.copy(built, install.resolve("gitoverit.jar"));
    Path jdk = Files.createDirectories(tmp.resolve("jdk/bin")).getParent();
    Files.writeString(jdk.resolve("release"), "JAVA_RUNTIME_VERSION=\"25.0.3+9-LTS\"\n");
    Path args = tmp.resolve("java-args.txt");
    Path fakeJava = jdk.resolve("bin/java");
    Files.writeString(fakeJava, "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + args + "'\n");
    Files.setPosixFilePermissions(
        fakeJava, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    String name = "gitoverit-" + System.getProperty("gitoverit.version") + "-25.0.3+9-LTS.aot";
    Path cacheDir = Files.createDirectories(cache().resolve("gitoverit"));
    Path aot = Files.write(cacheDir.resolve(name), new byte[] {1});
    Path tried = Files.createFile(cacheDir.resolve(name + ".tried"));
    java.nio.file.attribute.FileTime made =
        java.nio.file.attribute.FileTime.fromMillis(1_700_000_000_000L);
    for (Path p : List.of(jar, aot, tried)) {
      Files.setLastModifiedTime(p, made);
    }
    ProcessBuilder pb =
        new ProcessBuilder(launcher.toString(), "--version").directory(tmp.toFile());
    pb.environment().put("GITOVERIT_JAVA", fakeJava.toString());
    pb.environment().put("XDG_CACHE_HOME", cache().toString());
    pb.redirectErrorStream(true);

    assertEquals(0, pb.start().waitFor());
    assertTrue(
        Files.readAllLines(args).contains("-XX:AOTCache=" + aot), "the jar's own archive is used");

    for (long seconds : new long[] {60, -60}) { // rebuilt since, or an older build copied in
      java.nio.file.attribute.FileTime other =
          java.nio.file.attribute.FileTime.fromMillis(made.toMillis() + seconds * 1000);
      Files.setLastModifiedTime(jar, other);
      Files.setLastModifiedTime(tried, other); // tried already for this jar: no background job
      Files.delete(args);
      assertEquals(0, pb.start().waitFor());
      List<String> jvmArgs = Files.readAllLines(args);
      assertTrue(jvmArgs.contains("--version"), jvmArgs.toString());
      assertTrue(jvmArgs.stream().noneMatch(a -> a.startsWith("-XX:AOTCache")), jvmArgs.toString());
    }
  }

  /**
   * A java reached through a link (as {@code /usr/bin/java} usually is) is followed to its JDK,
   * whose release file names the version the archive is made for.
   */
  @Test
  void aJavaReachedThroughALinkIsFollowedToItsJdk() throws Exception {
    Path link = Files.createSymbolicLink(tmp.resolve("linked-java"), Path.of(testJava()));
    GitFixture fx = new GitFixture(tmp);
    fx.repoWithCommit(tmp.resolve("projects/one"), "a.txt", "a\n");
    Run first =
        run(link.toString(), fx, Map.of(), true, "--format", "json", "--no-progress", "projects");
    assertEquals(0, first.exit(), first.err());
    for (int i = 0; i < 120 && archives().isEmpty(); i++) {
      Thread.sleep(500);
    }
    List<Path> archives = archives();
    assertEquals(1, archives.size(), "one class-data archive in the cache: " + archives);
    String jdk = System.getProperty("java.runtime.version");
    assertTrue(
        archives.get(0).getFileName().toString().contains("-" + jdk + "."),
        archives + " is not named for " + jdk);
  }

  /** The archive's whole life; returns the archive that was made. */
  private Path archiveLifecycle(String java) throws Exception {
    GitFixture fx = new GitFixture(tmp);
    Path repo = fx.repoWithCommit(tmp.resolve("projects/one"), "a.txt", "a\n");
    GitFixture.append(repo, "a.txt", "more\n");
    Run plain = run(java, fx, Map.of(), false, "--format", "json", "--no-progress", "projects");
    assertEquals(0, plain.exit(), plain.err());
    assertTrue(plain.out().contains("\"status\": \"1m (+1/-0)\""), plain.out());

    Run first = run(java, fx, Map.of(), true, "--format", "json", "--no-progress", "projects");
    assertEquals(plain, first);
    // The archive appears at exit (JDK 19-23) or from a background dump (JDK 17, JDK 24+).
    // On JDK 24+ the background JVM also scans a repository of its own; it prints nothing.
    for (int i = 0; i < 120 && archives().isEmpty(); i++) {
      Thread.sleep(500);
    }
    List<Path> archives = archives();
    assertEquals(1, archives.size(), "one class-data archive in the cache: " + archives);

    Run withArchive =
        run(java, fx, Map.of(), true, "--format", "json", "--no-progress", "projects");
    assertEquals(plain, withArchive);

    Files.writeString(archives.get(0), "not an archive");
    Run broken = run(java, fx, Map.of(), true, "--format", "json", "--no-progress", "projects");
    assertEquals(plain, broken);

    // One attempt per build and JDK: with the archive gone but the attempt on record (as after
    // a failed one), runs go on without one and no background job makes it again.
    Files.delete(archives.get(0));
    Run again = run(java, fx, Map.of(), true, "--format", "json", "--no-progress", "projects");
    assertEquals(plain, again);
    for (int i = 0; i < 20; i++) {
      Thread.sleep(500);
      assertEquals(List.of(), archives(), "an archive was made again");
    }
    return archives.get(0);
  }

  /**
   * The JVM asks for transparent huge pages exactly where Linux hands them out on request (madvise
   * mode): where they are never given the JVM would warn on stderr, where always it need not ask.
   */
  @Test
  void hugePagesAreAskedForWhereLinuxGivesThemOnRequest() throws Exception {
    Path args = tmp.resolve("java-args.txt");
    Path fakeJava = tmp.resolve("java");
    Files.writeString(fakeJava, "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + args + "'\n");
    Files.setPosixFilePermissions(
        fakeJava, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    Run r =
        run(
            fakeJava.toString(),
            new GitFixture(tmp),
            Map.of("GITOVERIT_CDS", "0"),
            true,
            "--version");
    assertEquals(0, r.exit(), r.err());
    List<String> jvmArgs = Files.readAllLines(args, StandardCharsets.UTF_8);
    Path mode = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    boolean onRequest = Files.isReadable(mode) && Files.readString(mode).contains("[madvise]");
    assertEquals(onRequest, jvmArgs.contains("-XX:+UseTransparentHugePages"), jvmArgs.toString());
    assertTrue(jvmArgs.contains("-XX:+UseSerialGC"), jvmArgs.toString());
    assertTrue(jvmArgs.contains("-Xmn48m"), jvmArgs.toString());
  }

  /** Without the launcher the JVM cannot decode such names and hands the repository to git. */
  @Test
  void aNonUtf8LocaleStillReadsNonAsciiFileNamesInProcess() throws Exception {
    GitFixture fx = new GitFixture(tmp);
    Path repo = fx.repoWithCommit(tmp.resolve("projects/umlaut"), "\u00e4pfel.txt", "a\n");
    GitFixture.append(repo, "\u00e4pfel.txt", "more\n");
    GitFixture.write(repo, "\u00fcber.txt", "new\n");
    Map<String, String> posix = Map.of("LC_ALL", "C", "LANG", "C");

    Run r = run(fx, posix, true, "--debug", "--format", "json", "--no-progress", "projects");
    Run plain = run(fx, posix, false, "--debug", "--format", "json", "--no-progress", "projects");

    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("\"status\": \"1m (+1/-0) 1u\""), r.out());
    assertEquals("", r.err(), "read in process, not routed to git");
    assertTrue(plain.err().contains("cannot decode"), "control run: " + plain.err());
    // The plain JVM cannot even stat these files, so its newest mtime is missing.
    assertTrue(r.out().contains("\"mtime\": 1"), r.out());
  }
}
