package io.gitoverit.analysis.jgit;

import io.gitoverit.fs.EntryStats;
import io.gitoverit.fs.TypedListings;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.FileTreeIterator.FileModeStrategy;
import org.eclipse.jgit.treewalk.WorkingTreeIterator.Entry;
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
 *
 * <p>It also lists work-tree folders for JGit's iterators: with {@link EntryStats} where the
 * platform has it (one open of the folder, one {@code statx} per entry relative to it), else as
 * JGit does (a {@code lstat} per entry by its whole path). Both give the same entries and the same
 * attributes.
 */
final class GuardedFs extends FS_POSIX {
  /** Null where the platform has no native listing. */
  private final EntryStats stats;

  /** Entries listed with NIO by this guard and its copies. */
  private final AtomicLong listedByNio;

  /** A guard copied from {@code src}: JGit's detected file system, once its runtime is set. */
  GuardedFs(FS src) {
    super(src);
    if (src instanceof GuardedFs guard) {
      this.stats = guard.stats;
      this.listedByNio = guard.listedByNio;
    } else {
      this.stats = null;
      this.listedByNio = new AtomicLong();
    }
  }

  /** A guard copied from {@code src} that lists folders with {@code stats}. */
  GuardedFs(FS src, EntryStats stats) {
    super(src);
    this.stats = stats;
    this.listedByNio = new AtomicLong();
  }

  @Override
  public Entry[] list(File directory, FileModeStrategy strategy) {
    if (stats != null) {
      List<EntryStats.Entry> listed = stats.stat(directory.toPath());
      if (listed != null) {
        Entry[] entries = new Entry[listed.size()];
        for (int i = 0; i < entries.length; i++) {
          EntryStats.Entry e = listed.get(i);
          File file = new File(directory, e.name());
          entries[i] =
              new FileTreeIterator.FileEntry(file, this, new Stat(file, this, e), strategy);
        }
        return entries;
      }
    }
    Entry[] entries = super.list(directory, strategy);
    if (stats != null
        && listedByNio.addAndGet(entries.length) > TypedListings.WORTH_BINDING_FOR_ENTRIES) {
      stats.wanted();
    }
    return entries;
  }

  /**
   * What NIO's {@code lstat} gives JGit ({@code FileUtils.getFileAttributesPosix}), from the native
   * layer's entry. (The birth time, which nothing in a walk asks for, is not read: the modification
   * time stands in for it, as NIO does where the file system keeps none.)
   */
  private static final class Stat extends FS.Attributes {
    private final EntryStats.Entry entry;
    private Instant modified; // made on first use: the walk and the mtime ask for the same entry

    Stat(File file, FS fs, EntryStats.Entry entry) {
      super(file, fs);
      this.entry = entry;
    }

    /** The listed name: the file's own name, which {@link File#getName} would cut out again. */
    @Override
    public String getName() {
      return entry.name();
    }

    @Override
    public boolean isDirectory() {
      return entry.isDirectory();
    }

    @Override
    public boolean isExecutable() {
      return entry.isOwnerExecutable();
    }

    @Override
    public boolean isSymbolicLink() {
      return entry.isSymbolicLink();
    }

    @Override
    public boolean isRegularFile() {
      return entry.isRegularFile();
    }

    @Override
    public long getCreationTime() {
      return entry.modified().toMillis();
    }

    @Override
    public Instant getLastModifiedInstant() {
      Instant t = modified;
      if (t == null) {
        t = entry.modified().toInstant();
        modified = t;
      }
      return t;
    }

    @Override
    public long getLength() {
      return entry.size();
    }
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
