package io.gitoverit.render.table;

import io.gitoverit.config.IdRewrites;
import io.gitoverit.render.DisplayPaths;
import io.gitoverit.report.RepoReport;
import io.gitoverit.report.Signals;
import io.gitoverit.report.StatusSummary;
import io.gitoverit.report.StatusSummary.Narrowing;
import io.gitoverit.report.Worktree;
import io.gitoverit.term.Visible;
import io.gitoverit.urltext.UrlSimplifier;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/** Builds each column's cell, with upstream's narrowing ladders. */
final class Cells {
  private static final List<DateTimeFormatter> MTIME_FORMATS =
      List.of(
          DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"),
          DateTimeFormatter.ofPattern("yyyy-MM-dd"),
          DateTimeFormatter.ofPattern("MM-dd"),
          DateTimeFormatter.ofPattern("MMdd"));

  private Cells() {}

  static Cell header(Column column) {
    return switch (column) {
      case DIR -> Cell.of("Dir");
      case STATUS -> Cell.of("Status");
      case BRANCH -> plainVariants("Branch", "Br");
      case REMOTE -> plainVariants("Remote", "Rm");
      case URL -> Cell.of("URL");
      case MTIME -> plainVariants("Modified", "Mtime");
      case IDENT -> Cell.of("Ident");
      case BRANCH_REMOTE ->
          new Cell(List.of(line(joined("Branch", "Remote")), line(joined("Br", "Rm"))));
      case STASHES -> plainVariants("Stashes", "St");
      case UPSTREAM_GONE -> Cell.of("Gone");
      case OPERATION -> plainVariants("Operation", "Op");
      case CONFLICTS -> plainVariants("Conflicts", "Cf");
      case UNBORN -> Cell.of("Unborn");
      case COMMIT_DATE -> plainVariants("Committed", "Cdate");
      case COMMIT_SUBJECT -> Cell.of("Subject");
      case BRANCHES_UNPUSHED -> plainVariants("Unpushed br.", "Unp");
      case BRANCHES_NO_UPSTREAM -> plainVariants("No-upstream br.", "NoUp");
      case BRANCHES_GONE -> plainVariants("Gone br.", "GoneB");
    };
  }

  /**
   * Column {@code column} of report {@code r}. Every text that comes from the repository (its path,
   * branch, remote, URL, identity) is escaped here, before widths are measured, so that the widths
   * are those of what the terminal shows.
   */
  static Cell of(Column column, RepoReport r, String displayPath, TableOptions options) {
    return switch (column) {
      case DIR ->
          Cell.path(
              Visible.of(displayPath),
              r.sync().anyFailed() ? DisplayPaths.FAILED_PREFIX.length() : 0);
      case STATUS -> status(r);
      case BRANCH -> branch(r);
      case REMOTE -> remote(Visible.of(r.remote()));
      case URL -> url(UrlSimplifier.column(r.remoteUrls()));
      case MTIME -> mtime(r, options.zone());
      case IDENT -> ident(r, options.identRewrites());
      case BRANCH_REMOTE -> branchRemote(Visible.of(branchText(r)), Visible.of(r.remote()));
      case STASHES -> Cell.of(String.valueOf(r.signals().stashes()));
      case UPSTREAM_GONE -> yesNo(r.signals().upstreamGone());
      case OPERATION -> Cell.of(r.signals().operation().map(Signals.Operation::name).orElse("-"));
      case CONFLICTS -> Cell.of(String.valueOf(r.signals().conflicts()));
      case UNBORN -> yesNo(r.signals().unborn());
      case COMMIT_DATE ->
          dates(
              r.signals().commitTime().isPresent()
                  ? Optional.of(Instant.ofEpochSecond(r.signals().commitTime().getAsLong()))
                  : Optional.empty(),
              options.zone());
      case COMMIT_SUBJECT -> Cell.of(Visible.of(r.signals().commitSubject().orElse("-")));
      case BRANCHES_UNPUSHED -> Cell.of(String.valueOf(r.signals().branchesUnpushed()));
      case BRANCHES_NO_UPSTREAM -> Cell.of(String.valueOf(r.signals().branchesNoUpstream()));
      case BRANCHES_GONE -> Cell.of(String.valueOf(r.signals().branchesGone()));
    };
  }

