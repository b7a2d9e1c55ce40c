package io.gitoverit.analysis.jgit;

import io.gitoverit.analysis.AnalysisOptions;
import io.gitoverit.analysis.gitexe.GitRunner;
import io.gitoverit.report.RepoReport;
import io.gitoverit.report.Worktree;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.IndexDiff;
import org.eclipse.jgit.treewalk.FileTreeIterator;

/**
 * Run in a fresh JVM by {@link JGitRuntimeTest}: analyses one repository with a real JGit work-tree
 * walk and prints the branch and the work-tree counts. With {@code --plain} it skips {@link
 * JGitRuntime} (the control: JGit left to its defaults).
 */
final class NoTraceProbe {
  private NoTraceProbe() {}

  public static void main(String[] args) throws Exception {
    Path repo = Path.of(args[0]);
    if (args.length > 1 && args[1].equals("--plain")) {
      try (var r =
          new org.eclipse.jgit.storage.file.FileRepositoryBuilder()
              .setGitDir(repo.resolve(".git").toFile())
              .setMustExist(true)
              .build()) {
        IndexDiff diff = new IndexDiff(r, "HEAD", new FileTreeIterator(r));
        diff.diff();
        System.out.println("plain modified=" + diff.getModified().size());
      }
      return;
    }
    JGitAnalyzer analyzer =
        new JGitAnalyzer(
            JGitRuntime.install(),
            new IdentResolver(GitRunner.standard(), false),
            (r, mtime) -> {
              IndexDiff diff = new IndexDiff(r, "HEAD", new FileTreeIterator(r));
              diff.diff();
              return new Worktree.Checked(
                  diff.getModified().size(),
                  diff.getUntracked().size(),
                  diff.getMissing().size(),
                  diff.getConflicting().size(),
                  0,
                  0,
                  Optional.empty());
            });
    RepoReport report = analyzer.analyze(repo, AnalysisOptions.FULL);
    System.out.println(report.branch() + " " + report.worktree());
  }
}
