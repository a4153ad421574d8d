/**
 * The Maven plugin: goals {@code build} (bound to {@code site}), {@code check} (bound to {@code verify}) and
 * {@code serve}, configured like the command line, reporting each diagnostic on the Maven log with its file:line.
 */
package io.modelcards.maven;
