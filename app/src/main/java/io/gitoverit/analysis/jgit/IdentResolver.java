package io.gitoverit.analysis.jgit;

import io.gitoverit.analysis.gitexe.CommitterIdent;
import io.gitoverit.analysis.gitexe.GitRunner;
import io.gitoverit.gitdir.GitDirs;
import io.gitoverit.gitdir.QuietFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;

/**
 * The committer identity exactly as {@code git var GIT_COMMITTER_IDENT} prints it, without the
 * date. JGit's own ident ignores includeIf, committer.*, EMAIL and git's failure when nothing is
 * configured, so git is asked: once per scan outside any repository, a value every repository
 * shares unless its own config could change the answer (then git runs in that repository). The
 * shared value is {@link CommitterIdent}'s, which the git engine shares too.
 */
final class IdentResolver {

  /** Config sections in a repository's own files that can change its ident. */
  private static final Set<String> IDENT_SECTIONS =
      Set.of("user", "committer", "author", "include", "includeif");

  private final CommitterIdent idents;
  private final GitRunner git;
  private final boolean globalHasIncludeIf;

  /**
   * @param globalHasIncludeIf whether the global or system config holds an includeIf (whose effect
   *     depends on the repository)
   */
  IdentResolver(GitRunner git, boolean globalHasIncludeIf) {
    this(new CommitterIdent(git), git, globalHasIncludeIf);
  }

  private IdentResolver(CommitterIdent idents, GitRunner git, boolean globalHasIncludeIf) {
    this.idents = idents;
    this.git = git;
    this.globalHasIncludeIf = globalHasIncludeIf;
  }

  /**
   * The resolver for the user's configuration as {@code runtime} read it, sharing {@code idents}'
   * value and asking {@code git} in a repository.
   */
  static IdentResolver forConfigOf(JGitRuntime runtime, CommitterIdent idents, GitRunner git) {
    return new IdentResolver(idents, git, hasIncludeIf(runtime.userConfig()));
  }

  /** Whether {@code config} or one of its base configs has an includeIf section. */
  static boolean hasIncludeIf(Config config) {
    return config.getSections().stream()
        .anyMatch(s -> s.toLowerCase(Locale.ROOT).equals("includeif"));
  }

  /** The ident for a repository; empty when git cannot tell one. */
  Optional<String> identFor(GitDirs dirs) throws IOException {
    return identFor(dirs, Optional.empty());
  }

  /** As above, with the repository's own config file already parsed (no base), when it was. */
  Optional<String> identFor(GitDirs dirs, Optional<Config> ownConfig) throws IOException {
    if (globalHasIncludeIf || ownConfigMayChangeIdent(dirs, ownConfig)) {
      return CommitterIdent.in(git, dirs.root());
    }
    return idents.shared(dirs.root());
  }

  /** Whether the repository's config or config.worktree sets anything ident-related. */
  static boolean ownConfigMayChangeIdent(GitDirs dirs) {
    return ownConfigMayChangeIdent(dirs, Optional.empty());
  }

  /** As above; {@code ownConfig}, when given, is the config file already parsed. */
  static boolean ownConfigMayChangeIdent(GitDirs dirs, Optional<Config> ownConfig) {
    if (ownConfig.isPresent() && setsIdent(ownConfig.get())) {
      return true;
    }
    Path[] files =
        ownConfig.isPresent()
            ? new Path[] {dirs.worktreeConfigFile()}
            : new Path[] {dirs.configFile(), dirs.worktreeConfigFile()};
    for (Path file : files) {
      try {
        if (QuietFiles.exists(file) && setsIdent(Preflight.parseConfig(file, null))) {
          return true;
        }
      } catch (IOException | ConfigInvalidException e) {
        return true; // let git judge a config JGit cannot read
      }
    }
    return false;
  }

  private static boolean setsIdent(Config own) {
    for (String section : own.getSections()) {
      if (IDENT_SECTIONS.contains(section.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}
