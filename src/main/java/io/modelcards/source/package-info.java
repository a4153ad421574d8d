/**
 * Stage 1, source: reads content/ (Markdown files, front matter, site.yaml) into {@link io.modelcards.source.SourceFile}s,
 * and the benchmark vocabulary (bundled io/modelcards/benchmarks.yaml plus content/benchmarks.yaml).
 * May use {@code model}, {@code diag} and Jackson.
 */
package io.modelcards.source;
