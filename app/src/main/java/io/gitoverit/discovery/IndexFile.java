package io.gitoverit.discovery;

import java.io.EOFException;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The layout of a git index file (versions 2 to 4), judged before anything trusts it. The 12-byte
 * header is judged against the file's size first: a signature other than {@code DIRC}, an unknown
 * version, or more entries than the file could hold at their smallest (64 bytes each with SHA-1,
 * whatever the version) refuses the file before a single entry is read. {@link #walk} then reads
 * the entries and the extension headers in one pass, in constant memory, and refuses what git or
 * JGit would misread: an entry whose mode is no file, link, submodule or (sparse index) folder
 * mode, an entry without a name outside a split index, a name that runs past the end, an extension
 * larger than the rest of the file, or an extension git requires but does not know.
 */
public final class IndexFile {
  /** Signature, version and entry count. */
  public static final int HEADER_BYTES = 12;

  private static final int SIGNATURE = 0x44495243; // "DIRC"

  /** ctime, mtime, dev, ino, mode, uid, gid, size: ten 32-bit fields before the object id. */
  private static final int STAT_BYTES = 40;

  private static final int MODE_AT = 24;
  private static final int NAME_MASK = 0xfff;

  /** The bits of an entry's mode that give its type. */
  public static final int TYPE_MASK = 0170000;

  private static final int REGULAR = 0100000;
  private static final int SYMLINK = 0120000;

  /** The type of a gitlink (a submodule's commit). */
  public static final int GITLINK = 0160000;

  /** A sparse index's directory entry. */
  private static final int DIRECTORY = 0040000;

  private static final int EXTENDED = 0x4000;
  private static final int STAGE_SHIFT = 12;
  private static final int SKIP_WORKTREE = 0x4000;

  /**
   * Longer than any path a file system takes (Windows' long paths: 32,767 UTF-16 units, so at most
   * ~96 KiB of UTF-8); a longer name is damage, and is not buffered.
   */
  static final int MAX_NAME_BYTES = 1 << 20;

  /** How much of an extension's content a visitor gets to see. */
  private static final int EXTENSION_HEAD = 64;

  private IndexFile() {}

  /**
   * What the header says, with the file's size.
   *
   * @param hashLength the length of an object id (20 for SHA-1, 32 for SHA-256)
   */
  public record Header(int version, long entries, long size, int hashLength) {
    /** Where the entries and extensions end and the trailing checksum begins. */
    public long dataEnd() {
      return size - hashLength;
    }
  }

  /** Why a file cannot be a git index (the message names what is wrong, not the file). */
  public static final class Corrupt extends IOException {
    private static final long serialVersionUID = 1L;

    public Corrupt(String message) {
      super(message);
    }
  }

  /** Receives what {@link #walk} reads. */
  public interface Visitor {
    /**
     * One entry: its mode, whether its skip-worktree bit is set, and its name, the first {@code
     * length} bytes of {@code name} (valid during the call only).
     */
    default void entry(int mode, boolean skipWorktree, byte[] name, int length)
        throws IOException {}

    /**
     * One entry with its merge stage (0 when not conflicted) and object id (the first {@code
     * hashLength} bytes of {@code id}, valid during the call only); by default {@link #entry(int,
     * boolean, byte[], int)}.
     */
    default void entry(
        int mode, int stage, boolean skipWorktree, byte[] id, byte[] name, int length)
        throws IOException {
      entry(mode, skipWorktree, name, length);
    }

    /** One extension: its signature, its size and the first (at most 64) bytes of its content. */
    default void extension(String signature, long size, byte[] head) throws IOException {}
  }

  /**
   * Reads and judges the header of {@code index} against its size.
   *
   * @throws java.nio.file.NoSuchFileException when there is no index
   * @throws Corrupt when the header or the size rules out a git index
   */
  public static Header header(Path index, int hashLength) throws IOException {
    try (FileChannel ch = FileChannel.open(index, StandardOpenOption.READ)) {
      ByteBuffer first = ByteBuffer.allocate(HEADER_BYTES);
      while (first.hasRemaining() && ch.read(first) >= 0) {
        // a regular file gives its bytes in one or two reads
      }
      return judge(Arrays.copyOf(first.array(), first.position()), ch.size(), hashLength);
    }
  }

  /**
   * Opens an index file for {@link #walk}: a {@link FileInputStream}, which skips by seeking.
   *
   * @throws NoSuchFileException when there is no such file
   */
  public static FileInputStream open(Path index) throws IOException {
    try {
      return new FileInputStream(index.toFile());
    } catch (FileNotFoundException e) {
      if (!Files.exists(index)) {
        throw new NoSuchFileException(index.toString());
      }
      throw e;
    }
  }

  /**
   * Judges the first bytes of an index file ({@link #HEADER_BYTES} of them, or fewer when the file
   * is shorter) against the file's size.
   */
  public static Header judge(byte[] first, long size, int hashLength) throws Corrupt {
    if (size < HEADER_BYTES + hashLength || first.length < HEADER_BYTES) {
      throw new Corrupt("too short to be a git index (" + size + " bytes)");
    }
    ByteBuffer b = ByteBuffer.wrap(first, 0, HEADER_BYTES);
    if (b.getInt() != SIGNATURE) {
      throw new Corrupt("not a git index (bad signature)");
    }
    int version = b.getInt();
    if (version < 2 || version > 4) {
      throw new Corrupt("unknown index version " + Integer.toUnsignedString(version));
    }
    long entries = Integer.toUnsignedLong(b.getInt());
    long room = size - HEADER_BYTES - hashLength;
    if (entries > room / minEntryBytes(version, hashLength)) {
      throw new Corrupt(
          "claims " + entries + " entries, more than its " + size + " bytes can hold");
    }
    return new Header(version, entries, size, hashLength);
  }

  /**
   * The smallest an entry can be on disk. Versions 2 and 3: the fixed part (stat data, object id,
   * flags), then the name and 1 to 8 NULs up to a multiple of 8 bytes, so 64 bytes with SHA-1 even
   * for an empty name. Version 4: the fixed part, then at least a one-byte prefix length and the
   * NUL after the name's suffix, again 64 bytes with SHA-1.
   */
  static int minEntryBytes(int version, int hashLength) {
    int fixed = STAT_BYTES + hashLength + 2;
    return version == 4 ? fixed + 2 : (fixed + 8) & ~7;
  }

  /**
   * Reads the entries and extension headers from {@code in}, which stands just past the header, up
   * to the trailing checksum, which it does not read: exactly {@code header.dataEnd() - 12} bytes.
   * Extension contents are skipped (after their first bytes go to the visitor), by seeking where
   * the stream can: a digest computed over the stream would miss them.
   *
   * @throws Corrupt when the entries or extensions do not fit the file as git writes it
   * @throws EOFException when the stream ends early
   */
  public static void walk(InputStream in, Header header, Visitor visitor) throws IOException {
    new Walk(new Cursor(in, header.dataEnd() - HEADER_BYTES), header, visitor).run();
  }

  private static final class Walk {
    private final Cursor in;
    private final Header header;
    private final Visitor visitor;
    private final byte[] fixed;
    private final byte[] id;
    private byte[] name = new byte[256];
    private int nameLength;

    /** The first entry without a name, or -1; only a split index's replacements have none. */
    private long firstNameless = -1;

    private boolean split;

    Walk(Cursor in, Header header, Visitor visitor) {
      this.in = in;
      this.header = header;
      this.visitor = visitor;
      this.fixed = new byte[STAT_BYTES + header.hashLength() + 2];
      this.id = new byte[header.hashLength()];
    }

    void run() throws IOException {
      for (long i = 0; i < header.entries(); i++) {
        entry(i);
      }
      extensions();
      if (firstNameless >= 0 && !split) {
        throw new Corrupt("entry " + (firstNameless + 1) + " has an empty name");
      }
    }

    private void entry(long i) throws IOException {
      need(fixed.length, i);
      in.readFully(fixed, 0, fixed.length);
      int mode = int32(fixed, MODE_AT);
      int flags = uint16(fixed, fixed.length - 2);
      int size = fixed.length;
      boolean skipWorktree = false;
      if (header.version() >= 3 && (flags & EXTENDED) != 0) {
        need(2, i);
        skipWorktree = (in.readUnsignedShort() & SKIP_WORKTREE) != 0;
        size += 2;
      }
      if (header.version() == 4) {
        long strip = in.readVarint();
        if (strip > nameLength) {
          throw new Corrupt("entry " + (i + 1) + " strips more of the previous name than it has");
        }
        nameLength -= (int) strip;
        readUntilNul(i);
      } else {
        int length = flags & NAME_MASK;
        int consumed;
        nameLength = 0;
        if (length < NAME_MASK) {
          need(length, i);
          grow(length);
          in.readFully(name, 0, length);
          nameLength = length;
          consumed = size + length;
        } else { // a long name: its length is where its NUL is
          readUntilNul(i);
          length = nameLength;
          consumed = size + length + 1;
        }
        // git pads each entry with 1 to 8 NULs to a multiple of 8 bytes.
        int padded = (size + length + 8) & ~7;
        need(padded - consumed, i);
        in.skip(padded - consumed);
      }
      int type = mode & TYPE_MASK;
      if (type != REGULAR && type != SYMLINK && type != GITLINK && type != DIRECTORY) {
        throw new Corrupt(
            "entry " + (i + 1) + " has no valid mode (0" + Integer.toOctalString(mode) + ")");
      }
      if (nameLength == 0 && firstNameless < 0) {
        firstNameless = i;
      }
      System.arraycopy(fixed, STAT_BYTES, id, 0, id.length); // one buffer: valid during the call
      visitor.entry(mode, (flags >> STAGE_SHIFT) & 3, skipWorktree, id, name, nameLength);
    }

    /** Appends bytes up to a NUL (consumed) to the name. */
    private void readUntilNul(long i) throws IOException {
      while (true) {
        if (in.remaining() == 0) {
          throw new Corrupt("the name of entry " + (i + 1) + " runs past the end of the file");
        }
        int c = in.read();
        if (c == 0) {
          return;
        }
        if (nameLength == MAX_NAME_BYTES) {
          throw new Corrupt("the name of entry " + (i + 1) + " is longer than any path");
        }
        grow(nameLength + 1);
        name[nameLength++] = (byte) c;
      }
    }

    private void grow(int length) {
      if (length > name.length) {
        name = Arrays.copyOf(name, Math.max(length, name.length * 2));
      }
    }

    private void need(long bytes, long i) throws Corrupt {
      if (bytes > in.remaining()) {
        throw new Corrupt(
            "entry " + (i + 1) + " of " + header.entries() + " runs past the end of the file");
      }
    }

    /** git reads extensions while 8 bytes (a signature and a size) are left before the checksum. */
    private void extensions() throws IOException {
      byte[] head = new byte[8];
      while (in.remaining() >= 8) {
        in.readFully(head, 0, 8);
        String signature = signature(head);
        long size = Integer.toUnsignedLong(int32(head, 4));
        if (size > in.remaining()) {
          throw new Corrupt(
              "extension "
                  + signature
                  + " claims "
                  + size
                  + " bytes, more than the rest of the file");
        }
        boolean optional = head[0] >= 'A' && head[0] <= 'Z';
        if (!optional && !signature.equals("link") && !signature.equals("sdir")) {
          throw new Corrupt("unknown required extension " + signature);
        }
        split |= signature.equals("link");
        byte[] start = new byte[(int) Math.min(size, EXTENSION_HEAD)];
        in.readFully(start, 0, start.length);
        in.skip(size - start.length);
        visitor.extension(signature, size, start);
      }
      in.skip(in.remaining()); // fewer than 8 bytes: git ignores them too
    }

    /** The signature as text when it is four printable ASCII characters, else in hex. */
    private static String signature(byte[] head) {
      for (int k = 0; k < 4; k++) {
        if (head[k] < 0x21 || head[k] > 0x7e) {
          return "0x" + HexFormat.of().formatHex(head, 0, 4);
        }
      }
      return new String(head, 0, 4, StandardCharsets.US_ASCII);
    }
  }

  /**
   * A buffered reader of exactly {@code limit} bytes of a stream: it never reads past them, so the
   * stream (a digest, say) sees no byte beyond.
   */
  private static final class Cursor {
    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int end;

    /** Bytes not yet handed out, buffered ones included. */
    private long remaining;

    Cursor(InputStream in, long limit) {
      this.in = in;
      this.remaining = limit;
    }

    long remaining() {
      return remaining;
    }

    private void fill() throws IOException {
      long unbuffered = remaining - (end - pos);
      int want = (int) Math.min(buf.length, unbuffered);
      int n = in.read(buf, 0, want);
      if (n <= 0) {
        throw new EOFException("the index is shorter than its size");
      }
      pos = 0;
      end = n;
    }

    int read() throws IOException {
      if (remaining == 0) {
        throw new Corrupt("the entries run past the end of the file");
      }
      if (pos == end) {
        fill();
      }
      remaining--;
      return buf[pos++] & 0xff;
    }

    int readUnsignedShort() throws IOException {
      return read() << 8 | read();
    }

    /** git's offset varint (version 4 name prefix lengths). */
    long readVarint() throws IOException {
      int c = read();
      long value = c & 0x7f;
      while ((c & 0x80) != 0) {
        if (value > (Long.MAX_VALUE >> 8)) {
          throw new Corrupt("a name prefix length overflows");
        }
        c = read();
        value = ((value + 1) << 7) | (c & 0x7f);
      }
      return value;
    }

    void readFully(byte[] to, int off, int len) throws IOException {
      while (len > 0) {
        if (pos == end) {
          fill();
        }
        int n = Math.min(len, end - pos);
        System.arraycopy(buf, pos, to, off, n);
        pos += n;
        off += n;
        len -= n;
        remaining -= n;
      }
    }

    /** Skips buffered bytes, then seeks past the rest where the stream can (a file can). */
    void skip(long n) throws IOException {
      int buffered = (int) Math.min(n, end - pos);
      pos += buffered;
      n -= buffered;
      remaining -= buffered;
      while (n > 0) {
        long k = in.skip(n);
        if (k <= 0) {
          fill();
          k = Math.min(n, end - pos);
          pos += (int) k;
        }
        n -= k;
        remaining -= k;
      }
    }
  }

  private static int int32(byte[] b, int at) {
    return (b[at] & 0xff) << 24
        | (b[at + 1] & 0xff) << 16
        | (b[at + 2] & 0xff) << 8
        | b[at + 3] & 0xff;
  }

  private static int uint16(byte[] b, int at) {
    return (b[at] & 0xff) << 8 | b[at + 1] & 0xff;
  }
}
