package io.modelcards.render;

import io.modelcards.model.SiteConfig;
import java.util.List;

/** The records handed to templates; a template only loops and branches over them. */
public final class Views {
    private Views() {}

    public record Crumb(String label, String href) {}

    public record PageView(String title, String description, String path, String root, String canonical,
                           List<Crumb> breadcrumbs, SiteConfig site) {
        public String fullTitle() {
            return title.equals(site.title()) ? title : title + " · " + site.title();
        }
    }

    /**
     * A model on the catalogue: {@code href} relative to the site root; {@code task}, {@code license} and {@code org}
     * "" when the card does not say; {@code parameters} the variants' parameter counts in billions, smallest first.
     */
    public record CardView(String name, String href, String summary, String sizes, String stats, String task,
                           String license, String org, List<java.math.BigDecimal> parameters, CardCounts counts) {
        public CardView {
            parameters = List.copyOf(parameters);
        }

        /** The task, license and organisation the card names, labelled, for its tag list. */
        public List<FactView> facets() {
            List<FactView> facets = new java.util.ArrayList<>();
            if (!task.isEmpty()) facets.add(new FactView("Task", task));
            if (!license.isEmpty()) facets.add(new FactView("License", license));
            if (!org.isEmpty()) facets.add(new FactView("Organisation", org));
            return facets;
        }
    }

    /** What a card counts: results of the model itself (not of baselines it cites), tables, benchmarks, checkpoints, links. */
    public record CardCounts(int results, int tables, int benchmarks, int checkpoints, int links) {
        /** "3 results · 2 tables · 1 link": the counts that are not zero ("0 checkpoints" tells a reader nothing). */
        public String text() {
            List<String> parts = new java.util.ArrayList<>();
            if (results > 0) parts.add(plural(results, "result"));
            if (tables > 0) parts.add(plural(tables, "table"));
            if (benchmarks > 0) parts.add(plural(benchmarks, "benchmark"));
            if (checkpoints > 0) parts.add(plural(checkpoints, "checkpoint"));
            if (links > 0) parts.add(plural(links, "link"));
            return String.join(" · ", parts);
        }

        static String plural(int n, String word) {
            return n + " " + word + (n == 1 ? "" : "s");
        }
    }

    /**
     * One page of the catalogue: its cards, the catalogue's counts, which models it shows ("" on a single page), the
     * pager and the filter form.
     */
    public record IndexView(List<CardView> cards, String counts, String showing, CatalogueViews.PagerView pager,
                            CatalogueViews.FiltersView filters) {}

    public record TocEntry(String label, String id, int level) {}

    public record FactView(String label, String value) {}

    /**
     * A header cell: {@code rowSpan}/{@code colSpan} as the source spans it; {@code sortable} when it gets a sort
     * button; {@code column} the grid column it sorts by when that is not its position in its row, else -1.
     */
    public record HeaderView(String html, String title, String scope, int rowSpan, int colSpan, boolean sortable,
                             int column, int pin, String link) {
        /** {@code link}: after a sort button, a link of its own (the column's leaderboard), or "". */
        public HeaderView(String html, String title, String scope, int rowSpan, int colSpan, boolean sortable,
                          int column, int pin) {
            this(html, title, scope, rowSpan, colSpan, sortable, column, pin, "");
        }

        public HeaderView(String html, String title, String scope) {
            this(html, title, scope, 1, 1, true, -1, 0);
        }

        public HeaderView(String html, String title, String scope, int rowSpan, int colSpan, boolean sortable,
                          int column) {
            this(html, title, scope, rowSpan, colSpan, sortable, column, 0);
        }
    }

    /**
     * A body cell; {@code pin} is 1 or 2 when the cell is in a label column that stays in view while the table
     * scrolls sideways (the row header, and the column after it when the first one only names groups), else 0.
     */
    public record CellView(String html, String type, String sort, String sortText, boolean rowHeader,
                           String groupRepeat, String title, int rowSpan, int colSpan, int pin) {
        public CellView(String html, String type, String sort, String sortText, boolean rowHeader,
                        String groupRepeat, String title, int rowSpan, int colSpan) {
            this(html, type, sort, sortText, rowHeader, groupRepeat, title, rowSpan, colSpan, 0);
        }

        public boolean hasSort() { return !sort.isEmpty(); }
    }

