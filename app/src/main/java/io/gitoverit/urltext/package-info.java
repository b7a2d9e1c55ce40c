/**
 * How a remote URL is shown: upstream's short form ({@link io.gitoverit.urltext.UrlSimplifier}),
 * one line per URL, {@code -} for none. Presentation, kept out of the report (which holds the URLs
 * as configured) and shared by the two places that must print the same text: the renderers (the
 * table's url column, JSON's {@code remote_url}) and the {@code --where}/{@code --print} variable
 * {@code url} and sort key in {@code query}, which does not import {@code render}. Pure functions
 * over strings; imports nothing of this program.
 */
package io.gitoverit.urltext;
