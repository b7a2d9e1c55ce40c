package io.gitoverit.fuzz;

import io.gitoverit.testing.GitFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One generated case: the steps that build a tree of repositories from an empty folder, in order,
 * each replayable in Java and printable as a shell command. Paths are relative to the case folder
 * and {@code /}-separated; the scanned tree is {@code r}.
 */
record FuzzCase(List<Op> ops) {
  FuzzCase {
    ops = List.copyOf(ops);
  }

  /** One step. */
  sealed interface Op permits Write, Mkdir, Remove, Touch, Move, Git {}

  /** Writes a file (parents created). */
  record Write(String path, byte[] content) implements Op {}

  record Mkdir(String path) implements Op {}

  /** Removes a file or a whole folder. */
  record Remove(String path) implements Op {}

  /** Sets a file's modification time (seconds since the epoch), content unchanged. */
  record Touch(String path, long seconds) implements Op {}

  /** Renames on disk (no git involved). */
  record Move(String from, String to) implements Op {}

  /** Runs git in {@code dir} ({@code ""} for the case folder). */
  record Git(String dir, List<String> args) implements Op {
    Git {
      args = List.copyOf(args);
    }
  }

  /**
   * Builds the case in {@code root} and returns the case made of the steps that worked: a step that
   * fails (git refuses, a parent is a file) is dropped, so that the result replays cleanly.
   */
  FuzzCase build(Path root, GitFixture git) throws IOException {
    List<Op> done = new ArrayList<>();
    for (Op op : ops) {
      if (apply(op, root, git)) {
        done.add(op);
      }
    }
    return new FuzzCase(done);
  }

  private static boolean apply(Op op, Path root, GitFixture git) throws IOException {
    try {
      if (op instanceof Write w) {
        Path p = root.resolve(w.path());
        Files.createDirectories(p.getParent());
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          return false;
        }
        Files.write(p, w.content());
      } else if (op instanceof Mkdir m) {
        Files.createDirectories(root.resolve(m.path()));
      } else if (op instanceof Remove r) {
        Path p = root.resolve(r.path());
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
          return false;
        }
        deleteTree(p);
      } else if (op instanceof Touch t) {
        Path p = root.resolve(t.path());
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          return false;
        }
        Files.setLastModifiedTime(p, FileTime.from(t.seconds(), TimeUnit.SECONDS));
      } else if (op instanceof Move m) {
        Path from = root.resolve(m.from());
        Path to = root.resolve(m.to());
        if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)
            || Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
          return false;
        }
        Files.createDirectories(to.getParent());
        Files.move(from, to);
      } else if (op instanceof Git g) {
        Path dir = g.dir().isEmpty() ? root : root.resolve(g.dir());
        if (!Files.isDirectory(dir)) {
          return false;
        }
        return git.tryGit(dir, g.args().toArray(new String[0])).exitCode() == 0;
      }
      return true;
    } catch (java.nio.file.FileSystemException e) {
      return false; // a parent is a file, a name is taken: the step does not apply
    }
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        p,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** The case as a shell script that builds it in a new temporary folder and shows git's view. */
  String toShell(Map<String, String> env) {
    StringBuilder sb = new StringBuilder();
    sb.append("set -e\ncd \"$(mktemp -d)\"\n");
    sb.append(
        "export GIT_CONFIG_NOSYSTEM=1 HOME=\"$PWD/home\" XDG_CONFIG_HOME=\"$PWD/home/.config\"");
    for (String key : List.of("GIT_AUTHOR_DATE", "GIT_COMMITTER_DATE")) {
      sb.append(' ').append(key).append('=').append(quote(env.get(key)));
    }
    sb.append(
        " GIT_AUTHOR_NAME=F GIT_AUTHOR_EMAIL=f@x GIT_COMMITTER_NAME=F GIT_COMMITTER_EMAIL=f@x\n");
    sb.append("mkdir -p home/.config\n");
    for (Op op : ops) {
      sb.append(shell(op)).append('\n');
    }
    sb.append("git -C r status --porcelain=v2 -unormal\n");
    return sb.toString();
  }

  private static String shell(Op op) {
    if (op instanceof Write w) {
      String dir = parent(w.path());
      return (dir.isEmpty() ? "" : "mkdir -p " + quote(dir) + " && ")
          + "printf "
          + printfQuote(w.content())
          + " > "
          + quote(w.path());
    } else if (op instanceof Mkdir m) {
      return "mkdir -p " + quote(m.path());
    } else if (op instanceof Remove r) {
      return "rm -rf " + quote(r.path());
    } else if (op instanceof Touch t) {
      return "touch -d @" + t.seconds() + " " + quote(t.path());
    } else if (op instanceof Move m) {
      String dir = parent(m.to());
      return (dir.isEmpty() ? "" : "mkdir -p " + quote(dir) + " && ")
          + "mv "
          + quote(m.from())
          + " "
          + quote(m.to());
    }
    Git g = (Git) op;
    StringBuilder sb = new StringBuilder("git");
    if (!g.dir().isEmpty()) {
      sb.append(" -C ").append(quote(g.dir()));
    }
    for (String a : g.args()) {
      sb.append(' ').append(quote(a));
    }
    return sb.toString();
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  static String quote(String s) {
    if (s.matches("[A-Za-z0-9_./=:@+-]+")) {
      return s;
    }
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** A printf format (single-quoted) that prints exactly {@code bytes}. */
  private static String printfQuote(byte[] bytes) {
    StringBuilder sb = new StringBuilder("'");
    for (byte b : bytes) {
      int c = b & 0xff;
      if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\\') {
        sb.append("\\\\");
      } else if (c == '%') {
        sb.append("%%");
      } else if (c == '\'') {
        sb.append("'\\''");
      } else if (c < 0x20 || c >= 0x7f) {
        sb.append(String.format("\\%03o", c));
      } else {
        sb.append((char) c);
      }
    }
    return sb.append('\'').toString();
  }

  /** Text of a file for messages. */
  static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