    /**
     * A link of the table that the generator corrected, listed under the table: {@code id} is the note's own id,
     * {@code refId} the id of the mark in the cell (each links to the other); {@code where} names the cell ("row
     * 13B, column Llama2-chat-hf"), {@code from} and {@code to} the address as written and as shown, {@code why}
     * the rule that corrected it.
     */
    public record FixView(String id, String refId, String where, String from, String to, String why) {}

    /**
     * A body row: its cells, and the same cells as markup ({@link TableViews#cellsHtml}), which the bundled
     * template prints in one go: a catalogue has a hundred thousand cells, and one expression per row instead of
     * eight per cell made page rendering about twice as fast. A theme may still lay out {@code cells} itself.
     */
    public record RowView(String id, List<CellView> cells, String cellsHtml) {}

    /**
     * {@code headers}: one per column; {@code headerRows}: the header as the page shows it, one or more rows of
     * cells with their spans. {@code sortable}: false when body cells span rows or columns, since sorting rows one
     * by one would tear such a table apart.
     */
    /**
     * {@code note}: a sentence after the caption (our markup, texts escaped) naming what the changes in
     * parentheses are against, or ""; {@code fixes}: the links of the table that the generator corrected; {@code legend}: what the † under
     * its benchmarks means (our markup), or "".
     */
    public record TableView(String id, String caption, String kind, List<HeaderView> headers,
                            List<List<HeaderView>> headerRows, List<RowView> rows, String source, boolean sortable,
                            String note, List<FixView> fixes, String legend) {
        public TableView(String id, String caption, String kind, List<HeaderView> headers,
                         List<List<HeaderView>> headerRows, List<RowView> rows, String source, boolean sortable) {
            this(id, caption, kind, headers, headerRows, rows, source, sortable, "", List.of(), "");
        }

        /** The header rows as markup ({@link TableViews#headHtml}): the bundled template inserts it whole. */
        public String headHtml() {
            return TableViews.headHtml(headerRows);
        }

        /** The body rows as markup ({@link TableViews#bodyHtml}): one expression per table, not per row or cell. */
        public String bodyHtml() {
            return TableViews.bodyHtml(rows);
        }
    }

    /** One block of a model page; {@code kind} is heading, prose, table, code or list. */
    public record BlockView(String kind, int level, String id, String html, String language, String code,
                            boolean ordered, List<String> items, TableView table) {}

    /**
     * A run of a model page's blocks ({@link BlockRuns}): {@code html}, the markup of the blocks before a table (may
     * be empty), then the table, whose figure has the id {@code id}; {@code table} is null for the run after the last
     * table.
     */
    public record BlockRun(String html, String id, TableView table) {}

    /** A link to a table holding a chart's values; {@code before} joins it to the previous one (", ", " and "). */
    public record DataLinkView(String before, String label, String href) {}

    /** A chart: its id on the page and its title. What js/chart.js draws it from is the page's {@code chartData}. */
    public record ChartView(String id, String title) {}

    /**
     * {@code chips}: the key facts under the name; {@code chartsId}, {@code resultsId}: the ids of the charts and the
     * results summary, unique on the page; {@code results}: the summary table (our markup, texts escaped), or "";
     * {@code resultsLegend}: what its † means, or ""; {@code resultsLead}: the sentence above it; {@code chartData}:
     * what js/chart.js draws every chart from (JSON, see ChartSvg.data); {@code chartSource}: the tables that hold
     * the values of the charts.
     */
    public record ModelPageView(String name, String summary, String source, String editUrl, String jsonHref,
                                List<FactView> chips, List<TocEntry> toc, List<BlockView> blocks,
                                List<ChartView> charts, String chartData, List<DataLinkView> chartSource,
                                String chartsId, String compareHref, String resultsId,
                                String results, String resultsLegend, String resultsLead) {
        /** The blocks as the bundled template prints them: runs of markup, each before a table (BlockRuns). */
        public List<BlockRun> blockRuns() {
            return BlockRuns.of(blocks);
        }
    }
}
