package io.gitoverit.analysis.jgit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Whether git's ownership check (safe.directory) could refuse a repository: JGit has none, so a
 * repository owned by someone else goes to git, which decides and words the refusal itself.
 */
final class Ownership {
  private static final long CURRENT_UID = currentUid();

  private Ownership() {}

  /** Whether any of {@code paths} belongs to another user; false where uids are unknown. */
  static boolean foreign(Path... paths) {
    if (CURRENT_UID < 0) {
      return false;
    }
    for (Path p : paths) {
      try {
        Object uid = Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        if (uid instanceof Integer i && Integer.toUnsignedLong(i) != CURRENT_UID) {
          return true;
        }
      } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
        return false;
      }
    }
    return false;
  }

  private static long currentUid() {
    try {
      return new com.sun.security.auth.module.UnixSystem().getUid();
    } catch (LinkageError | RuntimeException e) {
      return -1;
    }
  }
}
