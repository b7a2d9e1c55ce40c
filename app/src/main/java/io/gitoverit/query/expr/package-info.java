/**
 * The {@code --where}/{@code --print} expression language: upstream's Python-like syntax (as its
 * simpleeval setup accepts it) over one repository's variables, or over one branch's for gitob (a
 * {@link io.gitoverit.query.expr.Vocabulary} says which set the checker accepts). {@link
 * io.gitoverit.query.expr.Expression} is the entry point: a lexer and a recursive-descent parser
 * build a sealed tree of records, a checker refuses unknown names, calls and impossible types
 * before the scan, and an evaluator gives Python's values. Nothing here uses reflection or names a
 * Java type, so an expression reaches only its variables, six functions and the string methods
 * implemented here.
 */
package io.gitoverit.query.expr;
