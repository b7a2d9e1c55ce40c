package io.gitoverit.fs;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@link TypedListing} on Linux through the Foreign Function and Memory API: {@code open} with
 * {@code O_DIRECTORY}, {@code getdents64} for names and {@code d_type}s many entries per call, and
 * one {@code faccessat} to learn whether the directory can be searched (where it cannot, NIO's
 * {@code lstat} of its entries fails, which NIO reports; this listing then steps aside). Compiled for
 * Java 22; loaded reflectively by {@link TypedListings} only on a JDK that has the API. As {@link
 * ModifiedTimes} it opens the root once ({@code O_PATH}) and {@code statx}es each name relative to
 * it, straight from the bytes given. As {@link EntryStats} it reads a directory's names as the
 * listing does and {@code statx}es each one relative to the open directory, link not followed.
 */
final class LinuxDirents implements TypedListing, ModifiedTimes, EntryStats {
  private static final int BUFFER_BYTES = 32 * 1024;
  private static final int O_RDONLY = 0;
  private static final int O_NONBLOCK = 04000; // a FIFO swapped in for a directory never blocks
  private static final int O_CLOEXEC = 02000000;
  private static final int O_PATH = 010000000; // the same on x86-64 and aarch64
  private static final int STATX_MTIME = 0x40;
  private static final int STATX_TYPE = 0x1;
  private static final int STATX_MODE = 0x2;
  private static final int STATX_SIZE = 0x200;
  private static final int STATX_LSTAT = STATX_TYPE | STATX_MODE | STATX_SIZE | STATX_MTIME;
  private static final int AT_SYMLINK_NOFOLLOW = 0x100;
  private static final int STX_MODE = 28;
  private static final int STX_SIZE = 40;
  private static final int STATX_BYTES = 256;
  private static final int STX_MASK = 0;
  private static final int STX_MTIME_SEC = 112;
  private static final int STX_MTIME_NSEC = 120;
  private static final int F_OK = 0;
  private static final int AT_EACCESS = 0x200;
  private static final byte DT_UNKNOWN = 0;
  private static final byte DT_DIR = 4;
  private static final byte DT_REG = 8;
  private static final byte DT_LNK = 10;

  // struct linux_dirent64: u64 d_ino, s64 d_off, u16 d_reclen, u8 d_type, char d_name[]
  private static final int RECLEN = 16;
  private static final int TYPE = 18;
  private static final int NAME = 19;

  private final MethodHandle open;
  private final MethodHandle getdents64;
  private final MethodHandle faccessat;
  private final MethodHandle close;
  private final int openFlags;
  private final int oDirectory;

  /** {@code statx}, bound on first use (a walk alone never needs it); null until then. */
  private volatile MethodHandle statx;

  /** Each thread's buffers, made once: a walk lists thousands of directories. */
  private final ThreadLocal<Buffers> buffers = ThreadLocal.withInitial(Buffers::new);

  /** Native memory for a path and the entries, and a Java copy of the entries. */
  private static final class Buffers {
    static final int PATH_BYTES = 4096; // PATH_MAX: longer paths are left to NIO, which fails
    final MemorySegment path = Arena.ofAuto().allocate(PATH_BYTES);
    final MemorySegment entries = Arena.ofAuto().allocate(BUFFER_BYTES, 8);
    final MemorySegment dot = Arena.ofAuto().allocateFrom(".");
    final MemorySegment stat = Arena.ofAuto().allocate(STATX_BYTES, 8);
    final byte[] bytes = new byte[BUFFER_BYTES];

    /** Puts the first {@code length} bytes of {@code from} in {@link #path}, NUL-terminated. */
    void setPath(byte[] from, int length) {
      MemorySegment.copy(from, 0, path, ValueLayout.JAVA_BYTE, 0, length);
      path.set(ValueLayout.JAVA_BYTE, length, (byte) 0);
    }
  }

  private LinuxDirents(
      MethodHandle open,
      MethodHandle getdents64,
      MethodHandle faccessat,
      MethodHandle close,
      int oDirectory) {
    this.open = open;
    this.getdents64 = getdents64;
    this.faccessat = faccessat;
    this.close = close;
    this.openFlags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | oDirectory;
    this.oDirectory = oDirectory;
  }

