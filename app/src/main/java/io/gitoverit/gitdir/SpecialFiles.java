package io.gitoverit.gitdir;

import java.io.File;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * FIFOs, sockets and devices where git keeps a file. Opening a FIFO waits for a writer that never
 * comes and {@code /dev/zero} never ends, so nothing here opens a path before knowing it is a
 * regular file: a directory holding such a thing must not stop a scan.
 */
public final class SpecialFiles {
  private SpecialFiles() {}

  /**
   * Whether {@code path} (a link followed, unless {@code options} say not to) exists and is neither
   * a regular file nor a directory.
   */
  public static boolean isSpecial(Path path, LinkOption... options) {
    if (path.getFileSystem() != FileSystems.getDefault()) {
      try {
        return Files.readAttributes(path, BasicFileAttributes.class, options).isOther();
      } catch (IOException e) {
        return false;
      }
    }
    // java.io answers absent files without an exception (most names checked are absent, and an
    // exception per name was measurable over thousands of repositories).
    File file = path.toFile();
    if (!file.exists() || file.isFile() || file.isDirectory()) {
      return false; // absent, a dangling link, unreadable: the caller's read says so itself
    }
    boolean follow = options.length == 0;
    return follow || !Files.isSymbolicLink(path); // a link is no FIFO when not followed
  }

  /**
   * The bytes of a regular file.
   *
   * @throws IOException when the file cannot be read, or is a FIFO, socket or device
   */
  public static byte[] read(Path file, LinkOption... options) throws IOException {
    if (isSpecial(file, options)) {
      throw new NotAFile(file);
    }
    return Files.readAllBytes(file);
  }

  /**
   * The bytes of a regular file of at most {@code limit} bytes; a larger one is refused by its
   * size, without being read.
   *
   * @throws TooLarge when the file holds more than {@code limit} bytes
   * @throws IOException when the file cannot be read, or is a FIFO, socket or device
   */
  public static byte[] read(Path file, long limit, LinkOption... options) throws IOException {
    if (isSpecial(file, options)) {
      throw new NotAFile(file);
    }
    Set<OpenOption> open =
        options.length == 0
            ? Set.of(StandardOpenOption.READ)
            : Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    try (SeekableByteChannel ch = Files.newByteChannel(file, open)) {
      long size = ch.size();
      if (size > limit) {
        throw new TooLarge(file, size, limit);
      }
      // One more byte than allowed: a file that grew since its size was asked is refused too.
      byte[] bytes =
          Channels.newInputStream(ch).readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8) + 1);
      if (bytes.length > limit) {
        throw new TooLarge(file, bytes.length, limit);
      }
      return bytes;
    }
  }

  /** The reason a file was not read: it is larger than anything git keeps there. */
  public static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    private final long size;

    TooLarge(Path file, long size, long limit) {
      super(file + " is too large (" + size + " bytes, more than " + limit + ")");
      this.size = size;
    }

    /** The file's size as found (at least). */
    public long size() {
      return size;
    }
  }

  /** The reason a special file was not read; an {@link IOException}. */
  public static final class NotAFile extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;

    public NotAFile(Path file) {
      super(file + " is a FIFO, socket or device, not a file (git would wait on it)");
      this.file = file;
    }

    /** The file in question. */
    public Path file() {
      return file;
    }
  }
}
