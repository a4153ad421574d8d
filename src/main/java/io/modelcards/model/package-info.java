/** The normalized, typed model of a catalogue: records shared by every stage. Needs only the JDK and {@code diag}. */
package io.modelcards.model;
