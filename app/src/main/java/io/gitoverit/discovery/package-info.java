/**
 * Discovery: walks the directories the user named and yields each repository root as soon as it is
 * found, so that analysis overlaps the walk. {@link io.gitoverit.discovery.RepositoryWalker} keeps
 * upstream's rules: a {@code .git} directory or {@code gitdir:} file makes a repository (linked
 * worktrees and separate git dirs included), a submodule's gitdir file does not (and, unlike
 * upstream, a mere folder named {@code modules} on the path does not make one), symbolic links to
 * directories are not followed, {@code .git} directories are never entered, and each repository is
 * yielded once by real path. Without {@code --include-ignored}, a directory that the deepest
 * yielded repository around it ignores is never entered: the walker asks the {@link
 * io.gitoverit.discovery.IgnoreOracle} lazily, per directory, instead of listing every ignored
 * directory up front (and, where a repository turns up, whether upstream's listing of ignored
 * folders would have hidden it). Ignore files are read and matched as git does ({@link
 * io.gitoverit.discovery.IgnorePatterns}, {@link io.gitoverit.discovery.IgnoreFiles}), and {@link
 * io.gitoverit.discovery.NestedRepository} is git's test for a repository in a work tree; the
 * analysis' JGit walk uses these too. Deferring (production, without {@code --include-ignored}),
 * the walker leaves each yielded work tree to its analysis and continues from the nested-repository
 * candidates that the analysis reports, or walks the work tree itself when there are none to
 * report. Unreadable directories become {@link io.gitoverit.discovery.WalkProblem}s. The walker is
 * NIO, tested on jimfs, and lists with {@code io.gitoverit.fs}'s typed listing where the platform
 * has one (no {@code lstat} per entry; directories the walk has queued are read ahead on a second
 * thread); {@link io.gitoverit.discovery.JGitIgnoreOracle}, the only class here that uses JGit,
 * answers as {@code git check-ignore -q} does. Git dirs, config files and files that may be FIFOs
 * are read through {@code gitdir}; discovery imports no analysis package.
 */
package io.gitoverit.discovery;
