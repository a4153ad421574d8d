/** Diagnostics: source positions and the problems found at them. Needs only the JDK. */
package io.modelcards.diag;
