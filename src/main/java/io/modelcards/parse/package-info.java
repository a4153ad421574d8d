/**
 * Stage 2, parse: Markdown (flexmark) and model-card HTML (jsoup) of each source file into {@code model} records.
 * May use {@code model}, {@code diag} and {@code source}; flexmark stays in this package.
 */
package io.modelcards.parse;
