package io.gitoverit.analysis.jgit;

import io.gitoverit.gitdir.QuietFiles;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Upstream's submodule count: the {@code .gitmodules} sections (all must have a path and a url)
 * whose path is a gitlink in HEAD's tree, or, when HEAD's tree has nothing there, a stage-0 index
 * entry. Zero without a HEAD commit or without a readable, regular {@code .gitmodules}.
 */
final class SubmoduleCount {
  private SubmoduleCount() {}

  /**
   * @param headTree the tree of the HEAD commit, null when HEAD is unborn or no commit
   */
  static int count(Repository repo, Path workTree, RevTree headTree) throws IOException {
    if (headTree == null) {
      return 0;
    }
    List<String> paths = paths(workTree.resolve(".gitmodules"));
    int count = 0;
    DirCache index = null;
    for (String path : paths) {
      FileMode mode = modeInTree(repo, headTree, path);
      if (mode != null) {
        count += mode == FileMode.GITLINK ? 1 : 0;
        continue;
      }
      if (index == null) {
        index = repo.readDirCache();
      }
      DirCacheEntry entry = index.getEntry(path);
      if (entry != null && entry.getStage() == DirCacheEntry.STAGE_0) {
        count++;
      }
    }
    return count;
  }

  /** Every section's path; empty when any section lacks a path or a url, or parsing fails. */
  static List<String> paths(Path gitmodules) throws IOException {
    // (Most repositories have none: java.io first, which answers an absent name quietly.)
    if (!QuietFiles.exists(gitmodules)
        || !Files.isRegularFile(gitmodules, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    Config config = new Config();
    try {
      config.fromText(
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(gitmodules)))
              .toString());
    } catch (ConfigInvalidException | CharacterCodingException e) {
      return List.of();
    }
    List<String> paths = new ArrayList<>();
    for (String section : config.getSections()) {
      List<String> names = new ArrayList<>(config.getSubsections(section));
      if (names.isEmpty() || !config.getNames(section, null).isEmpty()) {
        names.add(null); // a header without subsection is a section too
      }
      for (String name : names) {
        String path = config.getString(section, name, "path");
        String url = config.getString(section, name, "url");
        if (path == null || url == null) {
          return List.of();
        }
        paths.add(path);
      }
    }
    return paths;
  }

  private static FileMode modeInTree(Repository repo, RevTree tree, String path)
      throws IOException {
    try (TreeWalk walk = TreeWalk.forPath(repo, path, tree)) {
      return walk == null ? null : walk.getFileMode(0);
    } catch (IllegalArgumentException e) {
      return null; // not a valid tree path: nothing there
    }
  }
}
