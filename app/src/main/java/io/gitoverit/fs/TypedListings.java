package io.gitoverit.fs;

import java.lang.reflect.Method;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Chooses the platform's typed listing. It exists on Linux (x86-64 and aarch64) with a JDK 22 or
 * newer, whose Foreign Function and Memory API calls {@code getdents64} directly; the class doing
 * so is compiled for Java 22 and ships in the jar's {@code META-INF/versions/22}, so a JDK 17 never
 * loads it. Elsewhere, under a file-name encoding other than UTF-8, when the native calls cannot be
 * bound, or when {@code -Dgitoverit.fs=nio} asks for it, there is none and callers list with NIO
 * only.
 */
public final class TypedListings {
  /**
   * The system property that chooses: {@code nio} turns the typed listing off; {@code typed} binds
   * it at once instead of on demand, so that every directory is listed with it (for the
   * differential tests and the fleet check on both paths).
   */
  public static final String PROPERTY = "gitoverit.fs";

  private static final String NATIVE_CLASS = "io.gitoverit.fs.LinuxDirents";

  private TypedListings() {}

  /**
   * The platform's typed listing, bound on demand: binding the native calls costs a JVM that just
   * started a tenth of a second or more of CPU, which a small walk would never earn back, so it
   * starts, on a thread of its own, only when the walk calls {@link TypedListing#wanted}. Until it
   * is bound the listing answers null (NIO lists). Empty where this JVM and platform have none;
   * bound at once under {@code -Dgitoverit.fs=typed}.
   */
  public static Optional<TypedListing> bindingOnDemand() {
    if (!available(java.nio.file.FileSystems.getDefault())) {
      return Optional.empty();
    }
    Binding binding = new Binding();
    if ("typed".equals(System.getProperty(PROPERTY))) {
      binding.bind();
      return Optional.ofNullable(binding.bound);
    }
    return Optional.of(binding);
  }

  /**
   * How many names a scan needs (in all, see {@link ModifiedTimes#ready}) to bind the native calls
   * itself when no walk has: below this, NIO stats them sooner than the binding is done.
   */
  static final int WORTH_BINDING_FOR_NAMES = 8192;

  /**
   * How many entries a caller lists with NIO before it tells a listing bound on demand that it is
   * wanted ({@link TypedListing#wanted}, {@link EntryStats#wanted}): a folder of a few hundred
   * clones or a few small repositories stay below, a home folder or a big work tree do not.
   */
  public static final long WORTH_BINDING_FOR_ENTRIES = 1024;

  /**
   * Answers null until {@link #wanted} has started the binding and it is done (as {@link
   * EntryStats} too); as {@link ModifiedTimes}, {@link #ready} binds, or waits for the binding
   * under way, for a scan of {@link #WORTH_BINDING_FOR_NAMES} names or more.
   */
  private static final class Binding implements TypedListing, ModifiedTimes, EntryStats {
    private final AtomicBoolean started = new AtomicBoolean();
    private final Object lock = new Object();
    private boolean tried; // guarded by lock
    private volatile TypedListing bound;

    /** Binds once; a second caller waits for the first. */
    void bind() {
      synchronized (lock) {
        if (!tried) {
          tried = true;
          bound = typedListing().orElse(null);
        }
      }
    }

    @Override
    public void wanted() {
      if (started.compareAndSet(false, true)) {
        Thread thread = new Thread(this::bind, "gitoverit-typed-listing");
        thread.setDaemon(true);
        thread.start();
      }
    }

    @Override
    public Entries list(Path dir) {
      TypedListing b = bound;
      return b == null ? null : b.list(dir);
    }

    @Override
    public Optional<ModifiedTimes> modifiedTimes() {
      return Optional.of(this);
    }

    @Override
    public Optional<EntryStats> entryStats() {
      return Optional.of(this);
    }

    /** Null until bound (by a walk, or by {@link #wanted}): the caller lists with NIO meanwhile. */
    @Override
    public List<EntryStats.Entry> stat(Path dir) {
      TypedListing b = bound;
      return b == null ? null : b.entryStats().map(stats -> stats.stat(dir)).orElse(null);
    }

    /**
     * Decided for the whole scan, not for each chunk of it: a scan of 100,000 names comes in chunks
     * of a few thousand, each below {@link #WORTH_BINDING_FOR_NAMES}.
     */
    @Override
    public boolean ready(int names) {
      if (bound == null && names >= WORTH_BINDING_FOR_NAMES) {
        started.set(true);
        bind(); // or wait for the walk's binding, under way
      }
      TypedListing b = bound;
      return b != null && b.modifiedTimes().isPresent();
    }

    /** Null until bound: by the walk, or by {@link #ready} for a scan of enough names. */
    @Override
    public Long newestNanos(Path root, List<byte[]> names) {
      TypedListing b = bound;
      return b == null
          ? null
          : b.modifiedTimes().map(times -> times.newestNanos(root, names)).orElse(null);
    }
  }

  private static boolean available(FileSystem fs) {
    return fs == java.nio.file.FileSystems.getDefault()
        && !"nio".equals(System.getProperty(PROPERTY))
        && Runtime.version().feature() >= 22
        && System.getProperty("os.name", "").equals("Linux")
        && isSupportedArch(System.getProperty("os.arch", ""))
        && System.getProperty("sun.jnu.encoding", "").equalsIgnoreCase("UTF-8");
  }

  /** The typed listing for paths of {@code fs}, if this JVM and platform have one. */
  public static Optional<TypedListing> typedListing(FileSystem fs) {
    if (!available(fs)) {
      return Optional.empty();
    }
    try {
      Method create = Class.forName(NATIVE_CLASS).getDeclaredMethod("create");
      create.setAccessible(true);
      return Optional.ofNullable((TypedListing) create.invoke(null));
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return Optional.empty(); // not in this jar, or the native calls cannot be bound
    }
  }

  /** The same for the default file system. */
  public static Optional<TypedListing> typedListing() {
    return typedListing(java.nio.file.FileSystems.getDefault());
  }

  /** Whether {@code path} is on the default file system (a typed listing can only list those). */
  public static boolean isDefault(Path path) {
    return path.getFileSystem() == java.nio.file.FileSystems.getDefault();
  }

  private static boolean isSupportedArch(String arch) {
    String a = arch.toLowerCase(Locale.ROOT);
    return a.equals("amd64") || a.equals("x86_64") || a.equals("aarch64");
  }
}
