/**
 * The file-system layer below discovery and both analysis engines: directory listings that carry
 * each entry's type, so that a walk needs no {@code lstat} per entry; the newest modification time
 * over many names without a {@code Path} per name ({@link io.gitoverit.fs.ModifiedTimes}); and a
 * folder's entries with their {@code lstat}, each stat'ed relative to the open folder ({@link
 * io.gitoverit.fs.EntryStats}, for the JGit engine's work-tree walk). {@link
 * io.gitoverit.fs.TypedListings} picks the platform's {@link io.gitoverit.fs.TypedListing} (Linux
 * with JDK 22+, through the Foreign Function and Memory API, in the jar's {@code
 * META-INF/versions/22}), which offers both; without one, callers use NIO. Every answer is exact or
 * none at all: where it cannot be sure it returns null and NIO does that part, so both paths give
 * the same result. Imports nothing of gitoverit.
 */
package io.gitoverit.fs;
