package io.gitoverit.analysis;

import io.gitoverit.discovery.IndexFile;
import io.gitoverit.gitdir.QuietFiles;
import io.gitoverit.gitdir.SpecialFiles;
import io.gitoverit.report.Signals;
import java.io.EOFException;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The facts both engines read from the git dir's files themselves, so that they cannot disagree:
 * the stash count (the lines of the stash reflog), the operation in progress with git status's
 * rules (state files only), and, for a metadata-only scan, the unmerged paths of the index. No git
 * runs; a FIFO, socket or device where a file belongs fails the repository as elsewhere.
 */
public final class GitDirFacts {
  /** More than any state file (a ref, a step number, a todo's first line) holds. */
  static final long MAX_STATE_BYTES = 64 * 1024;

  private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

  private GitDirFacts() {}

  /**
   * Entries in {@code git stash list}: the lines of {@code logs/refs/stash} in the common git dir,
   * counted as they stream by (the file is never held whole).
   */
  public static int stashes(Path commonDir) throws AnalysisException {
    Path log = commonDir.resolve("logs/refs/stash");
    if (!QuietFiles.exists(log)) {
      return 0;
    }
    if (SpecialFiles.isSpecial(log)) {
      throw new GitWouldHang(log);
    }
    int lines = 0;
    try (InputStream in = Files.newInputStream(log)) {
      byte[] buf = new byte[8192];
      int n;
      boolean open = false; // a last line without its newline counts too
      while ((n = in.read(buf)) > 0) {
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            lines++;
            open = false;
          } else {
            open = true;
          }
        }
      }
      return open ? lines + 1 : lines;
    } catch (IOException e) {
      throw new AnalysisException("cannot read the stash log " + log + ": " + e.getMessage(), e);
    }
  }

  /**
   * The operation {@code git status} says is in progress in the worktree whose git dir is {@code
   * gitDir}, by its rules (wt_status_get_state): a rebase or am (rebase-apply with or without
   * {@code applying}, rebase-merge), else a merge (MERGE_HEAD), else a cherry-pick or revert (its
   * head, or a sequencer whose todo starts with such a command), else a bisect (BISECT_LOG). When
   * several apply, the first in that order is named.
   */
  public static Optional<Signals.Operation> operation(Path gitDir) throws AnalysisException {
    Path apply = gitDir.resolve("rebase-apply");
    Path merge = gitDir.resolve("rebase-merge");
    if (QuietFiles.isDirectory(apply)) {
      if (QuietFiles.exists(apply.resolve("applying"))) {
        return Optional.of(
            new Signals.Operation(
                "am", Optional.empty(), step(apply.resolve("next"), apply.resolve("last"))));
      }
      return Optional.of(
          new Signals.Operation(
              "rebase",
              branch(apply.resolve("head-name")),
              step(apply.resolve("next"), apply.resolve("last"))));
    }
    if (QuietFiles.isDirectory(merge)) {
      return Optional.of(
          new Signals.Operation(
              "rebase",
              branch(merge.resolve("head-name")),
              step(merge.resolve("msgnum"), merge.resolve("end"))));
    }
    if (QuietFiles.exists(gitDir.resolve("MERGE_HEAD"))) {
      return named("merge");
    }
    String last = sequencerCommand(gitDir.resolve("sequencer").resolve("todo"));
    if (isRef(gitDir.resolve("CHERRY_PICK_HEAD")) || last.equals("pick") || last.equals("p")) {
      return named("cherry-pick");
    }
    if (isRef(gitDir.resolve("REVERT_HEAD")) || last.equals("revert")) {
      return named("revert");
    }
    if (QuietFiles.exists(gitDir.resolve("BISECT_LOG"))) {
      return Optional.of(
          new Signals.Operation(
              "bisect", branch(gitDir.resolve("BISECT_START")), Optional.empty()));
    }
    return Optional.empty();
  }

  private static Optional<Signals.Operation> named(String name) {
    return Optional.of(new Signals.Operation(name, Optional.empty(), Optional.empty()));
  }

  /**
   * Unmerged paths in the index (paths with an entry at a stage above 0), or empty when the index
   * is split (its entries are partly in a shared file: the caller asks git). No index: none.
   */
  public static OptionalInt conflicts(Path index, int hashLength) throws AnalysisException {
    if (SpecialFiles.isSpecial(index)) {
      throw new GitWouldHang(index);
    }
    int[] count = {0};
    boolean[] split = {false};
    try (FileInputStream in = IndexFile.open(index)) {
      IndexFile.Header header =
          IndexFile.judge(
              in.readNBytes(IndexFile.HEADER_BYTES), in.getChannel().size(), hashLength);
      byte[][] previous = {new byte[0]};
      IndexFile.walk(
          in,
          header,
          new IndexFile.Visitor() {
            @Override
            public void entry(
                int mode, int stage, boolean skipWorktree, byte[] id, byte[] name, int length) {
              if (stage == 0) {
                return;
              }
              byte[] current = Arrays.copyOf(name, length);
              if (!Arrays.equals(current, previous[0])) { // stages of one path are adjacent
                count[0]++;
                previous[0] = current;
              }
            }

            @Override
            public void extension(String signature, long size, byte[] head) {
              split[0] |= signature.equals("link");
            }
          });
    } catch (NoSuchFileException e) {
      return OptionalInt.of(0);
    } catch (IndexFile.Corrupt | EOFException e) {
      throw new AnalysisException("corrupt index " + index + ": " + e.getMessage());
    } catch (IOException e) {
      throw new AnalysisException("cannot read index " + index + ": " + e.getMessage(), e);
    }
    return split[0] ? OptionalInt.empty() : OptionalInt.of(count[0]);
  }

  /**
   * Fails the repository when a loose ref under {@code dir} (searched to any depth) is a FIFO,
   * socket or device: listing the branches would open it and wait.
   */
  public static void refuseSpecialRefs(Path dir) throws AnalysisException {
    // java.io: a listing and a stat per ref, without NIO's directory stream and exceptions.
    java.io.File[] entries = dir.toFile().listFiles();
    if (entries == null) {
      return; // absent or unreadable: the engines' own listing says so in its words
    }
    for (java.io.File entry : entries) {
      if (entry.isFile()) {
        continue;
      }
      Path p = entry.toPath();
      if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        refuseSpecialRefs(p);
      } else if (SpecialFiles.isSpecial(p)) {
        throw new GitWouldHang(p);
      }
    }
  }

  /** git's prompt step {@code done/total} from two files holding numbers. */
  private static Optional<String> step(Path done, Path total) throws AnalysisException {
    String d = text(done);
    String t = text(total);
    if (d.matches("\\d{1,9}") && t.matches("\\d{1,9}")) {
      return Optional.of(Integer.parseInt(d) + "/" + Integer.parseInt(t));
    }
    return Optional.empty();
  }

  /**
   * The branch a state file names, as git's get_branch reads it: {@code refs/heads/} removed, an
   * object id abbreviated to 7; none for {@code detached HEAD} or an empty or absent file.
   */
  private static Optional<String> branch(Path file) throws AnalysisException {
    String s = text(file);
    if (s.isEmpty() || s.equals("detached HEAD")) {
      return Optional.empty();
    }
    if (s.startsWith("refs/heads/")) {
      return Optional.of(s.substring("refs/heads/".length()));
    }
    if (OBJECT_ID.matcher(s).matches()) {
      return Optional.of(s.substring(0, 7));
    }
    return Optional.of(s);
  }

  /**
   * The first word of the sequencer's todo (git's sequencer_get_last_command); empty if none. Only
   * the file's start is read: a todo for a long range can be large.
   */
  private static String sequencerCommand(Path todo) throws AnalysisException {
    if (!QuietFiles.isRegularFile(todo)) {
      if (SpecialFiles.isSpecial(todo)) {
        throw new GitWouldHang(todo);
      }
      return "";
    }
    String s;
    try (InputStream in = Files.newInputStream(todo)) {
      s = new String(in.readNBytes(256), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "";
    }
    int end = 0;
    while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
      end++;
    }
    return s.substring(0, end);
  }

  /** Whether a pseudo-ref file such as CHERRY_PICK_HEAD holds an object id or a symbolic ref. */
  private static boolean isRef(Path file) throws AnalysisException {
    if (!QuietFiles.exists(file)) {
      return false;
    }
    String s = text(file);
    String first = s.lines().findFirst().orElse("");
    return OBJECT_ID.matcher(first).matches() || first.startsWith("ref: ");
  }

  /** A small state file's text, stripped; empty when absent, unreadable or too large. */
  private static String text(Path file) throws AnalysisException {
    if (!QuietFiles.exists(file)) {
      return "";
    }
    try {
      return new String(SpecialFiles.read(file, MAX_STATE_BYTES), StandardCharsets.UTF_8).strip();
    } catch (SpecialFiles.NotAFile e) {
      throw new GitWouldHang(file);
    } catch (IOException e) {
      return "";
    }
  }
}
