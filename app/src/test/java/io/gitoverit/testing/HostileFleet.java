package io.gitoverit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A folder of hostile and broken repositories next to healthy ones: repositories whose config names
 * programs (each leaves a marker file when it runs), corrupt repositories of every kind
 * docs/safety.md lists, and symlink loops. {@link #healthy} and {@link #broken} say what a scan
 * must report for each.
 */
public final class HostileFleet {
  /** Every hook git knows; each one in the fleet leaves a marker. */
  static final List<String> HOOKS =
      List.of(
          "applypatch-msg",
          "pre-applypatch",
          "post-applypatch",
          "pre-commit",
          "pre-merge-commit",
          "prepare-commit-msg",
          "commit-msg",
          "post-commit",
          "pre-rebase",
          "post-checkout",
          "post-merge",
          "pre-push",
          "pre-receive",
          "update",
          "proc-receive",
          "post-receive",
          "post-update",
          "reference-transaction",
          "push-to-checkout",
          "pre-auto-gc",
          "post-rewrite",
          "sendemail-validate",
          "fsmonitor-watchman",
          "post-index-change",
          "p4-pre-submit");

  public final Path root;
  public final Path markers;

  /** Repository folder name under {@link #root} to the status text the scan must show. */
  public final Map<String, String> healthy = new LinkedHashMap<>();

  /** Repository folder name under {@link #root} to a fragment its error message must contain. */
  public final Map<String, String> broken = new LinkedHashMap<>();

  private final GitFixture f;

  /** Builds the fleet in {@code scratch/fleet}, markers in {@code scratch/markers}. */
  public HostileFleet(GitFixture f, Path scratch) {
    this.f = f;
    this.root = scratch.resolve("fleet");
    this.markers = scratch.resolve("markers");
    try {
      Files.createDirectories(root);
      Files.createDirectories(markers);
      buildPrograms();
      buildBroken();
      buildHealthy();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The marker files that exist now (empty after a safe scan). */
  public List<String> markersLeft() throws IOException {
    try (Stream<Path> s = Files.list(markers)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  // --- repositories whose config names programs ------------------------------------------

  private void buildPrograms() throws IOException {
    Path hooksDir = Files.createDirectories(root.getParent().resolve("evil-hooks"));
    for (String hook : HOOKS) {
      executable(hooksDir.resolve(hook), "hookspath-" + hook);
    }
    String direct = programsRepo("programs-direct");
    f.git(root.resolve(direct), "config", "core.hooksPath", hooksDir.toString());
    for (String kv : settings("direct")) {
      int eq = kv.indexOf('=');
      f.git(root.resolve(direct), "config", kv.substring(0, eq), kv.substring(eq + 1));
    }
    Path inc = root.resolve(programsRepo("programs-include"));
    writeSettings(inc.resolve(".git/evil.cfg"), settings("include"));
    f.git(inc, "config", "include.path", "evil.cfg");
    Path incIf = root.resolve(programsRepo("programs-includeif"));
    writeSettings(incIf.resolve(".git/evil.cfg"), settings("includeif"));
    f.git(incIf, "config", "includeIf.gitdir:/.path", "evil.cfg");
    Path wt = root.resolve(programsRepo("programs-worktree-config"));
    f.git(wt, "config", "core.repositoryformatversion", "1");
    f.git(wt, "config", "extensions.worktreeConfig", "true");
    writeSettings(wt.resolve(".git/config.worktree"), settings("worktree"));
  }

  /**
   * A committed repository with filter, diff and merge attributes on *.txt, hooks in .git/hooks.
   */
  private String programsRepo(String name) throws IOException {
    Path repo =
        f.repoWithCommit(
            root.resolve(name),
            ".gitattributes",
            "*.txt filter=evil diff=evil merge=evil\n",
            "a.txt",
            "a\n",
            "b.txt",
            "b\n",
            "plain.md",
            "p\n");
    String tag = name.substring("programs-".length());
    for (String hook : HOOKS) {
      executable(repo.resolve(".git/hooks").resolve(hook), tag + "-hook-" + hook);
    }
    // Stat data no longer match the index: git and JGit would now run the clean filter.
    for (String file : List.of("a.txt", "b.txt")) {
      Files.setLastModifiedTime(repo.resolve(file), FileTime.fromMillis(1_000_000_000_000L));
    }
    GitFixture.append(repo, "plain.md", "more\n");
    healthy.put(name, "1m (+1/-0)");
    return name;
  }

  /** {@code key=value} settings naming a marker-leaving program for every kind git can run. */
  private List<String> settings(String tag) throws IOException {
    String sh = script(tag + "-program");
    return List.of(
        "core.fsmonitor=" + script(tag + "-fsmonitor"),
        "filter.evil.clean=" + touching(tag + "-clean"),
        "filter.evil.smudge=" + touching(tag + "-smudge"),
        "filter.evil.process=" + script(tag + "-process"),
        "filter.evil.required=true",
        "diff.evil.textconv=" + touching(tag + "-textconv"),
        "diff.evil.command=" + script(tag + "-diffcommand"),
        "merge.evil.driver=" + script(tag + "-mergedriver"),
        "diff.external=" + script(tag + "-external"),
        "core.pager=" + touching(tag + "-pager"),
        "pager.status=" + touching(tag + "-pagerstatus"),
        "core.sshCommand=" + script(tag + "-ssh"),
        "core.askPass=" + script(tag + "-askpass"),
        "credential.helper=!" + script(tag + "-credential"),
        "gpg.program=" + script(tag + "-gpg"),
        "core.editor=" + script(tag + "-editor"),
        "sequence.editor=" + script(tag + "-seqeditor"),
        "core.alternateRefsCommand=" + script(tag + "-alternaterefs"),
        "remote.origin.url=ssh://example.invalid/r.git",
        "remote.origin.fetch=+refs/heads/*:refs/remotes/origin/*",
        "remote.origin.uploadpack=" + sh,
        "remote.origin.receivepack=" + sh,
        "branch.main.remote=origin",
        "branch.main.merge=refs/heads/main");
  }

  private static void writeSettings(Path file, List<String> keyValues) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (String kv : keyValues) {
      int eq = kv.indexOf('=');
      String key = kv.substring(0, eq);
      int first = key.indexOf('.');
      int last = key.lastIndexOf('.');
      String section = key.substring(0, first);
      String head =
          last > first
              ? "[" + section + " \"" + key.substring(first + 1, last) + "\"]"
              : "[" + section + "]";
      String value = kv.substring(eq + 1).replace("\\", "\\\\").replace("\"", "\\\"");
      sb.append(head)
          .append("\n\t")
          .append(key.substring(last + 1))
          .append(" = \"")
          .append(value)
          .append("\"\n");
    }
    Files.writeString(file, sb.toString());
  }

  private String touching(String marker) {
    return "touch '" + markers.resolve(marker) + "'; cat";
  }

  private String script(String marker) throws IOException {
    Path p = root.getParent().resolve("programs").resolve(marker + ".sh");
    executable(p, marker);
    return p.toString();
  }

  private void executable(Path p, String marker) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, "#!/bin/sh\ntouch '" + markers.resolve(marker) + "'\nexit 1\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  // --- broken repositories -----------------------------------------------------------------

  private Path small(String name) {
    return f.repoWithCommit(root.resolve(name), "a.txt", "a\n", "d/b.txt", "b\n");
  }

  private void buildBroken() throws IOException {
    Path p = small("truncated-index");
    byte[] index = Files.readAllBytes(p.resolve(".git/index"));
    Files.write(p.resolve(".git/index"), java.util.Arrays.copyOf(index, 40));
    broken.put("truncated-index", "corrupt index");

    p = small("garbage-index");
    Files.write(p.resolve(".git/index"), pseudoRandom(300, 1));
    broken.put("garbage-index", "corrupt index");

    p = small("garbage-after-index-header");
    byte[] g = pseudoRandom(300, 2);
    System.arraycopy(new byte[] {'D', 'I', 'R', 'C', 0, 0, 0, 2, 0, 0, 0, 3}, 0, g, 0, 12);
    Files.write(p.resolve(".git/index"), g);
    broken.put("garbage-after-index-header", "corrupt index");

    p = small("head-invalid-ref");
    Files.writeString(p.resolve(".git/HEAD"), "ref: refs/heads/nope/../..\n");
    broken.put("head-invalid-ref", "HEAD points to an invalid ref name");

    p = small("head-garbage");
    Files.writeString(p.resolve(".git/HEAD"), "garbage\n");
    broken.put("head-garbage", "HEAD is neither a ref nor an object id");

    p = small("head-is-a-directory");
    Files.delete(p.resolve(".git/HEAD"));
    Files.createDirectories(p.resolve(".git/HEAD/refs"));
    broken.put("head-is-a-directory", "not a git repository");

    p = small("head-missing");
    Files.delete(p.resolve(".git/HEAD"));
    broken.put("head-missing", "not a git repository");

    p = small("head-missing-object");
    Files.writeString(p.resolve(".git/HEAD"), "1234567890123456789012345678901234567890\n");
    broken.put("head-missing-object", "bad object HEAD");

    p = small("missing-commit-object");
    deleteObject(p, f.git(p, "rev-parse", "HEAD").strip());
    broken.put("missing-commit-object", "bad object HEAD");

    p = small("missing-tree-object");
    deleteObject(p, f.git(p, "rev-parse", "HEAD^{tree}").strip());
    broken.put("missing-tree-object", "tree");

    p = small("corrupt-packed-refs");
    f.git(p, "pack-refs", "--all");
    Files.writeString(
        p.resolve(".git/packed-refs"),
        "garbage line\n^zz\n",
        java.nio.file.StandardOpenOption.APPEND);
    broken.put("corrupt-packed-refs", "packed-refs");

    p = small("garbage-config");
    Files.writeString(p.resolve(".git/config"), "[core\n\tbare = maybe\n[[[\n");
    broken.put("garbage-config", "config");

    Path gitfile = Files.createDirectories(root.resolve("gitfile-to-nowhere"));
    Files.writeString(gitfile.resolve(".git"), "gitdir: " + root.resolve("no/such/dir") + "\n");
    GitFixture.write(gitfile, "a.txt", "a\n");
    broken.put("gitfile-to-nowhere", "not a git repository");

    Path badGitfile = Files.createDirectories(root.resolve("gitfile-garbage"));
    Files.writeString(badGitfile.resolve(".git"), "this is no gitfile\n");
    broken.put("gitfile-garbage", "gitfile");

    Path empty = Files.createDirectories(root.resolve("empty-dot-git"));
    Files.createDirectories(empty.resolve(".git"));
    broken.put("empty-dot-git", "not a git repository");
  }

  private static void deleteObject(Path repo, String id) throws IOException {
    Files.delete(repo.resolve(".git/objects").resolve(id.substring(0, 2)).resolve(id.substring(2)));
  }

  /** Deterministic noise, so a failure can be reproduced. */
  private static byte[] pseudoRandom(int n, long seed) {
    byte[] b = new byte[n];
    new java.util.Random(seed).nextBytes(b);
    return b;
  }

  // --- healthy repositories and symlink loops ------------------------------------------------

  private void buildHealthy() throws IOException {
    healthy.put("clean", "clean");
    Scenarios.clean(f, root.resolve("clean"));
    healthy.put("modified-unstaged", "2m (+3/-1)");
    Scenarios.modifiedUnstaged(f, root.resolve("modified-unstaged"));
    healthy.put("merge-conflict", "1m (+8/-0) 2d !");
    Scenarios.mergeConflict(f, root.resolve("merge-conflict"));
    healthy.put("untracked-dir", "1u");
    Scenarios.untrackedDir(f, root.resolve("untracked-dir"));

    Path loops = small("symlink-loops");
    Files.createSymbolicLink(loops.resolve("self"), Path.of("."));
    Files.createSymbolicLink(loops.resolve("d/up"), Path.of(".."));
    Files.createSymbolicLink(loops.resolve("d/fleet"), root);
    healthy.put("symlink-loops", "3u");

    // Links between folders of the scan: back to the fleet's root, and to a repository.
    Path links = Files.createDirectories(root.resolve("links"));
    Files.createSymbolicLink(links.resolve("to-root"), Path.of(".."));
    Files.createSymbolicLink(links.resolve("to-clean"), root.resolve("clean"));
    Files.createSymbolicLink(links.resolve("loop-a"), Path.of("loop-b"));
    Files.createSymbolicLink(links.resolve("loop-b"), Path.of("loop-a"));
  }

  /**
   * Every entry under {@code dir}, links not followed: its type, size, modification time and, for
   * files, a content hash. Folder times catch files created and deleted again.
   */
  public static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        var a =
            Files.readAttributes(
                p, java.nio.file.attribute.PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String what =
            (a.isDirectory() ? "d" : a.isSymbolicLink() ? "l" : "f")
                + " "
                + a.size()
                + " "
                + a.lastModifiedTime().toInstant()
                + " "
                + PosixFilePermissions.toString(a.permissions());
        if (a.isRegularFile()) {
          what += " " + sha256(p);
        } else if (a.isSymbolicLink()) {
          what += " -> " + Files.readSymbolicLink(p);
        }
        out.put(dir.relativize(p).toString(), what);
      }
    }
    return out;
  }

  private static String sha256(Path p) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
