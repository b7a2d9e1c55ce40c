/**
 * Documents generated from a program's picocli command model, so that they cannot fall out of step
 * with its options: shell completion scripts for bash, zsh and fish, and the man page in roff. Each
 * program adds only what the model cannot say ({@link io.gitoverit.docs.ProgramDocs}: its other
 * names and the prose sections of its man page). Depends on picocli alone.
 */
package io.gitoverit.docs;
