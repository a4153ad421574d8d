/**
 * Stage 5, check: the rendered site → diagnostics. Every internal link (page, asset, #anchor) of every generated
 * page must resolve to a generated file and an existing id; a broken one is an error at the source line (or the
 * template) that produced it. Runs on every build, before anything is written; makes no network calls.
 * May use {@code model}, {@code diag} and {@code render}; jsoup allowed.
 */
package io.modelcards.check;
