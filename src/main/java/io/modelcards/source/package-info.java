/**
 * Stage 1, source: reads content/ (Markdown files, front matter, site.yaml) into {@link io.modelcards.source.SourceFile}s.
 * May use {@code model}, {@code diag} and Jackson.
 */
package io.modelcards.source;
