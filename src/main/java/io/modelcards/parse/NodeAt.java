package io.modelcards.parse;

import com.vladsch.flexmark.util.ast.Node;

/** A flexmark node and the offset in the file of the text it was parsed from. */
record NodeAt(Node node, int base) {}
