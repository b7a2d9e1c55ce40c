package io.gitoverit.branches;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web page of a remote, from its URL, as upstream derives it for the table's link: https and
 * http URLs as they are, scp-like, {@code ssh://} and {@code git://} URLs rewritten to https; a
 * trailing {@code .git} dropped. Other URLs (local paths, files) have none.
 */
final class WebPages {
  private static final Pattern SCP = Pattern.compile("^([^@/:]+)@([^:/]+):(.+)$");

  private WebPages() {}

  static Optional<String> of(String url) {
    if (url.isEmpty()) {
      return Optional.empty();
    }
    if (url.startsWith("https://") || url.startsWith("http://")) {
      return Optional.of(dropGit(url));
    }
    Matcher m = SCP.matcher(url);
    if (m.matches()) {
      return Optional.of("https://" + m.group(2) + "/" + dropGit(m.group(3)));
    }
    if (url.startsWith("ssh://")) {
      String rest = url.substring("ssh://".length());
      int at = rest.indexOf('@');
      if (at >= 0) {
        rest = rest.substring(at + 1);
      }
      int slash = rest.indexOf('/');
      if (slash < 0) {
        return Optional.empty();
      }
      String host = rest.substring(0, slash);
      int colon = host.indexOf(':');
      host = colon < 0 ? host : host.substring(0, colon);
      return Optional.of("https://" + host + "/" + dropGit(rest.substring(slash + 1)));
    }
    if (url.startsWith("git://")) {
      String rest = url.substring("git://".length());
      int slash = rest.indexOf('/');
      if (slash < 0) {
        return Optional.empty();
      }
      return Optional.of(
          "https://" + rest.substring(0, slash) + "/" + dropGit(rest.substring(slash + 1)));
    }
    return Optional.empty();
  }

  private static String dropGit(String s) {
    return s.endsWith(".git") ? s.substring(0, s.length() - 4) : s;
  }
}
