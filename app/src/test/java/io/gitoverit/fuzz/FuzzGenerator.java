package io.gitoverit.fuzz;

import io.gitoverit.fuzz.FuzzCase.Git;
import io.gitoverit.fuzz.FuzzCase.Mkdir;
import io.gitoverit.fuzz.FuzzCase.Move;
import io.gitoverit.fuzz.FuzzCase.Op;
import io.gitoverit.fuzz.FuzzCase.Remove;
import io.gitoverit.fuzz.FuzzCase.Touch;
import io.gitoverit.fuzz.FuzzCase.Write;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates random cases: a repository {@code r} with a random tree of folders and files, ignore
 * rules spread over {@code .gitignore} files at several levels, {@code info/exclude} and {@code
 * core.excludesFile} (negations, anchors, directory-only rules, {@code *}, {@code **}, {@code ?},
 * brackets, escapes, trailing spaces, byte-order marks, CRLF), nested repositories (committed,
 * empty, behind a {@code gitdir:} file, added as gitlinks, made over tracked folders), broken
 * {@code .git} entries, and then modified, stat-dirty, deleted, renamed, staged and unstaged files
 * and skip-worktree {@code .gitignore} files. Names and patterns come from small pools so that
 * rules meet paths often. Steps that turn out impossible are dropped when the case is built.
 */
final class FuzzGenerator {
  private static final String[] NAMES = {
    "a",
    "b",
    "c",
    "ab",
    "abc",
    "x.txt",
    "y.log",
    "z.tmp",
    "keep",
    "vendor",
    "build",
    "hidden",
    "sub",
    "data",
    "lib",
    "deep",
    "\u00e9",
    "sp ace",
    "[x]",
    "q?",
    "st*r",
    "#h",
    "!n",
    "back\\slash",
    ".hid",
    "tr ",
    "A",
    "b1"
  };
  private static final String[] GLOBS = {
    "*",
    "**",
    "?",
    "*.txt",
    "*.log",
    "a*",
    "*b",
    "[ab]",
    "[!a]*",
    "[a-c]",
    "[^x]?",
    "[[:alpha:]]*",
    "[[:digit:]]",
    "[]a]",
    "b?",
    "*/",
    "?*",
    "\\*",
    "k*p",
    "\\#h",
    "\\!n",
    "tr\\ ",
    "*.[tl]*",
    "[[:bogus:]]",
    "[a",
    "a\\",
    "[\u00e9]",
    "\u00e9*"
  };

  private final Random random;
  private final List<Op> ops = new ArrayList<>();

  /** Folders of the top repository's tree, relative to the case folder ("r", "r/a", ...). */
  private final List<String> dirs = new ArrayList<>();

  private final List<String> files = new ArrayList<>();
  private int counter;

  private FuzzGenerator(Random random) {
    this.random = random;
  }

  static FuzzCase generate(Random random) {
    return new FuzzGenerator(random).build();
  }

  private FuzzCase build() {
    ops.add(new Git("", List.of("init", "-q", "-b", "main", "r")));
    dirs.add("r");
    int nDirs = 1 + random.nextInt(7);
    for (int i = 0; i < nDirs; i++) {
      newDir(pick(dirs));
    }
    int nFiles = 2 + random.nextInt(9);
    for (int i = 0; i < nFiles; i++) {
      newFile(pick(dirs));
    }
    if (chance(70)) {
      ignoreFile("r");
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      ignoreFile(pick(dirs));
    }
    if (chance(30)) {
      ops.add(new Write("r/.git/info/exclude", ignoreRules()));
    }
    if (chance(30)) {
      ops.add(new Write("excludes", ignoreRules()));
      ops.add(new Git("r", List.of("config", "core.excludesFile", "../excludes")));
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      nestedRepository(pick(dirs), true); // committed: the top commit records it as a gitlink
    }
    if (chance(85)) {
      commit("r");
    }
    int late = random.nextInt(4);
    for (int i = 0; i < late; i++) {
      String dir = pick(dirs);
      if (!dir.equals("r")) {
        nestedRepository(dir, false); // over a folder that may hold tracked files
      } else {
        nestedRepository(newDir(pick(dirs)), false);
      }
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      brokenDotGit(chance(50) ? pick(dirs) : newDir(pick(dirs)));
    }
    int changes = random.nextInt(8);
    for (int i = 0; i < changes; i++) {
      change();
    }
    return new FuzzCase(ops);
  }

  private String newDir(String parent) {
    String dir = parent + "/" + name();
    ops.add(new Mkdir(dir));
    dirs.add(dir);
    return dir;
  }

  private String newFile(String dir) {
    String file = dir + "/" + name();
    ops.add(new Write(file, content(1 + random.nextInt(3))));
    files.add(file);
    return file;
  }

  private void commit(String repo) {
    ops.add(new Git(repo, List.of("add", "-A")));
    ops.add(new Git(repo, List.of("commit", "-q", "--allow-empty", "-m", "c" + counter++)));
  }

  private void nestedRepository(String dir, boolean committed) {
    int kind = random.nextInt(4);
    if (kind == 0 && !committed) {
      String gitDir = "gitdirs/g" + counter++;
      ops.add(new Mkdir("gitdirs"));
      ops.add(
          new Git(
              dir,
              List.of(
                  "init",
                  "-q",
                  "-b",
                  "main",
                  "--separate-git-dir",
                  "../".repeat(depth(dir)) + gitDir)));
    } else {
      ops.add(new Git(dir, List.of("init", "-q", "-b", "main")));
    }
    if (chance(50)) {
      newFile(dir);
    }
    if (chance(30)) {
      ignoreFile(dir);
    }
    if (committed || chance(40)) {
      commit(dir);
    }
  }

