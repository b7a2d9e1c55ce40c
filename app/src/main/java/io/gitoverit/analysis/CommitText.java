package io.gitoverit.analysis;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * A commit's subject and committer date as {@code git log --format='%s %ct'} gives them, from the
 * message or the raw commit object, for both engines alike.
 */
public final class CommitText {
  private CommitText() {}

  /**
   * git's subject: leading blank lines skipped, then the lines up to the first blank one, each
   * without its trailing white space, joined by one space.
   */
  public static String subject(String message) {
    StringBuilder out = new StringBuilder();
    boolean started = false;
    for (String line : message.split("\n", -1)) {
      String trimmed = stripTrailing(line);
      if (trimmed.isEmpty()) {
        if (started) {
          break;
        }
        continue;
      }
      if (started) {
        out.append(' ');
      }
      out.append(trimmed);
      started = true;
    }
    return out.toString();
  }

  /** Without trailing spaces, tabs, CRs and LFs (git's isspace). */
  private static String stripTrailing(String s) {
    int end = s.length();
    while (end > 0 && " \t\r\n".indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(0, end);
  }

  /** The raw commit's committer time and subject ({@code git cat-file commit}). */
  public record Parsed(OptionalLong committerTime, String subject) {}

  public static Parsed parse(byte[] rawCommit) {
    String text = new String(rawCommit, StandardCharsets.UTF_8);
    int body = text.indexOf("\n\n");
    String headers = body < 0 ? text : text.substring(0, body);
    String message = body < 0 ? "" : text.substring(body + 2);
    OptionalLong time = OptionalLong.empty();
    for (String h : headers.split("\n")) {
      if (h.startsWith("committer ")) {
        int gt = h.lastIndexOf('>');
        String[] rest = h.substring(gt + 1).strip().split(" ");
        if (rest.length >= 1 && rest[0].matches("-?\\d{1,18}")) {
          time = OptionalLong.of(Long.parseLong(rest[0]));
        }
        break;
      }
    }
    return new Parsed(time, subject(message));
  }
}
