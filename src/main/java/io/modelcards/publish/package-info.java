/**
 * Stage 5, publish: writes {@code OutputFile}s into the output folder (atomically, skipping unchanged bytes) and
 * collects site-assets. May use {@code model}, {@code diag} and {@code render}.
 */
package io.modelcards.publish;