  private void brokenDotGit(String dir) {
    switch (random.nextInt(5)) {
      case 0 -> ops.add(new Write(dir + "/.git", "junk\n".getBytes(StandardCharsets.UTF_8)));
      case 1 ->
          ops.add(
              new Write(
                  dir + "/.git", "gitdir: /nonexistent/x\n".getBytes(StandardCharsets.UTF_8)));
      case 2 ->
          ops.add(
              new Write(dir + "/.git", "gitdir: ../elsewhere\n".getBytes(StandardCharsets.UTF_8)));
      case 3 -> ops.add(new Mkdir(dir + "/.git"));
      default -> {
        ops.add(new Mkdir(dir + "/.git/objects"));
        ops.add(new Write(dir + "/.git/HEAD", "nonsense\n".getBytes(StandardCharsets.UTF_8)));
      }
    }
  }

  private void change() {
    String file = files.isEmpty() ? null : pick(files);
    switch (random.nextInt(13)) {
      case 0, 1 -> {
        if (file != null) {
          ops.add(new Write(file, content(2 + random.nextInt(3)))); // modified (size changes)
        }
      }
      case 2 -> {
        if (file != null) {
          ops.add(new Touch(file, 1_500_000_000L + random.nextInt(100_000_000)));
        }
      }
      case 3 -> {
        if (file != null) {
          ops.add(new Remove(file));
        }
      }
      case 4 -> {
        if (file != null) {
          String to = pick(dirs) + "/" + name();
          ops.add(new Move(file, to));
          files.add(to);
        }
      }
      case 5 -> {
        if (file != null) {
          String to = pick(dirs) + "/" + name();
          ops.add(new Git("r", List.of("--literal-pathspecs", "mv", rel(file), rel(to))));
          files.add(to);
        }
      }
      case 6 -> {
        if (file != null) {
          ops.add(new Write(file, content(4)));
          ops.add(new Git("r", List.of("--literal-pathspecs", "add", "--", rel(file))));
        }
      }
      case 7 -> {
        if (file != null) {
          ops.add(
              new Git(
                  "r", List.of("--literal-pathspecs", "rm", "-q", "--cached", "--", rel(file))));
        }
      }
      case 8 -> {
        String added = newFile(pick(dirs));
        if (chance(50)) {
          ops.add(new Git("r", List.of("--literal-pathspecs", "add", "-f", "--", rel(added))));
        }
      }
      case 9 -> {
        String dir = pick(dirs);
        String ignore = dir + "/.gitignore";
        ops.add(new Git("r", List.of("update-index", "--skip-worktree", rel(ignore))));
        if (chance(80)) {
          ops.add(new Remove(ignore));
        }
      }
      case 10 -> ignoreFile(pick(dirs));
      case 11 -> newFile(newDir(pick(dirs)));
      default -> newDir(pick(dirs));
    }
  }

  private void ignoreFile(String dir) {
    ops.add(new Write(dir + "/.gitignore", ignoreRules()));
  }

  /** A random ignore file's bytes. */
  private byte[] ignoreRules() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (chance(20)) {
      out.writeBytes(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
    }
    String eol = chance(10) ? "\r\n" : "\n";
    int lines = 1 + random.nextInt(5);
    for (int i = 0; i < lines; i++) {
      int kind = random.nextInt(20);
      String line;
      if (kind == 0) {
        line = "# " + name();
      } else if (kind == 1) {
        line = "";
      } else {
        line = pattern();
      }
      out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
      if (i < lines - 1 || chance(80)) {
        out.writeBytes(eol.getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }

  private String pattern() {
    StringBuilder sb = new StringBuilder();
    if (chance(25)) {
      sb.append('!');
    }
    if (chance(20)) {
      sb.append('/');
    }
    int segments = 1 + (chance(30) ? 1 + random.nextInt(2) : 0);
    for (int s = 0; s < segments; s++) {
      if (s > 0) {
        sb.append('/');
      }
      sb.append(chance(50) ? escapedName() : GLOBS[random.nextInt(GLOBS.length)]);
    }
    if (chance(25)) {
      sb.append('/');
    }
    if (chance(8)) {
      sb.append("  ");
    } else if (chance(5)) {
      sb.append("\\ ");
    }
    return sb.toString();
  }

  /** A pool name, usually escaped so that it matches itself. */
  private String escapedName() {
    String n = name();
    if (chance(25)) {
      return n;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if ("*?[\\".indexOf(c) >= 0
          || i == 0 && (c == '#' || c == '!')
          || c == ' ' && i == n.length() - 1) {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /**
   * Lines no other file shares: a renamed file is then either unchanged or unrelated to its old
   * content, never near git's 50 % similarity threshold, where JGit's rename score (which also
   * weighs the names) can decide otherwise.
   */
  private byte[] content(int lines) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      sb.append("line ").append(random.nextInt(1_000_000)).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private String name() {
    return NAMES[random.nextInt(NAMES.length)];
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  /** A path of the top repository relative to its root. */
  private static String rel(String path) {
    return path.equals("r") ? "." : path.substring(2);
  }

  private static int depth(String dir) {
    return dir.split("/").length;
  }
}
