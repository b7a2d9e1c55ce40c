/**
 * The command lines of both programs ({@link io.gitoverit.cli.Program}): gitoverit's scan and
 * gitob's branch listing. Picocli options, their validation (usage errors exit 2 before any work),
 * and the wiring of discovery or the branch reader, analysis, selection and rendering into one run.
 * The two commands share the handlers, exit codes, {@code --version}, {@code --generate}, the
 * options both declare alike ({@link io.gitoverit.cli.SharedOptions}) and the usage errors both
 * raise ({@link io.gitoverit.cli.UsageErrors}); their picocli models are built in code ({@link
 * io.gitoverit.cli.CommandModels}), not read from annotations, which would cost every start. Writes
 * only through the writers picocli was given, so tests capture everything. The one place that names
 * the engines ({@code analysis.jgit}, {@code analysis.gitexe}) and {@code sync}.
 */
package io.gitoverit.cli;
