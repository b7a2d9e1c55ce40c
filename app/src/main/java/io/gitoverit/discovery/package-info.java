/**
 * Discovery: walks the directories the user named and yields each repository root as soon as it
 * is found, with upstream's rules (a {@code .git} directory or a {@code gitdir:} file makes a
 * repository, submodules are skipped, symlinked directories are not followed, ignored
 * directories are pruned, each repository once). Pure NIO so that the rules are tested on jimfs;
 * the one JGit-backed piece is the ignore check behind {@link io.gitoverit.discovery.IgnoreOracle}.
 */
package io.gitoverit.discovery;
