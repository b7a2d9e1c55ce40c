package io.gitoverit.analysis;

/** Which file names survive the trip through this JVM's file-name encoding. */
public final class JvmFileNames {
  /**
   * Whether names round-trip: under a non-UTF-8 {@code sun.jnu.encoding} (a C locale) non-ASCII
   * names become unreadable to Java.
   */
  static final boolean UTF8 =
      "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding", "UTF-8"));

  private JvmFileNames() {}

  /** Whether {@code name} (decoded from git's bytes as UTF-8) names the same file in Java. */
  public static boolean canName(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '\uFFFD' || c > 0x7f && !UTF8) {
        return false;
      }
    }
    return true;
  }
}
