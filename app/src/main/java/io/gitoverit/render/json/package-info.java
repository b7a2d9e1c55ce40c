/**
 * {@code --format json}: the report array byte for byte as upstream prints it with Python's {@code
 * json.dumps(payload, indent=2, sort_keys=True)}, followed by one object per repository that could
 * not be read. Written with jackson-core's generator, set up to match Python (see {@link
 * io.gitoverit.render.json.PythonJson}): its layout, its escaping and its float text. gitob's
 * {@code --json} goes through the same writer ({@link
 * io.gitoverit.render.json.BranchJsonRenderer}).
 */
package io.gitoverit.render.json;
