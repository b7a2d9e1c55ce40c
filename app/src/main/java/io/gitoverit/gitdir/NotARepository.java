package io.gitoverit.gitdir;

import java.io.IOException;

/** What git says when a folder's {@code .git} entry makes no repository, in git's own words. */
public final class NotARepository extends IOException {
  private static final long serialVersionUID = 1L;

  NotARepository(String message) {
    super(message);
  }

  NotARepository(String message, Throwable cause) {
    super(message, cause);
  }
}
