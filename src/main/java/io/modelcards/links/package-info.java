/**
 * Stage 3, links: resolves, fixes and checks the links of the parsed site and returns a new {@code Site}:
 * link-matrix fix-ups, curated force/forbid overrides, same-document heading links, cross-links between models,
 * external-link marks. {@link io.modelcards.links.ExternalLinkChecker} checks external links over HTTP for
 * {@code check --external} only; the build makes no network calls.
 * May use {@code model}, {@code diag} and {@code parse}; jsoup allowed.
 */
package io.modelcards.links;