  /** Binds the calls; throws where the C library lacks one (getdents64 needs glibc 2.30+). */
  static LinuxDirents create() {
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    int oDirectory =
        switch (arch) {
          case "amd64", "x86_64" -> 0200000;
          case "aarch64" -> 040000;
          default -> throw new UnsupportedOperationException(arch);
        };
    Linker linker = Linker.nativeLinker();
    SymbolLookup libc = linker.defaultLookup();
    ValueLayout.OfInt i = ValueLayout.JAVA_INT;
    MethodHandle open =
        linker.downcallHandle(
            libc.find("open").orElseThrow(), FunctionDescriptor.of(i, ValueLayout.ADDRESS, i));
    MethodHandle getdents =
        linker.downcallHandle(
            libc.find("getdents64").orElseThrow(),
            FunctionDescriptor.of(
                ValueLayout.JAVA_LONG, i, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
    MethodHandle faccessat =
        linker.downcallHandle(
            libc.find("faccessat").orElseThrow(),
            FunctionDescriptor.of(i, i, ValueLayout.ADDRESS, i, i));
    MethodHandle close =
        linker.downcallHandle(libc.find("close").orElseThrow(), FunctionDescriptor.of(i, i));
    return new LinuxDirents(open, getdents, faccessat, close, oDirectory);
  }

  @Override
  public Entries list(Path dir) {
    return inDirectory(dir, openFlags, (b, fd, dirBytes) -> read(b, fd));
  }

  /** What to do with a directory opened by {@link #inDirectory}; null when it cannot say. */
  private interface InDirectory<T> {
    T apply(Buffers b, int fd, int dirBytes) throws Throwable;
  }

  /**
   * Opens {@code dir} with {@code flags}, runs {@code task} on it and closes it; null where the
   * path is not one this can name exactly (NIO holds it as raw bytes, or it reaches PATH_MAX),
   * where the directory cannot be opened (NIO opens it again and reports exactly why), or where
   * anything fails.
   */
  private <T> T inDirectory(Path dir, int flags, InDirectory<T> task) {
    String text = dir.toString();
    if (text.indexOf('\uFFFD') >= 0 || text.indexOf('\0') >= 0) {
      return null; // a name NIO holds as raw bytes: only NIO can open it again
    }
    byte[] path = text.getBytes(StandardCharsets.UTF_8);
    Buffers b = buffers.get();
    if (path.length >= Buffers.PATH_BYTES) {
      return null;
    }
    try {
      b.setPath(path, path.length);
      int fd = (int) open.invokeExact(b.path, flags);
      if (fd < 0) {
        return null;
      }
      try {
        return task.apply(b, fd, path.length);
      } finally {
        int ignored = (int) close.invokeExact(fd);
      }
    } catch (Throwable e) {
      return null;
    }
  }

  @Override
  public Optional<ModifiedTimes> modifiedTimes() {
    return Optional.of(this);
  }

  @Override
  public Optional<EntryStats> entryStats() {
    return Optional.of(this);
  }

  /** Bound already: nothing to start. */
  @Override
  public void wanted() {}

  @Override
  public List<EntryStats.Entry> stat(Path dir) {
    return inDirectory(dir, openFlags, (b, fd, dirBytes) -> statEntries(b, fd, statx(), dirBytes));
  }

  /**
   * Each name of the open directory {@code fd} with its {@code statx}, as NIO's {@code lstat} of
   * {@code dir/name} would give it; null where NIO would fail or decode the name otherwise.
   */
  private List<EntryStats.Entry> statEntries(Buffers b, int fd, MethodHandle stat, int dirBytes)
      throws Throwable {
    byte[] bytes = b.bytes;
    List<EntryStats.Entry> result = new ArrayList<>();
    while (true) {
      long n = (long) getdents64.invokeExact(fd, b.entries, (long) BUFFER_BYTES);
      if (n < 0) {
        return null;
      }
      if (n == 0) {
        return result;
      }
      MemorySegment.copy(b.entries, ValueLayout.JAVA_BYTE, 0, bytes, 0, (int) n);
      for (Records r = new Records(bytes, (int) n); r.next(); ) {
        // NIO stats dir/name, which fails from PATH_MAX bytes on: so must this.
        if (dirBytes + 1 + r.length >= Buffers.PATH_BYTES) {
          return null;
        }
        String name = decode(bytes, r.start, r.length);
        if (name == null) {
          return null;
        }
        MemorySegment cName = b.entries.asSlice(r.start);
        int failed = (int) stat.invokeExact(fd, cName, AT_SYMLINK_NOFOLLOW, STATX_LSTAT, b.stat);
        if (failed != 0 || (b.stat.get(ValueLayout.JAVA_INT, STX_MASK) & STATX_LSTAT) != STATX_LSTAT) {
          return null; // gone since listed, or not searchable: NIO says what it makes of it
        }
        result.add(
            new EntryStats.Entry(
                name,
                Short.toUnsignedInt(b.stat.get(ValueLayout.JAVA_SHORT, STX_MODE)),
                b.stat.get(ValueLayout.JAVA_LONG, STX_SIZE),
                b.stat.get(ValueLayout.JAVA_LONG, STX_MTIME_SEC),
                b.stat.get(ValueLayout.JAVA_INT, STX_MTIME_NSEC)));
      }
    }
  }

  private MethodHandle statx() {
    MethodHandle h = statx;
    if (h == null) {
      Linker linker = Linker.nativeLinker();
      ValueLayout.OfInt i = ValueLayout.JAVA_INT;
      h =
          linker.downcallHandle(
              linker.defaultLookup().find("statx").orElseThrow(), // glibc 2.28+
              FunctionDescriptor.of(i, i, ValueLayout.ADDRESS, i, i, ValueLayout.ADDRESS));
      statx = h;
    }
    return h;
  }

  @Override
  public Long newestNanos(Path root, List<byte[]> names) {
    return inDirectory(
        root,
        O_PATH | O_CLOEXEC | oDirectory,
        (b, fd, rootBytes) -> {
          for (byte[] name : names) {
            // NIO names each file by its whole path, which fails from PATH_MAX bytes on: so must
            // this.
            if (rootBytes + 1 + name.length >= Buffers.PATH_BYTES) {
              return null;
            }
          }
          MethodHandle stat = statx();
            long newest = Long.MIN_VALUE;
            for (byte[] name : names) {
              int length = name.length;
              while (length > 0 && name[length - 1] == '/') {
                length--; // a sparse index's folder entry: NIO drops the slash, so stat the name
              }
              if (length == 0 || indexOfNul(name) >= 0) {
                return null; // not a name git stores; NIO says what it makes of it
              }
              b.setPath(name, length);
              int r = (int) stat.invokeExact(fd, b.path, 0, STATX_MTIME, b.stat);
              if (r != 0) {
                continue; // missing, a dangling link, not searchable: NIO fails on it too
              }
              if ((b.stat.get(ValueLayout.JAVA_INT, STX_MASK) & STATX_MTIME) == 0) {
                return null;
              }
              long sec = b.stat.get(ValueLayout.JAVA_LONG, STX_MTIME_SEC);
              long nsec = Integer.toUnsignedLong(b.stat.get(ValueLayout.JAVA_INT, STX_MTIME_NSEC));
              newest = Math.max(newest, saturatedNanos(sec, nsec));
            }
            return newest;
        });
  }

  /** As {@code FileTime.to(NANOSECONDS)}: saturated at the ends of a long. */
  static long saturatedNanos(long sec, long nsec) {
    try {
      return Math.addExact(Math.multiplyExact(sec, 1_000_000_000L), nsec);
    } catch (ArithmeticException e) {
      return sec < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  private static int indexOfNul(byte[] name) {
    for (int k = 0; k < name.length; k++) {
      if (name[k] == 0) {
        return k;
      }
    }
    return -1;
  }

  private Entries read(Buffers b, int fd) throws Throwable {
    byte[] bytes = b.bytes;
    List<String> subdirs = new ArrayList<>();
    EntryType dotGit = null;
    boolean entries = false;
    while (true) {
      long n = (long) getdents64.invokeExact(fd, b.entries, (long) BUFFER_BYTES);
      if (n < 0) {
        return null;
      }
      if (n == 0) {
        break;
      }
      MemorySegment.copy(b.entries, ValueLayout.JAVA_BYTE, 0, bytes, 0, (int) n);
      for (Records r = new Records(bytes, (int) n); r.next(); ) {
        byte type = r.type;
        int start = r.start;
        int length = r.length;
        entries = true;
        if (type == DT_UNKNOWN) {
          return null; // this file system does not record types: NIO lstat's each entry
        }
        if (isDotGit(bytes, start, length)) {
          dotGit =
              switch (type) {
                case DT_DIR -> EntryType.DIRECTORY;
                case DT_LNK -> EntryType.SYMBOLIC_LINK;
                case DT_REG -> EntryType.FILE;
                default -> EntryType.OTHER;
              };
        } else if (type == DT_DIR) {
          String name = decode(bytes, start, length);
          if (name == null) {
            return null;
          }
          subdirs.add(name);
        }
      }
    }
    if (entries && (int) faccessat.invokeExact(fd, b.dot, F_OK, AT_EACCESS) != 0) {
      return null; // not searchable: NIO's lstat of each entry fails, and says so
    }
    return new Entries(subdirs, dotGit);
  }

  /**
   * The records of one {@code getdents64} result copied into {@code bytes}: each name's place and
   * its {@code d_type}, {@code .} and {@code ..} skipped.
   */
  private static final class Records {
    private final byte[] bytes;
    private final int size;
    private int at;
    int start;
    int length;
    byte type;

    Records(byte[] bytes, int size) {
      this.bytes = bytes;
      this.size = size;
    }

    /** Moves to the next record; false after the last. */
    boolean next() {
      while (at < size) {
        int reclen = (bytes[at + RECLEN] & 0xff) | (bytes[at + RECLEN + 1] & 0xff) << 8;
        type = bytes[at + TYPE];
        start = at + NAME;
        int end = start;
        while (bytes[end] != 0) {
          end++;
        }
        at += reclen;
        length = end - start;
        if (!isDotOrDotDot(bytes, start, length)) {
          return true;
        }
      }
      return false;
    }
  }

  private static boolean isDotOrDotDot(byte[] b, int start, int length) {
    return (length == 1 && b[start] == '.')
        || (length == 2 && b[start] == '.' && b[start + 1] == '.');
  }

  private static boolean isDotGit(byte[] b, int start, int length) {
    return length == 4
        && b[start] == '.'
        && b[start + 1] == 'g'
        && b[start + 2] == 'i'
        && b[start + 3] == 't';
  }

  /** The name as NIO decodes it; null when it is not valid UTF-8 (NIO would keep raw bytes). */
  private static String decode(byte[] b, int start, int length) {
    boolean ascii = true;
    for (int k = start; k < start + length; k++) {
      if (b[k] < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return new String(b, start, length, StandardCharsets.ISO_8859_1);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b, start, length))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
