package io.gitoverit.discovery;

import io.gitoverit.gitdir.SpecialFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads ignore files the way git opens them (dir.c's add_patterns): a work tree's {@code
 * .gitignore} without following a symbolic link, {@code info/exclude} and {@code core.excludesFile}
 * following one. Where git cannot open a {@code .gitignore} (absent, a link, unreadable) it reads
 * the index's copy instead, when the index marks that file skip-worktree; the callers do that part,
 * since they read the index differently.
 */
public final class IgnoreFiles {
  private static final byte[] NOTHING = new byte[0];

  /** git's limit for an ignore file (PATTERN_MAX_FILE_SIZE): a larger one is skipped unread. */
  public static final long MAX_PATTERN_FILE_BYTES = 100L << 20;

  private IgnoreFiles() {}

  /**
   * The content of a work tree's ignore file, or null when git could not open it (it then looks in
   * the index). A directory of that name gives no patterns, and no index lookup.
   *
   * @throws SpecialFiles.NotAFile for a FIFO, socket or device, which git would wait on
   */
  public static byte[] readInTree(Path file) throws SpecialFiles.NotAFile {
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return null;
    }
    if (attrs.isSymbolicLink()) {
      return null; // git opens it with O_NOFOLLOW, which fails
    }
    if (attrs.isDirectory()) {
      return NOTHING;
    }
    if (attrs.isOther()) {
      throw new SpecialFiles.NotAFile(file);
    }
    if (attrs.size() > MAX_PATTERN_FILE_BYTES) {
      return NOTHING; // git ignores it too ("ignoring excessively large pattern file")
    }
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The content of {@code info/exclude} or {@code core.excludesFile}; nothing when the file is
   * absent or cannot be read (git skips it).
   *
   * @throws SpecialFiles.NotAFile for a FIFO, socket or device, which git would wait on
   */
  public static byte[] readOutside(Path file) throws SpecialFiles.NotAFile {
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException e) {
      return NOTHING;
    }
    if (attrs.isOther()) {
      throw new SpecialFiles.NotAFile(file);
    }
    if (!attrs.isRegularFile() || attrs.size() > MAX_PATTERN_FILE_BYTES) {
      return NOTHING; // a too large one: git ignores it too
    }
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      return NOTHING;
    }
  }

  /**
   * Where {@code core.excludesFile} leads as git expands it: {@code ~} and {@code ~/} from {@code
   * home}, a relative path from the work tree root (git runs there); null for a value that names no
   * path.
   */
  public static Path excludesFile(String value, Path workTree, Path home) {
    try {
      if ((value.equals("~") || value.startsWith("~/")) && home != null) {
        return home.resolve(value.substring(value.equals("~") ? 1 : 2));
      }
      return value.isEmpty() ? null : workTree.resolve(value);
    } catch (java.nio.file.InvalidPathException e) {
      return null;
    }
  }

  /**
   * git's default {@code core.excludesFile}: {@code $XDG_CONFIG_HOME/git/ignore}, or {@code
   * $HOME/.config/git/ignore} when XDG_CONFIG_HOME is unset or empty; null without either.
   */
  public static Path defaultExcludesFile(String xdgConfigHome, String home) {
    if (xdgConfigHome != null && !xdgConfigHome.isEmpty()) {
      return Path.of(xdgConfigHome, "git", "ignore");
    }
    return home == null || home.isEmpty() ? null : Path.of(home, ".config", "git", "ignore");
  }
}
