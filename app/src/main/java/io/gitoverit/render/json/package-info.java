/**
 * {@code --format json}: the report array byte for byte as upstream prints it with Python's
 * {@code json.dumps(payload, indent=2, sort_keys=True)}, followed by one object per repository
 * that could not be read. The writer is hand-written (see {@link io.gitoverit.render.json.JsonText})
 * because Python's escaping and float text differ from Jackson's defaults in small ways.
 */
package io.gitoverit.render.json;
