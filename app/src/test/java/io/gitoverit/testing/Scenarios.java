package io.gitoverit.testing;

import static io.gitoverit.testing.GitFixture.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Builds the work-tree, operation and HEAD states of the test fleet (shared/fleet/README.md), one
 * real repository per call, named after the fleet's cases, so that both engines can be run over the
 * same states. Each method builds in {@code dir} (which must not exist yet) and returns the
 * repository root to analyse; the expected status is the fleet's. Remotes, submodules, index
 * formats and the rest are in {@link MoreScenarios}, untracked files and nested repositories by
 * git's rules in {@link UntrackedScenarios}.
 */
public final class Scenarios {
  private Scenarios() {}

  /** A named state and the status text the fleet expects for it. */
  public record Case(String name, String status, BiFunction<GitFixture, Path, Path> build) {}

  /** Every scenario of this class and of {@link MoreScenarios} whose result is a report. */
  public static List<Case> all() {
    List<Case> out =
        new java.util.ArrayList<>(
            List.of(
                new Case("clean", "clean", Scenarios::clean),
                new Case("modified-unstaged", "2m (+3/-1)", Scenarios::modifiedUnstaged),
                new Case("staged-only", "2m (+4/-1)", Scenarios::stagedOnly),
                new Case("modified-staged-same", "1m (+2/-2)", Scenarios::modifiedStagedSame),
                new Case("deleted", "(+0/-7) 2d", Scenarios::deleted),
                new Case("untracked-file", "1u", Scenarios::untrackedFile),
                new Case("untracked-dir", "1u", Scenarios::untrackedDir),
                new Case("renamed-staged", "1m", Scenarios::renamedStaged),
                new Case("typechange", "1m (+1/-3)", Scenarios::typechange),
                new Case("exec-bit", "1m", Scenarios::execBit),
                new Case("binary-modified", "1m", Scenarios::binaryModified),
                new Case("intent-to-add", "1m (+3/-0)", Scenarios::intentToAdd),
                new Case("skip-worktree-flags", "clean", Scenarios::skipWorktreeFlags),
                new Case("ignored-files", "clean", Scenarios::ignoredFiles),
                new Case("showuntracked-no", "1u", Scenarios::showuntrackedNo),
                new Case("merge-conflict", "1m (+8/-0) 2d !", Scenarios::mergeConflict),
                new Case("merge-no-commit", "1m (+2/-0) !", Scenarios::mergeNoCommit),
                new Case("rebase-merge", "(+4/-0) !", Scenarios::rebaseMerge),
                new Case("rebase-apply", "(+4/-0) !", Scenarios::rebaseApply),
                new Case("cherry-pick-sequencer", "1m (+1/-1) !", Scenarios::cherryPickSequencer),
                new Case("cherry-pick-single", "1m (+1/-1)", Scenarios::cherryPickSingle),
                new Case("revert-sequencer", "1m (+1/-1) !", Scenarios::revertSequencer),
                new Case("stale-rebase-head", "clean", Scenarios::staleRebaseHead),
                new Case("stale-merge-head", "clean", Scenarios::staleMergeHead),
                new Case("stale-bisect-log", "clean", Scenarios::staleBisectLog),
                new Case("bisect", "!", Scenarios::bisect),
                new Case("detached", "!", Scenarios::detached),
                new Case("unborn-empty", "clean", Scenarios::unbornEmpty),
                new Case("unborn-untracked", "2u", Scenarios::unbornUntracked),
                new Case("unborn-staged", "1m (+3/-0)", Scenarios::unbornStaged),
                new Case("unborn-trunk", "clean", Scenarios::unbornTrunk)));
    out.addAll(MoreScenarios.all());
    out.addAll(UntrackedScenarios.all());
    return out;
  }

