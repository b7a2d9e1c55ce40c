/**
 * Progress: a notify-only listener that the scan coordinator calls as repositories are found and
 * finished. Implementations never steer the scan. Only the coordinator thread calls a listener,
 * so implementations need no locking.
 */
package io.gitoverit.progress;
