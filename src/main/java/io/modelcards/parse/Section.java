package io.modelcards.parse;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.util.ast.Node;
import io.modelcards.source.SourceFile;
import java.util.List;

/**
 * One model section of a file: its level-1 heading (null when the file has none and is one model) and the
 * top-level Markdown nodes up to the next level-1 heading. {@code baseOffset} maps node offsets to the file.
 */
record Section(SourceFile file, String name, Heading heading, List<Node> nodes, int baseOffset, int line) {
    Section {
        nodes = List.copyOf(nodes);
    }
}
