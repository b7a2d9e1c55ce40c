/**
 * Reading a git directory as git reads it, for discovery and analysis alike: where a work tree's
 * git dirs are ({@link io.gitoverit.gitdir.GitDirs}, with git's one {@code commondir} rule), which
 * system and global config files git reads ({@link io.gitoverit.gitdir.GitConfigFiles}), the files
 * that config includes name ({@link io.gitoverit.gitdir.IncludedConfigs}), and reading files that
 * may be FIFOs or devices ({@link io.gitoverit.gitdir.SpecialFiles}) or are usually absent ({@link
 * io.gitoverit.gitdir.QuietFiles}) without hanging or paying for an exception. Pure NIO: nothing
 * here imports JGit or another package of this program.
 */
package io.gitoverit.gitdir;
