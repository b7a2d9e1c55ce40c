/**
 * The configuration file, upstream's {@code ~/.config/gito/config.toml} (TOML, read with Jackson's
 * TOML module), and the environment variables that override it: the debug log, column priorities,
 * the {@code [[id_rewrite]]} rules for identities, and gitoverit's own {@code roots} and {@code
 * [defaults]} for options. {@link io.gitoverit.config.ConfigFile} reads it once per run into an
 * immutable {@link io.gitoverit.config.Config}; whatever is wrong in it becomes a warning, never a
 * failure. Nothing configured here can name a program to run.
 */
package io.gitoverit.config;
