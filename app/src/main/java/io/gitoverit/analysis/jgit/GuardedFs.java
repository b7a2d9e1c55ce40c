package io.gitoverit.analysis.jgit;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.FS_POSIX;
import org.eclipse.jgit.util.ProcessResult;

/**
 * JGit's file system view for scanned repositories, refusing every program start: clean and process
 * filters, hooks, anything a repository's config could name.
 *
 * <p>{@link GuardedTreeIterator} refuses filters where it walks; this is the net under it. JGit
 * opens each submodule (and each submodule of a submodule) with its parent's {@code FS}, but walks
 * the deeper levels with its own plain iterators, so without this a filter in a nested submodule's
 * config would run. A refusal is a {@link WorktreeRefusal}: the repository goes to the git engine,
 * which switches those filters off.
 */
final class GuardedFs extends FS_POSIX {
  /** A guard copied from {@code src}: JGit's detected file system, once its runtime is set. */
  GuardedFs(FS src) {
    super(src);
  }

  private static WorktreeRefusal refuse(String what) {
    return new WorktreeRefusal(
        "JGit would run " + what + " (a scan runs no program a repository names)");
  }

  @Override
  public FS newInstance() {
    return new GuardedFs(this);
  }

  @Override
  public ProcessBuilder runInShell(String cmd, String[] args) {
    throw refuse("'" + cmd + "'");
  }

  @Override
  public ExecutionResult execute(ProcessBuilder pb, InputStream in) {
    throw refuse(String.valueOf(pb.command()));
  }

  @Override
  public int runProcess(ProcessBuilder pb, OutputStream out, OutputStream err, String in) {
    throw refuse(String.valueOf(pb.command()));
  }

  @Override
  public int runProcess(ProcessBuilder pb, OutputStream out, OutputStream err, InputStream in) {
    throw refuse(String.valueOf(pb.command()));
  }

  @Override
  public ProcessResult runHookIfPresent(
      Repository repository,
      String hookName,
      String[] args,
      OutputStream out,
      OutputStream err,
      String stdin)
      throws JGitInternalException {
    throw refuse("hook " + hookName);
  }

  @Override
  public File findHook(Repository repository, String hookName) {
    return null;
  }
}
