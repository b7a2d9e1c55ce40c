package io.gitoverit.urltext;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Upstream's short form of a remote URL: {@code git@github.com:o/r.git} becomes {@code ssh+o/r},
 * {@code https://gitlab.com/o/r} becomes {@code gl:o/r}. Unlike upstream it never shows
 * credentials: when nothing is left to show, the URL is printed without its user-info part.
 */
public final class UrlSimplifier {

  /**
   * The url column and {@code remote_url} value for a report's remote URLs: {@code -} when there is
   * none, else each simplified, one per line (the fetch URL, then the push URL when it differs).
   */
  public static String column(List<String> urls) {
    if (urls.isEmpty()) {
      return "-";
    }
    StringBuilder b = new StringBuilder(simplify(urls.get(0)));
    for (int i = 1; i < urls.size(); i++) {
      b.append('\n').append(simplify(urls.get(i)));
    }
    return b.toString();
  }

  private static final Map<String, String> KNOWN_HOSTS =
      Map.ofEntries(
          Map.entry("github.com", ""),
          Map.entry("gitlab.com", "gl:"),
          Map.entry("bitbucket.org", "bb:"),
          Map.entry("codeberg.org", "cb:"),
          Map.entry("gitea.com", "gitea:"),
          Map.entry("git.mozilla.org", "moz:"),
          Map.entry("git.sr.ht", "sr.ht:"),
          Map.entry("pagure.io", "pg:"),
          Map.entry("git.kernel.org", "kernel:"),
          Map.entry("git.apache.org", "apache:"),
          Map.entry("git.savannah.gnu.org", "gnu:"));

  /** {@code user@host:path}; tried first, so {@code https://u@h:8443/o/r} counts as scp-like. */
  private static final Pattern SCP_LIKE = Pattern.compile("^[^@]+@([^:]+):(.*)$", Pattern.DOTALL);

  /** scheme://[userinfo@]host[:port][/path][?query][#fragment], as urllib.parse splits it. */
  private static final Pattern URL =
      Pattern.compile(
          "^([A-Za-z][A-Za-z0-9+.-]*):(?://([^/?#]*))?([^?#]*)(?:\\?[^#]*)?(?:#.*)?$",
          Pattern.DOTALL);

  private UrlSimplifier() {}

  /** The short form of {@code url}. */
  public static String simplify(String url) {
    String host;
    String path;
    boolean ssh;
    Matcher scp = SCP_LIKE.matcher(url);
    if (scp.matches()) {
      host = scp.group(1);
      path = scp.group(2);
      ssh = true;
    } else {
      Matcher m = URL.matcher(url);
      if (m.matches()) {
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        host = hostOf(m.group(2));
        path = m.group(3);
        ssh = scheme.equals("ssh") || scheme.equals("git+ssh");
      } else {
        // No scheme: urllib takes the whole text as a path.
        host = "";
        int cut = indexOfAny(url, "?#");
        path = cut < 0 ? url : url.substring(0, cut);
        ssh = false;
      }
    }
    path = strip(path, '/');
    if (path.endsWith(".git")) {
      path = path.substring(0, path.length() - 4);
    }
    String display;
    if (host.isEmpty()) {
      display = path;
    } else if (KNOWN_HOSTS.containsKey(host)) {
      display = KNOWN_HOSTS.get(host) + path;
    } else {
      display = path.isEmpty() ? host : host + "/" + path;
    }
    if (display.isEmpty()) {
      return withoutCredentials(url);
    }
    return ssh ? "ssh+" + display : display;
  }

  /** urllib's hostname: no user-info, no port, lower case; brackets of IPv6 removed. */
  private static String hostOf(String netloc) {
    if (netloc == null) {
      return "";
    }
    String h = netloc.substring(netloc.lastIndexOf('@') + 1);
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      h = end < 0 ? h.substring(1) : h.substring(1, end);
    } else {
      int colon = h.indexOf(':');
      if (colon >= 0) {
        h = h.substring(0, colon);
      }
    }
    return h.toLowerCase(Locale.ROOT);
  }

  private static String strip(String s, char c) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == c) {
      start++;
    }
    while (end > start && s.charAt(end - 1) == c) {
      end--;
    }
    return s.substring(start, end);
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  /** {@code https://user:secret@host/} becomes {@code https://host/}. */
  static String withoutCredentials(String url) {
    try {
      URI uri = new URI(url);
      if (uri.getRawUserInfo() != null) {
        return new URI(
                uri.getScheme(),
                null,
                uri.getHost(),
                uri.getPort(),
                uri.getPath(),
                uri.getQuery(),
                uri.getFragment())
            .toString();
      }
    } catch (URISyntaxException e) {
      // fall through: a text that is no URI may still carry "user:secret@"
    }
    return url.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@]*@", "$1");
  }
}