  /** {@code "<tag> line 1\n..."}: the fleet's file contents. */
  public static String lines(String tag, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      sb.append(tag).append(" line ").append(i).append('\n');
    }
    return sb.toString();
  }

  /** The fleet's standard repository: README.md and src/app.txt, one commit. */
  static Path std(GitFixture f, Path dir, String... pathsAndContents) {
    if (pathsAndContents.length == 0) {
      return f.repoWithCommit(dir, "README.md", lines("readme", 3), "src/app.txt", lines("app", 5));
    }
    return f.repoWithCommit(dir, pathsAndContents);
  }

  public static Path clean(GitFixture f, Path dir) {
    return std(
        f,
        dir,
        "README.md",
        lines("readme", 3),
        "src/main.c",
        lines("main", 10),
        "src/util/helper.c",
        lines("helper", 7),
        "docs/guide.txt",
        lines("guide", 4));
  }

  public static Path modifiedUnstaged(GitFixture f, Path dir) {
    std(f, dir, "a.txt", lines("a", 5), "b.txt", lines("b", 5), "c.txt", lines("c", 2));
    write(dir, "a.txt", lines("a", 5).replace("a line 2", "a line two"));
    write(dir, "b.txt", lines("b", 5) + "b extra 1\nb extra 2\n");
    return dir;
  }

  public static Path stagedOnly(GitFixture f, Path dir) {
    std(f, dir, "a.txt", lines("a", 5));
    write(dir, "a.txt", lines("a", 5).replace("a line 3", "a line three"));
    write(dir, "new.txt", lines("new", 3));
    f.git(dir, "add", "a.txt", "new.txt");
    return dir;
  }

  public static Path modifiedStagedSame(GitFixture f, Path dir) {
    std(f, dir, "a.txt", lines("a", 5));
    write(dir, "a.txt", lines("a", 5).replace("a line 1", "a line one"));
    f.git(dir, "add", "a.txt");
    write(
        dir,
        "a.txt",
        lines("a", 5).replace("a line 1", "a line one").replace("a line 5", "a line five"));
    return dir;
  }

  public static Path deleted(GitFixture f, Path dir) {
    std(f, dir, "a.txt", lines("a", 3), "b.txt", lines("b", 4), "keep.txt", lines("k", 1));
    delete(dir.resolve("a.txt"));
    f.git(dir, "rm", "-q", "b.txt");
    return dir;
  }

  public static Path untrackedFile(GitFixture f, Path dir) {
    std(f, dir);
    write(dir, "new.txt", lines("new", 2));
    return dir;
  }

  public static Path untrackedDir(GitFixture f, Path dir) {
    std(f, dir);
    write(dir, "newdir/a.txt", "a\n");
    write(dir, "newdir/b.txt", "b\n");
    write(dir, "newdir/sub/c.txt", "c\n");
    GitFixture.mkdirs(dir.resolve("emptydir/inner"));
    return dir;
  }

  public static Path renamedStaged(GitFixture f, Path dir) {
    std(f, dir, "old name.txt", lines("old", 5), "other.txt", "x\n");
    f.git(dir, "mv", "old name.txt", "new name.txt");
    return dir;
  }

  public static Path typechange(GitFixture f, Path dir) {
    std(f, dir, "target.txt", lines("t", 2), "link-me.txt", lines("l", 3));
    delete(dir.resolve("link-me.txt"));
    try {
      Files.createSymbolicLink(dir.resolve("link-me.txt"), Path.of("target.txt"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  public static Path execBit(GitFixture f, Path dir) {
    std(f, dir, "script.sh", "#!/bin/sh\necho hi\n");
    dir.resolve("script.sh").toFile().setExecutable(true, false);
    return dir;
  }

  public static Path binaryModified(GitFixture f, Path dir) {
    f.init(dir);
    byte[] blob = new byte[1024];
    for (int i = 0; i < blob.length; i++) {
      blob[i] = (byte) i;
    }
    writeBytes(dir.resolve("blob.bin"), blob);
    write(dir, "t.txt", "t\n");
    f.commitAll(dir, "initial");
    for (int i = 0; i < blob.length; i++) {
      blob[i] = (byte) (255 - i);
    }
    writeBytes(dir.resolve("blob.bin"), blob);
    return dir;
  }

  public static Path intentToAdd(GitFixture f, Path dir) {
    std(f, dir);
    write(dir, "later.txt", lines("later", 3));
    f.git(dir, "add", "-N", "later.txt");
    return dir;
  }

  public static Path skipWorktreeFlags(GitFixture f, Path dir) {
    std(f, dir, "skip.txt", lines("s", 2), "assume.txt", lines("a", 2), "c.txt", "c\n");
    f.git(dir, "update-index", "--skip-worktree", "skip.txt");
    f.git(dir, "update-index", "--assume-unchanged", "assume.txt");
    write(dir, "skip.txt", "changed but skip-worktree\n");
    write(dir, "assume.txt", "changed but assume-unchanged\n");
    return dir;
  }

  /** Ignored files get a newer mtime (2024) than the counted ones (2023). */
  public static Path ignoredFiles(GitFixture f, Path dir) {
    std(f, dir, ".gitignore", "build/\n*.log\n", "src/a.txt", lines("a", 2));
    write(dir, "build/out.bin", "\0\1\2");
    write(dir, "build/deep/x.o", "obj");
    write(dir, "debug.log", "log\n");
    for (String p : List.of(".gitignore", "src/a.txt")) {
      GitFixture.touch(dir.resolve(p), 1_690_000_000L);
    }
    for (String p : List.of("build/out.bin", "build/deep/x.o", "debug.log")) {
      GitFixture.touch(dir.resolve(p), 1_718_000_000L);
    }
    return dir;
  }

  public static Path showuntrackedNo(GitFixture f, Path dir) {
    std(f, dir);
    f.git(dir, "config", "status.showUntrackedFiles", "no");
    write(dir, "u.txt", "u\n");
    return dir;
  }

  /** UU (f1), AA (f2), DU (f3), UD (f4). */
  public static Path mergeConflict(GitFixture f, Path dir) {
    std(f, dir, "f1", "a\n", "f3", "x\n", "f4", "y\n");
    f.git(dir, "checkout", "-q", "-b", "other");
    write(dir, "f1", "other\n");
    write(dir, "f2", "B\n");
    write(dir, "f3", "x2\n");
    delete(dir.resolve("f4"));
    f.commitAll(dir, "other side");
    f.git(dir, "checkout", "-q", "main");
    write(dir, "f1", "main\n");
    write(dir, "f2", "A\n");
    delete(dir.resolve("f3"));
    write(dir, "f4", "y2\n");
    f.commitAll(dir, "main side");
    f.tryGit(dir, "merge", "other");
    return dir;
  }

  public static Path mergeNoCommit(GitFixture f, Path dir) {
    std(f, dir, "f.txt", "f\n");
    f.git(dir, "checkout", "-q", "-b", "other");
    write(dir, "g.txt", lines("g", 2));
    f.commitAll(dir, "add g");
    f.git(dir, "checkout", "-q", "main");
    write(dir, "h.txt", "h\n");
    f.commitAll(dir, "add h");
    f.git(dir, "merge", "--no-commit", "--no-ff", "other");
    return dir;
  }

  public static Path rebaseMerge(GitFixture f, Path dir) {
    return rebase(f, dir);
  }

  public static Path rebaseApply(GitFixture f, Path dir) {
    return rebase(f, dir, "--apply");
  }

  private static Path rebase(GitFixture f, Path dir, String... extra) {
    std(f, dir, "f.txt", lines("f", 3));
    f.git(dir, "checkout", "-q", "-b", "topic");
    write(dir, "f.txt", lines("f", 3).replace("f line 1", "topic"));
    f.commitAll(dir, "topic change");
    f.git(dir, "checkout", "-q", "main");
    write(dir, "f.txt", lines("f", 3).replace("f line 1", "main"));
    f.commitAll(dir, "main change");
    f.git(dir, "checkout", "-q", "topic");
    List<String> args = new java.util.ArrayList<>(List.of("rebase"));
    args.addAll(List.of(extra));
    args.add("main");
    f.tryGit(dir, args.toArray(String[]::new));
    return dir;
  }

  private static Path pickRepo(GitFixture f, Path dir) {
    std(f, dir, "f.txt", lines("f", 3));
    f.git(dir, "checkout", "-q", "-b", "other");
    write(dir, "f.txt", lines("f", 3).replace("f line 1", "other"));
    f.commitAll(dir, "c1");
    write(dir, "g.txt", "g\n");
    f.commitAll(dir, "c2");
    f.git(dir, "checkout", "-q", "main");
    write(dir, "f.txt", lines("f", 3).replace("f line 1", "main"));
    f.commitAll(dir, "m1");
    return dir;
  }

  public static Path cherryPickSequencer(GitFixture f, Path dir) {
    pickRepo(f, dir);
    f.tryGit(dir, "cherry-pick", "other~1", "other");
    write(dir, "f.txt", lines("f", 3).replace("f line 1", "resolved"));
    f.git(dir, "add", "f.txt");
    return dir;
  }

  public static Path cherryPickSingle(GitFixture f, Path dir) {
    pickRepo(f, dir);
    f.tryGit(dir, "cherry-pick", "other~1");
    write(dir, "f.txt", lines("f", 3).replace("f line 1", "resolved"));
    f.git(dir, "add", "f.txt");
    return dir;
  }

  public static Path revertSequencer(GitFixture f, Path dir) {
    std(f, dir, "f.txt", lines("f", 3));
    write(dir, "f.txt", lines("f", 3).replace("f line 1", "v1"));
    f.commitAll(dir, "c1");
    write(dir, "f.txt", lines("f", 3).replace("f line 1", "v2"));
    f.commitAll(dir, "c2");
    write(dir, "g.txt", "g\n");
    f.commitAll(dir, "c3");
    f.tryGit(dir, "revert", "--no-edit", "HEAD", "HEAD~2");
    write(dir, "f.txt", lines("f", 3).replace("f line 1", "reverted"));
    f.git(dir, "add", "f.txt");
    return dir;
  }

  public static Path staleRebaseHead(GitFixture f, Path dir) {
    std(f, dir);
    write(dir, ".git/REBASE_HEAD", f.git(dir, "rev-parse", "HEAD"));
    return dir;
  }

  public static Path staleMergeHead(GitFixture f, Path dir) {
    std(f, dir);
    write(dir, ".git/MERGE_HEAD", "not-a-commit\n");
    return dir;
  }

  public static Path staleBisectLog(GitFixture f, Path dir) {
    std(f, dir);
    write(dir, ".git/BISECT_LOG", "# bad: [0000000] gone\n");
    return dir;
  }

  public static Path bisect(GitFixture f, Path dir) {
    std(f, dir);
    write(dir, "x.txt", "1\n");
    f.commitAll(dir, "c2");
    write(dir, "x.txt", "2\n");
    f.commitAll(dir, "c3");
    f.git(dir, "bisect", "start");
    f.git(dir, "bisect", "bad");
    return dir;
  }

  public static Path detached(GitFixture f, Path dir) {
    std(f, dir);
    write(dir, "x.txt", "x\n");
    f.commitAll(dir, "second");
    f.git(dir, "checkout", "-q", "--detach", "HEAD~1");
    return dir;
  }

  public static Path unbornEmpty(GitFixture f, Path dir) {
    return f.init(dir);
  }

  public static Path unbornUntracked(GitFixture f, Path dir) {
    f.init(dir);
    write(dir, "a.txt", "a\n");
    write(dir, "dir/b.txt", "b\n");
    return dir;
  }

  public static Path unbornStaged(GitFixture f, Path dir) {
    f.init(dir);
    write(dir, "a.txt", lines("a", 3));
    f.git(dir, "add", "a.txt");
    return dir;
  }

  public static Path unbornTrunk(GitFixture f, Path dir) {
    GitFixture.mkdirs(dir);
    f.git(dir, "init", "-q", "-b", "trunk");
    return dir;
  }

  static void delete(Path p) {
    try {
      Files.delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void writeBytes(Path p, byte[] bytes) {
    try {
      Files.write(p, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
