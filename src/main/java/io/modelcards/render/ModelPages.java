package io.modelcards.render;

import io.modelcards.model.Block;
import io.modelcards.model.Model;
import io.modelcards.model.SiteConfig;
import io.modelcards.model.Table;
import io.modelcards.model.Variant;
import io.modelcards.render.Views.BlockView;
import io.modelcards.render.Views.ChartView;
import io.modelcards.render.Views.DataLinkView;
import io.modelcards.render.Views.FactView;
import io.modelcards.render.Views.ModelPageView;
import io.modelcards.render.Views.TocEntry;
import io.modelcards.model.Result;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
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
                blocks.add(new BlockView("table", 0, "fig-" + table.id(), "", "", "", false, List.of(),
                        TableViews.of(table, caption(m, table), changesNote(m, table))));
            } else if (b instanceof Block.Code c) {
                blocks.add(new BlockView("code", 0, "", "", c.language(), Entities.escape(c.code()), false, List.of(), null));
            } else if (b instanceof Block.ListBlock l) {
                blocks.add(new BlockView("list", 0, "", "", "", "", l.ordered(), l.items(), null));
            } else if (b instanceof Block.DetailsStart d) {
                // the summary is sanitized HTML; the blocks that follow are rendered inside the element
                blocks.add(new BlockView("raw", 0, "", "<details class=\"card-details\"" + (d.open() ? " open" : "")
                        + "><summary>" + d.summaryHtml() + "</summary>", "", "", false, List.of(), null));
            } else if (b instanceof Block.DetailsEnd) {
                blocks.add(new BlockView("raw", 0, "", "</details>", "", "", false, List.of(), null));
            } else if (b instanceof Block.CalloutStart c) {
                // the look of a GitHub alert (parse/Alerts); the kind is one of ours, never the card's text
                String kind = c.kind().equals("warning") ? "warning" : "tip";
                blocks.add(new BlockView("raw", 0, "", "<div class=\"alert alert-" + kind + "\" role=\"note\"><p class=\"alert-title\">"
                        + (kind.equals("warning") ? "Warning" : "Tip") + "</p>", "", "", false, List.of(), null));
            } else if (b instanceof Block.CalloutEnd) {
                blocks.add(new BlockView("raw", 0, "", "</div>", "", "", false, List.of(), null));
            }
        }
        String edit = editUrl(config.repoUrl(), m.origin().path(), m.origin().line());
        Set<String> ids = pageIds(m);
        if (!m.results().isEmpty()) {
            // every result of the card, in one sortable table after its text, each linked to where it is printed
            String sectionId = Charts.uniqueId("results", ids);
            Table results = ResultsTable.of(m, Charts.uniqueId(sectionId + "-table", ids));
            ResultsTable.reserve(results, ids);
            blocks.add(new BlockView("heading", 2, sectionId, "Results", "", "", false, List.of(), null));
            toc.add(new TocEntry("Results", sectionId, 2));
            blocks.add(new BlockView("table", 0, "fig-" + results.id(), "", "", "", false, List.of(),
                    TableViews.of(results, results.caption())));
        }
        String chartsId = Charts.uniqueId("charts", ids);
        ids.add(chartsId + "-title");
        List<ChartView> charts = charts(m, ids);
        if (!charts.isEmpty()) toc.add(new TocEntry("Charts", chartsId, 2));
        return new ModelPageView(m.name(), m.summary(), m.origin().toString(), edit,
                "model-index.json", facts(m), toc, blocks, charts, chartsId,
                SitePaths.root(SitePaths.model(m.slug())) + "compare.html?m="
                        + java.net.URLEncoder.encode(m.slug(), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Per benchmark and metric, score against shots, or against parameters when no setting varies. */
    private static List<ChartView> charts(Model m, Set<String> ids) {
        List<ChartView> views = new ArrayList<>();
        for (Charts.Chart c : Charts.of(Charts.sources(m), Charts.Choice.SETTING_FIRST, ids)) {
            List<DataLinkView> data = new ArrayList<>();
            for (int i = 0; i < c.tables().size(); i++) {
                Table t = c.tables().get(i);
                String before = i == 0 ? "" : i == c.tables().size() - 1 ? " and " : ", ";
                data.add(new DataLinkView(before, caption(m, t), "#" + t.id()));
            }
            views.add(new ChartView(c.svg(), data));
        }
        return views;
    }

    /** The ids the page already has: its own sections, headings, tables and rows. */
    private static Set<String> pageIds(Model m) {
        Set<String> ids = new HashSet<>(Set.of("top", "facts", "facts-title", "toc", "toc-title", "related",
                "related-title"));
        for (Block b : m.blocks()) {
            if (b instanceof Block.Heading h) ids.add(h.id());
            if (b instanceof Block.TableBlock tb) {
                Table t = tb.table();
                ids.addAll(List.of(t.id(), t.id() + "-caption", "fig-" + t.id()));
                for (var r : t.rows()) ids.add(r.id());
            }
        }
        return ids;
    }

    /**
     * What the changes in parentheses of a table are against, when the delta check found their base rows: "Changes
     * (in parentheses) are against IDEFICS 80B and IDEFICS 9B in <a>IDEFICS, table 2</a>, at the same Shots; green
     * is better, red worse." (naming the columns where lower is better). Our markup, the texts escaped; "" for a table without such rows.
     */
    static String changesNote(Model m, Table table) {
        Map<String, Table> tableOfRow = new java.util.HashMap<>();
        Map<String, io.modelcards.model.Row> rowById = new java.util.HashMap<>();
        for (Table t : m.tables()) {
            for (io.modelcards.model.Row r : t.rows()) {
                tableOfRow.put(r.id(), t);
                rowById.put(r.id(), r);
            }
        }
        Set<String> groups = new LinkedHashSet<>();
        Set<Table> bases = new LinkedHashSet<>();
        for (io.modelcards.model.Row r : table.rows()) {
            Table base = tableOfRow.get(r.deltaBase());
            if (base == null) continue;
            groups.add(rowById.get(r.deltaBase()).group());
            bases.add(base);
        }
        if (bases.isEmpty()) return "";
        List<String> where = new ArrayList<>();
        for (Table b : bases) where.add("<a href=\"#" + Entities.escape(b.id()) + "\">" + Entities.escape(caption(m, b)) + "</a>");
        List<String> settings = new ArrayList<>();
        for (int c = 1; c < table.firstBenchmarkColumn(); c++) {
            String s = table.columns().get(c).text().strip();
            if (!s.isEmpty()) settings.add(s);
        }
        List<String> names = new ArrayList<>();
        for (String g : groups) if (!g.isBlank()) names.add(Entities.escape(g));
        // the colours only repeat what the text says: a rise is better, except in these columns
        Set<String> lower = new LinkedHashSet<>();
        for (io.modelcards.model.Column c : table.columns()) {
            if (io.modelcards.model.Column.LOWER.equals(c.better())) lower.add(Entities.escape((c.benchmark() + " " + c.metric()).strip()));
        }
        return "Changes (in parentheses) are against " + (names.isEmpty() ? "the same rows" : and(names)) + " in " + and(where)
                + (settings.isEmpty() ? "" : ", at the same " + and(settings.stream().map(Entities::escape).toList()))
                + "; green is better, red worse" + (lower.isEmpty() ? "" : " (lower is better for " + and(List.copyOf(lower)) + ")")
                + ".";
    }

    /** "a", "a and b", "a, b and c". */
    private static String and(List<String> items) {
        if (items.size() <= 1) return String.join("", items);
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static String caption(Model m, Table table) {
        return table.caption().isEmpty() ? m.name() + ", table " + table.id().replaceAll("\\D+", "") : table.caption();
    }

    /** "9B – 80B" from the smallest and largest variant; one size alone when all are equal. */
    static String parameterRange(List<Variant> variants) {
        Variant min = null;
        Variant max = null;
        for (Variant v : variants) {
            if (v.parameters() == null) continue;
            if (min == null || v.parameters().compareTo(min.parameters()) < 0) min = v;
            if (max == null || v.parameters().compareTo(max.parameters()) > 0) max = v;
        }
        if (min == null) return "";
        return min.parameters().compareTo(max.parameters()) == 0 ? min.parametersText()
                : min.parametersText() + " – " + max.parametersText();
    }

    /** Per benchmark and metric, in order of appearance: the best value, whose it is, and its settings. */
    static String bestScores(List<Scores.Score> scores) {
        Map<String, Scores.Score> best = new LinkedHashMap<>();
        for (Scores.Score s : scores) {
            if (!s.comparable()) continue; // the card says the model was trained on the benchmark: never a best score
            String key = s.benchmark() + " " + s.metric();
            Scores.Score b = best.get(key);
            int cmp = b == null ? 1 : s.value().compareTo(b.value());
            if (b == null || (s.lowerIsBetter() ? cmp < 0 : cmp > 0)) best.put(key, s);
        }
        List<String> parts = new ArrayList<>();
        best.forEach((key, s) -> {
            String who = s.name() + (s.settings().isEmpty() ? "" : ", " + s.settings());
            parts.add(key.strip() + " " + s.value().toPlainString() + (who.isBlank() ? "" : " (" + who + ")"));
        });
        return String.join("; ", parts);
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
            for (Variant v : m.variants()) {
                boolean sizeIsName = v.parametersText().isEmpty() || v.name().contains(v.parametersText());
                names.add(sizeIsName ? v.name() : v.name() + " (" + v.parametersText() + ")");
            }
            facts.add(new FactView(m.variants().size() == 1 ? "Variant" : "Variants", String.join(", ", names)));
        }
        String range = parameterRange(m.variants());
        if (!range.isEmpty()) facts.add(new FactView("Parameters", range));
        List<Scores.Score> scores = Scores.of(m);
        Set<String> benchmarks = new LinkedHashSet<>();
        // the results name benchmarks as the vocabulary does (OK-VQA for a column headed OKVQA): the column headers
        // only when no result names any, so one benchmark is not listed twice
        for (Result r : m.results()) if (!r.baseline() && !r.benchmark().isEmpty()) benchmarks.add(r.benchmark());
        if (benchmarks.isEmpty()) for (Scores.Score s : scores) benchmarks.add(s.benchmark());
        if (!benchmarks.isEmpty()) facts.add(new FactView("Benchmarks reported", String.join(", ", benchmarks)));
        String best = bestScores(scores);
        if (!best.isEmpty()) facts.add(new FactView("Best scores", best));
        if (!m.results().isEmpty()) {
            long baselines = m.results().stream().filter(Result::baseline).count();
            facts.add(new FactView("Results", (m.results().size() - baselines) + " of this model"
                    + (baselines == 0 ? "" : ", " + baselines + " of other models it compares with")));
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
