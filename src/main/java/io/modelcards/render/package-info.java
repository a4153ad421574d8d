/**
 * Stage 4, render: the linked {@code Site} → {@link io.modelcards.render.OutputFile}s (Thymeleaf pages, models.json,
 * search index, sitemap). May use {@code model}, {@code diag} and {@code links}; Thymeleaf stays in this package.
 */
package io.modelcards.render;
