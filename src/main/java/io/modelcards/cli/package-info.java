/** The command line: picocli commands, flags and exit codes. May use every stage. */
package io.modelcards.cli;
