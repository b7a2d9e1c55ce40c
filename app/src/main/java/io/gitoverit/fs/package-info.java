/**
 * The file-system layer below discovery: directory listings that carry each entry's type, so that a
 * walk needs no {@code lstat} per entry. {@link io.gitoverit.fs.TypedListings} picks the platform's
 * {@link io.gitoverit.fs.TypedListing} (Linux with JDK 22+, through the Foreign Function and Memory
 * API, in the jar's {@code META-INF/versions/22}); without one, callers use NIO. Every listing
 * answers exactly or not at all: where it cannot be sure it returns null and NIO lists that
 * directory, so both paths give the same result. Imports nothing of gitoverit.
 */
package io.gitoverit.fs;
