/**
 * Sync: the fleet actions, the only code that changes repositories, and only when the user asks
 * ({@code --fetch}, {@code --pull}, {@code --push}, gitob's fetch). {@link
 * io.gitoverit.sync.SafeSync} wraps an analyzer: it fetches, fast-forwards only when the analysis
 * says that is safe ({@link io.gitoverit.sync.SyncPlan}), pushes to the exact upstream branch, and
 * analyses again. The network commands run with the user's git, never interactively and within a
 * time limit; {@link io.gitoverit.sync.RemoteFetch} is gitob's fetch of one repository. Everything
 * goes through the {@code git} executable ({@link io.gitoverit.analysis.gitexe.GitRunner}): nothing
 * here imports JGit, and the analysis packages never import this one.
 */
package io.gitoverit.sync;