  private static Cell yesNo(boolean b) {
    return Cell.of(b ? "yes" : "no");
  }

  /**
   * The branch, or during a rebase, am or bisect the branch being worked on and the step, as git's
   * prompt shows them: {@code topic|REBASE 2/5}.
   */
  static Cell branch(RepoReport r) {
    String text = Visible.of(branchText(r));
    if (!text.equals(Visible.of(r.branch()))) {
      int bar = text.lastIndexOf('|');
      return new Cell(
          List.of(
              Cell.Variant.of(
                  List.of(
                      new AttributedStringBuilder()
                          .append(text.substring(0, bar))
                          .styled(Styles.of(StatusSummary.Kind.PROMPT), text.substring(bar))
                          .toAttributedString()),
                  EnumSet.of(StatusSummary.Kind.PROMPT))));
    }
    return Cell.of(text);
  }

  /** The branch column's text, unescaped (see {@link #branch}). */
  static String branchText(RepoReport r) {
    Optional<Signals.Operation> op =
        r.signals().operation().filter(o -> List.of("rebase", "am", "bisect").contains(o.name()));
    if (op.isEmpty()) {
      return r.branch();
    }
    Signals.Operation o = op.get();
    return o.branch().orElse(r.branch())
        + "|"
        + o.promptWord()
        + o.step().map(s -> " " + s).orElse("");
  }

  /**
   * The ident as the first matching {@code [[id_rewrite]]} rule shows it, in the rule's colour;
   * escaped either way, since a rule's replacement can carry parts of the ident.
   */
  static Cell ident(RepoReport r, IdRewrites rewrites) {
    if (r.ident().isEmpty()) {
      return Cell.of("-");
    }
    String ident = r.ident().get();
    return rewrites
        .apply(ident)
        .map(rw -> Cell.of(Visible.of(rw.value()), rw.fg().map(Styles::fg).orElse(Styles.PLAIN)))
        .orElseGet(() -> Cell.of(Visible.of(ident)));
  }

  /**
   * Full; without line totals; without line totals and extras. Only strictly shorter steps. A
   * report with warnings ends in {@code ~} in every step ({@code clean ~} when nothing else
   * applies).
   */
  static Cell status(RepoReport r) {
    List<StatusSummary.Segment> segments = new ArrayList<>(StatusSummary.tableSegments(r));
    if (segments.isEmpty() && !r.uncertain()) {
      return Cell.of("clean", Styles.CLEAN);
    }
    if (r.uncertain()) {
      if (segments.isEmpty()) {
        return new Cell(
            List.of(
                Cell.Variant.of(
                    List.of(
                        new AttributedStringBuilder()
                            .styled(Styles.CLEAN, "clean")
                            .append(' ')
                            .styled(
                                Styles.of(StatusSummary.Kind.UNCERTAIN),
                                StatusSummary.UNCERTAIN_MARK)
                            .toAttributedString()),
                    EnumSet.of(StatusSummary.Kind.UNCERTAIN))));
      }
      segments.add(
          new StatusSummary.Segment(
              StatusSummary.UNCERTAIN_MARK, StatusSummary.Kind.UNCERTAIN, Narrowing.CORE));
    }
    List<Cell.Variant> variants = new ArrayList<>();
    variants.add(statusVariant(segments, EnumSet.noneOf(Narrowing.class)));
    for (Set<Narrowing> drop :
        List.of(EnumSet.of(Narrowing.LINES), EnumSet.of(Narrowing.LINES, Narrowing.EXTRAS))) {
      Cell.Variant v = statusVariant(segments, drop);
      // Upstream would fall back to "clean" when nothing is left; that would be a lie.
      if (!v.kinds().isEmpty() && v.width() < variants.get(variants.size() - 1).width()) {
        variants.add(v);
      }
    }
    return new Cell(variants);
  }

