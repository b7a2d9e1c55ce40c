package io.gitoverit.analysis;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The current branch's remote as upstream reports it, from config values: its name with the merged
 * branch, and the remote's URLs as configured. Shared by both engines so that they cannot disagree.
 */
public final class UpstreamRemote {

  /**
   * @param remote {@code origin/main}, or {@code -} when the branch has no upstream
   * @param urls the remote's URL, then its push URL when that differs; empty when the remote has no
   *     URL or the branch no upstream
   */
  public record Result(String remote, List<String> urls) {}

  private UpstreamRemote() {}

  /**
   * @param upstream the upstream as git status names it ({@code origin/main}), empty when the
   *     branch has none configured
   * @param branchShortName the current branch without {@code refs/heads/}; empty when detached
   * @param config raw config value by key ({@code branch.main.remote}), empty when unset; the last
   *     value wins
   */
  public static Result of(
      Optional<String> upstream,
      Optional<String> branchShortName,
      Function<String, Optional<String>> config) {
    return ofLazy(upstream.map(name -> () -> name), branchShortName, config);
  }

  /**
   * As {@link #of}, with the upstream's name asked for only when the columns show it (a branch
   * whose remote and merge are both configured shows them instead): naming it costs the JGit engine
   * a few ref lookups.
   */
  public static Result ofLazy(
      Optional<Supplier<String>> upstream,
      Optional<String> branchShortName,
      Function<String, Optional<String>> config) {
    if (upstream.isEmpty() || branchShortName.isEmpty()) {
      return new Result(upstream.map(Supplier::get).orElse("-"), List.of());
    }
    String name = branchShortName.get();
    Optional<String> remote = config.apply("branch." + name + ".remote").map(ConfigValues::typed);
    Optional<String> merge = config.apply("branch." + name + ".merge").map(ConfigValues::typed);
    if (remote.isEmpty() || merge.isEmpty()) {
      return new Result(upstream.get().get(), List.of());
    }
    String mergeRef =
        merge.get().startsWith("refs/heads/") ? merge.get() : "refs/heads/" + merge.get();
    String[] mergeParts = mergeRef.split("/", 3);
    String shortMerge = mergeParts.length > 2 ? mergeParts[2] : "";
    // The remote name is the third component of refs/remotes/REMOTE/<short>: a remote whose
    // name holds a slash is looked up by its first part, as upstream does.
    String[] tracking = ("refs/remotes/" + remote.get() + "/" + shortMerge).split("/", 4);
    String remoteName = tracking[2];
    String head = tracking.length > 3 ? tracking[3] : "";
    String shown = remoteName + "/" + head;
    Optional<String> url = config.apply("remote." + remoteName + ".url").map(ConfigValues::typed);
    if (url.isEmpty()) {
      return new Result(shown, List.of());
    }
    Optional<String> pushUrl =
        config.apply("remote." + remoteName + ".pushurl").map(ConfigValues::typed);
    if (pushUrl.isPresent() && !pushUrl.get().equals(url.get())) {
      return new Result(shown, List.of(url.get(), pushUrl.get()));
    }
    return new Result(shown, List.of(url.get()));
  }
}
