/**
 * Stage 3, links: resolves, fixes and checks the links of the parsed site and returns a new {@code Site}.
 * May use {@code model}, {@code diag} and {@code parse}; jsoup allowed.
 */
package io.modelcards.links;