  private static Cell.Variant statusVariant(
      List<StatusSummary.Segment> segments, Set<Narrowing> drop) {
    AttributedStringBuilder sb = new AttributedStringBuilder();
    Set<StatusSummary.Kind> kinds = EnumSet.noneOf(StatusSummary.Kind.class);
    for (StatusSummary.Segment s : segments) {
      if (drop.contains(s.narrowing())) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.styled(Styles.of(s.kind()), s.text());
      kinds.add(s.kind());
    }
    return Cell.Variant.of(List.of(sb.toAttributedString()), kinds);
  }

  /** {@code origin/main} with the remote's name and the slash dimmed; one rendering only. */
  static Cell remote(String remote) {
    int slash = remote.indexOf('/');
    if (slash < 0) {
      return Cell.of(remote);
    }
    return Cell.of(
        new AttributedStringBuilder()
            .styled(Styles.REMOTE_NAME, remote.substring(0, slash))
            .styled(Styles.SEPARATOR, "/")
            .append(remote.substring(slash + 1))
            .toAttributedString());
  }

  /**
   * {@code owner/repo} then {@code owner/…}, for each line (fetch URL, push URL). {@code url} is
   * the report's raw text: each line is escaped here, after the split.
   */
  static Cell url(String url) {
    List<AttributedString> full = new ArrayList<>();
    List<AttributedString> shortened = new ArrayList<>();
    for (String raw : url.split("\n", -1)) {
      String line = Visible.of(raw);
      full.add(new AttributedString(line));
      int slash = line.indexOf('/');
      String owner = slash < 0 ? line : line.substring(0, slash) + "/" + Cell.ELLIPSIS;
      shortened.add(new AttributedString(owner.length() < line.length() ? owner : line));
    }
    Cell.Variant wide = Cell.Variant.of(full, Set.of());
    Cell.Variant narrow = Cell.Variant.of(shortened, Set.of());
    return new Cell(narrow.width() < wide.width() ? List.of(wide, narrow) : List.of(wide));
  }

  /** Local date and time, then date, month-day, {@code MMdd}; {@code -} when unknown. */
  static Cell mtime(RepoReport r, ZoneId zone) {
    return dates(
        r.worktree() instanceof Worktree.Checked c ? c.latestMtime() : Optional.empty(), zone);
  }

  /** As {@link #mtime}, for any time. */
  private static Cell dates(Optional<Instant> when, ZoneId zone) {
    if (when.isEmpty()) {
      return Cell.of("-");
    }
    var local = when.get().atZone(zone);
    return new Cell(
        MTIME_FORMATS.stream().map(f -> line(new AttributedString(local.format(f)))).toList());
  }

  /** {@code main:origin/main}, then {@code main:origin}, then {@code main:…}. */
  static Cell branchRemote(String branch, String remote) {
    List<Cell.Variant> candidates = new ArrayList<>();
    candidates.add(line(joined(branch, remote)));
    int slash = remote.indexOf('/');
    if (slash >= 0) {
      candidates.add(line(joined(branch, remote.substring(0, slash))));
    }
    candidates.add(line(joined(branch, Cell.ELLIPSIS)));
    List<Cell.Variant> kept = new ArrayList<>();
    for (Cell.Variant v : candidates) {
      if (kept.isEmpty() || v.width() < kept.get(kept.size() - 1).width()) {
        kept.add(v);
      }
    }
    return new Cell(kept);
  }

  private static AttributedString joined(String left, String right) {
    return new AttributedStringBuilder()
        .append(left)
        .styled(Styles.SEPARATOR, ":")
        .append(right)
        .toAttributedString();
  }

  private static Cell plainVariants(String... texts) {
    List<Cell.Variant> variants = new ArrayList<>();
    for (String t : texts) {
      variants.add(line(new AttributedString(t)));
    }
    return new Cell(variants);
  }

  private static Cell.Variant line(AttributedString text) {
    return Cell.Variant.of(List.of(text), Set.of());
  }
}
