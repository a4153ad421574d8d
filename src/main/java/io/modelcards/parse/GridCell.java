package io.modelcards.parse;

import io.modelcards.model.Cell;

/** A grid position of a table being read: the source cell it shows and how it sits in its span. */
record GridCell(RawCell raw, Cell.Span span) {}
