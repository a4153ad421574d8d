package io.modelcards.parse;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.util.ast.Node;
import io.modelcards.source.SourceFile;
import java.util.List;

/**
 * One model section of a file: its level-1 heading (null when the file has none and is one model) and the
 * top-level Markdown nodes up to the next level-1 heading. {@code baseOffset} maps node offsets to the file.
 * {@code id} is the card's id: the file's for a card file, the name for a section of a collection.
 */
record Section(SourceFile file, String name, Heading heading, List<Node> nodes, int baseOffset, int line, String id) {
    Section {
        nodes = List.copyOf(nodes);
        id = id == null || id.isBlank() ? name : id;
    }

    Section(SourceFile file, String name, Heading heading, List<Node> nodes, int baseOffset, int line) {
        this(file, name, heading, nodes, baseOffset, line, name);
    }

    /** A card file in the Hub's layout ({@code org/name/README.md}): its page is named after its id. */
    boolean isHubCard() {
        String path = file.path();
        String fileName = path.substring(path.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
        return fileName.startsWith("readme.") && id.equals(file.cardId());
    }
}
