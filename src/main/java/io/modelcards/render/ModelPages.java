package io.modelcards.render;

import io.modelcards.model.Block;
import io.modelcards.model.Model;
import io.modelcards.model.SiteConfig;
import io.modelcards.model.Table;
import io.modelcards.model.Variant;
import io.modelcards.render.Views.BlockView;
import io.modelcards.render.Views.FactView;
import io.modelcards.render.Views.ModelPageView;
import io.modelcards.render.Views.TocEntry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Entities;

/** Builds the view of a model page from the model: blocks in source order, contents, key facts, provenance. */
final class ModelPages {
    private ModelPages() {}

    static ModelPageView of(Model m, SiteConfig config) {
        List<BlockView> blocks = new ArrayList<>();
        List<TocEntry> toc = new ArrayList<>();
        for (Block b : m.blocks()) {
            if (b instanceof Block.Heading h) {
                blocks.add(new BlockView("heading", h.level(), h.id(), h.text(), "", "", false, List.of(), null));
                toc.add(new TocEntry(h.text(), h.id(), h.level()));
            } else if (b instanceof Block.Prose p) {
                blocks.add(new BlockView("prose", 0, "", p.html(), "", "", false, List.of(), null));
            } else if (b instanceof Block.TableBlock t) {
                Table table = t.table();
                String caption = table.caption().isEmpty() ? m.name() + ", table " + table.id().replaceAll("\\D+", "")
                        : table.caption();
                blocks.add(new BlockView("table", 0, "fig-" + table.id(), "", "", "", false, List.of(),
                        TableViews.of(table, caption)));
            } else if (b instanceof Block.Code c) {
                blocks.add(new BlockView("code", 0, "", "", c.language(), Entities.escape(c.code()), false, List.of(), null));
            } else if (b instanceof Block.ListBlock l) {
                blocks.add(new BlockView("list", 0, "", "", "", "", l.ordered(), l.items(), null));
            }
        }
        String edit = editUrl(config.repoUrl(), m.origin().path(), m.origin().line());
        return new ModelPageView(m.name(), m.summary(), m.origin().toString(), edit,
                "model-index.json", facts(m), toc, blocks);
    }

    static String editUrl(String repoUrl, String path, int line) {
        if (repoUrl == null || repoUrl.isBlank()) return "";
        String base = repoUrl.endsWith("/") ? repoUrl : repoUrl + "/";
        return base + path + (line > 0 ? "#L" + line : "");
    }

    static List<FactView> facts(Model m) {
        List<FactView> facts = new ArrayList<>();
        if (!m.variants().isEmpty()) {
            Set<String> names = new LinkedHashSet<>();
            for (Variant v : m.variants()) names.add(v.parametersText().isEmpty() ? v.name() : v.name() + " (" + v.parametersText() + ")");
            facts.add(new FactView("Variants", String.join(", ", names)));
        }
        var fm = m.frontMatter();
        if (!fm.license().isEmpty()) facts.add(new FactView("License", fm.license()));
        if (!fm.pipelineTag().isEmpty()) facts.add(new FactView("Task", fm.pipelineTag()));
        if (!fm.baseModels().isEmpty()) facts.add(new FactView("Base model", String.join(", ", fm.baseModels())));
        if (!fm.datasets().isEmpty()) facts.add(new FactView("Datasets", String.join(", ", fm.datasets())));
        if (!fm.tags().isEmpty()) facts.add(new FactView("Tags", String.join(", ", fm.tags())));
        int tables = m.tables().size();
        if (tables > 0) facts.add(new FactView("Tables", String.valueOf(tables)));
        return facts;
    }
}
