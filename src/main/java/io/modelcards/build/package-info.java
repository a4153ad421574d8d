/** Runs the stages in order (source → parse → links → render → check → publish) and nothing more. May use every stage. */
package io.modelcards.build;
