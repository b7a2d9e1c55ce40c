package io.gitoverit.analysis.gitexe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Upstream's submodule count, with git: the {@code .gitmodules} sections whose path HEAD records as
 * a gitlink, or (when HEAD has nothing there) the index has at stage 0. {@code .gitmodules} is read
 * with upstream's simplified parser: any line it does not understand, or a section without {@code
 * path} or {@code url}, makes the count 0.
 */
final class Submodules {
  private static final Pattern SECTION =
      Pattern.compile(
          "^\\[\\s*([^\\]\"\\s]+)(?:\\s+\"((?:[^\"\\\\]|\\\\.)*)\")?\\s*\\]$",
          Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern OPTION =
      Pattern.compile(
          "^([A-Za-z][-A-Za-z0-9]*)\\s*(?:=\\s*(.*))?$", Pattern.UNICODE_CHARACTER_CLASS);

  /** The line breaks of Python's {@code str.splitlines}. */
  private static final Pattern LINE_BREAK =
      Pattern.compile("\r\n|[\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029]");

  private Submodules() {}

  /** The count for the repository whose work tree is {@code root}. */
  static int count(GitRunner git, Path root) throws IOException {
    Path file = root.resolve(".gitmodules");
    if (Files.isSymbolicLink(file) || !Files.isRegularFile(file)) {
      return 0;
    }
    Optional<List<Map<String, String>>> sections =
        parse(Files.readString(file, StandardCharsets.UTF_8));
    if (sections.isEmpty() || sections.get().isEmpty()) {
      return 0;
    }
    List<String> paths = new ArrayList<>();
    for (Map<String, String> s : sections.get()) {
      if (!s.containsKey("path") || !s.containsKey("url")) {
        return 0;
      }
      paths.add(s.get("path"));
    }
    // One call both checks that HEAD is a commit and lists it; only a failure needs a second.
    Optional<Map<String, String[]>> head =
        listed(git, root, "ls-tree", "-z", "--full-tree", "HEAD^{commit}", paths);
    if (head.isEmpty() && !git.run(root, "rev-parse", "--verify", "-q", "HEAD^{commit}").ok()) {
      return 0;
    }
    Map<String, String[]> inHead = head.orElse(Map.of());
    List<String> absent = paths.stream().filter(p -> !inHead.containsKey(p)).toList();
    Map<String, String[]> inIndex =
        absent.isEmpty()
            ? Map.of()
            : listed(git, root, "ls-files", "--sparse", "-sz", null, absent).orElse(Map.of());
    int total = 0;
    for (String p : paths) {
      if (inHead.containsKey(p)) {
        total += inHead.get(p)[0].equals("160000") ? 1 : 0; // anything but a gitlink does not count
      } else {
        String[] meta = inIndex.get(p);
        total += meta != null && meta.length > 2 && meta[2].equals("0") ? 1 : 0;
      }
    }
    return total;
  }

  /** {@code path -> metadata fields} of a {@code META TAB PATH} listing; empty when git failed. */
  private static Optional<Map<String, String[]>> listed(
      GitRunner git,
      Path root,
      String cmd,
      String opt1,
      String opt2,
      String rev,
      List<String> paths)
      throws IOException {
    List<String> args = new ArrayList<>(List.of("--literal-pathspecs", cmd, opt1, opt2));
    if (rev != null) {
      args.add(rev);
    }
    args.add("--");
    args.addAll(paths);
    GitRunner.Result r = git.run(root, args.toArray(String[]::new));
    if (!r.ok()) {
      return Optional.empty();
    }
    Map<String, String[]> out = new HashMap<>();
    for (byte[] entry : PorcelainStatus.splitNul(r.stdout())) {
      String e = new String(entry, StandardCharsets.UTF_8);
      int tab = e.indexOf('\t');
      String meta = tab < 0 ? e : e.substring(0, tab);
      String name = tab < 0 ? "" : e.substring(tab + 1);
      out.putIfAbsent(name, meta.trim().split("\\s+")); // the first entry wins (stage 1 before 2)
    }
    return Optional.of(out);
  }

  /** The sections of a {@code .gitmodules} text, keys lower-cased; empty when unparsable. */
  static Optional<List<Map<String, String>>> parse(String text) {
    List<Map<String, String>> sections = new ArrayList<>();
    for (String raw : LINE_BREAK.split(text)) {
      String line = pyStrip(raw);
      if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == ';') {
        continue;
      }
      Matcher option = OPTION.matcher(line);
      if (SECTION.matcher(line).matches()) {
        sections.add(new HashMap<>());
      } else if (option.matches() && !sections.isEmpty()) {
        String value = option.group(2) == null ? "" : pyStrip(option.group(2));
        sections
            .get(sections.size() - 1)
            .put(option.group(1).toLowerCase(java.util.Locale.ROOT), value);
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(sections);
  }

  /** Python's {@code str.strip()}: removes Unicode white space at both ends. */
  private static String pyStrip(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && isPySpace(s.charAt(a))) {
      a++;
    }
    while (b > a && isPySpace(s.charAt(b - 1))) {
      b--;
    }
    return s.substring(a, b);
  }

  private static boolean isPySpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }
}
