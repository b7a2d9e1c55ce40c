package io.gitoverit.analysis;

import io.gitoverit.gitdir.GitDirs;
import io.gitoverit.gitdir.SpecialFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Refuses a HEAD file that names no possible commit: a symbolic ref to an invalid ref name, or text
 * that is neither a ref nor an object id. git reads such a HEAD as "(unknown)" or an unborn branch
 * and JGit as a branch with a nonsense name; both would be a row that looks sound.
 */
public final class HeadFile {
  /** More than any ref name or object id takes: a larger HEAD is refused unread. */
  public static final long MAX_BYTES = 64 * 1024;

  private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

  private HeadFile() {}

  /**
   * Throws when the HEAD of {@code gitDir} is readable and invalid, or a directory (no repository
   * for git); other cases are git's to judge.
   */
  public static void check(Path gitDir) throws AnalysisException {
    Path head = gitDir.resolve("HEAD");
    String text;
    try {
      text = new String(SpecialFiles.read(head, MAX_BYTES), StandardCharsets.UTF_8).strip();
    } catch (SpecialFiles.NotAFile e) {
      throw new GitWouldHang(head);
    } catch (SpecialFiles.TooLarge e) {
      throw new AnalysisException(
          "HEAD is neither a ref nor an object id: a file of " + e.size() + " bytes");
    } catch (IOException e) {
      if (Files.isDirectory(head)) {
        // git's repository check fails ("not a git repository"); JGit would read on as unborn.
        throw new AnalysisException("not a git repository: " + head + " is a directory");
      }
      return;
    }
    if (text.startsWith("ref:")) {
      String target = text.substring("ref:".length()).strip();
      if (!target.startsWith("refs/") || !isValidRefName(target)) {
        throw new AnalysisException(
            "HEAD points to an invalid ref name: '" + oneLine(target) + "'");
      }
      SpecialFileCheck.checkRef(target, gitDir, GitDirs.commonDirOf(gitDir));
    } else if (!OBJECT_ID.matcher(text).matches()) {
      throw new AnalysisException(
          "HEAD is neither a ref nor an object id: '" + oneLine(text) + "'");
    }
  }

  /**
   * Whether {@code name} is a valid full ref name, with the answers of JGit's {@code
   * Repository.isValidRefName} on a POSIX file system (a test pins that): two components at least;
   * no control character, space, DEL or any of {@code ~ ^ : ? [ * \\}; no component that starts
   * with a dot, no two dots in a row, no at sign before an opening brace, no empty component; not
   * ending in a dot, a slash or {@code .lock}.
   */
  static boolean isValidRefName(String name) {
    int len = name.length();
    if (len == 0 || name.endsWith(".lock")) {
      return false;
    }
    int components = 1;
    char p = '\0';
    for (int i = 0; i < len; i++) {
      char c = name.charAt(i);
      if (c <= ' ') {
        return false;
      }
      switch (c) {
        case '.':
          if (p == '\0' || p == '/' || p == '.' || i == len - 1) {
            return false;
          }
          break;
        case '/':
          if (i == 0 || i == len - 1 || p == '/') {
            return false;
          }
          components++;
          break;
        case '{':
          if (p == '@') {
            return false;
          }
          break;
        case '~':
        case '^':
        case ':':
        case '?':
        case '[':
        case '*':
        case '\\':
        case '\u007F':
          return false;
        default:
          break;
      }
      p = c;
    }
    return components > 1;
  }

  private static String oneLine(String s) {
    String t = s.replaceAll("[\\p{Cntrl}]", "?");
    return t.length() > 60 ? t.substring(0, 60) + "..." : t;
  }
}
