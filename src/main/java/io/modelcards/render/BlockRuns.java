package io.modelcards.render;

import io.modelcards.render.Views.BlockRun;
import io.modelcards.render.Views.BlockView;
import java.util.ArrayList;
import java.util.List;
import org.unbescape.html.HtmlEscape;

/**
 * The blocks of a model page as the bundled template prints them: the markup of the blocks between two tables in one
 * piece, each table through the table fragment (which a theme may override). A synthetic card has about thirty
 * blocks and three tables: the page evaluates a few expressions per table instead of about ten per block (the
 * block loop was two thirds of the template's time). The markup is what the loop over {@code blocks} in earlier
 * versions of {@code pages/model.html} printed, byte for byte; a theme may still lay out {@code blocks} itself.
 */
final class BlockRuns {
    private BlockRuns() {}

    static List<BlockRun> of(List<BlockView> blocks) {
        List<BlockRun> runs = new ArrayList<>();
        StringBuilder html = new StringBuilder();
        for (BlockView b : blocks) {
            if (b.kind().equals("table")) {
                runs.add(new BlockRun(html.toString(), b.id(), b.table()));
                html.setLength(0);
                html.append('\n'); // the line break after the table's figure
                continue;
            }
            append(html, b);
            html.append('\n');
        }
        if (html.length() > 0) runs.add(new BlockRun(html.toString(), "", null));
        return runs;
    }

    private static void append(StringBuilder out, BlockView b) {
        switch (b.kind()) {
            case "heading" -> {
                if (b.level() < 2) return; // the template has no case for a level-1 heading (the model's name is h1)
                String tag = "h" + Math.min(5, b.level());
                out.append('<').append(tag).append(" id=\"").append(HtmlEscape.escapeHtml4Xml(b.id())).append("\"><span>")
                        .append(HtmlEscape.escapeHtml4Xml(b.html())).append("</span></").append(tag).append('>');
            }
            case "prose" -> out.append("<div class=\"prose\">").append(b.html()).append("</div>");
            case "code" -> {
                out.append("<pre class=\"code\" tabindex=\"0\"");
                if (!b.language().isEmpty()) out.append(" data-lang=\"").append(HtmlEscape.escapeHtml4Xml(b.language())).append('"');
                out.append("><code");
                if (!b.language().isEmpty()) out.append(" class=\"").append(HtmlEscape.escapeHtml4Xml("language-" + b.language())).append('"');
                out.append('>').append(b.code()).append("</code></pre>");
            }
            case "raw" -> out.append(b.html());
            case "list" -> {
                String tag = b.ordered() ? "ol" : "ul";
                out.append('<').append(tag).append('>');
                for (String item : b.items()) out.append("<li>").append(item).append("</li>");
                out.append("</").append(tag).append('>');
            }
            default -> throw new IllegalArgumentException("a block of kind " + b.kind());
        }
    }
}
