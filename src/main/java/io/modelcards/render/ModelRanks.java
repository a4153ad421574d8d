package io.modelcards.render;

import io.modelcards.model.Model;
import io.modelcards.model.Result;
import io.modelcards.model.Site;
import io.modelcards.model.Texts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Render stage: the site's leaderboards → per model, where it stands on each leaderboard setting it appears on (the
 * results summary of its page). Made once from the leaderboards, before the model pages render; a page gets only its
 * own short list.
 */
public final class ModelRanks {
    /** No ranks: a page rendered alone, without the rest of the catalogue. */
    public static final ModelRanks NONE = new ModelRanks(Map.of());

    /**
     * One row of a model's results summary: the model's value on one leaderboard setting ({@code board} the leaderboard
     * page's address from the model page, with its setting filter and the board's anchor), {@code place} the fragment
     * of the page where the value is printed ("" when only declared beside the card), its rank among the setting's
     * ranked lines ({@code rank} 0: not ranked, or not comparable).
     */
    public record Rank(String benchmark, String metric, String setting, String board, String variant,
                       BigDecimal value, String printed, String place, int rank, int of, boolean comparable) {
        public Rank {
            Objects.requireNonNull(benchmark, "benchmark");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * What one model page shows of the leaderboards: its summary rows, and the leaderboard page of each table column
     * whose results are on one ({@code boards}, by "table id/column index", addresses from the model page).
     */
    public record Standing(List<Rank> ranks, Map<String, String> boards) {
        public static final Standing NONE = new Standing(List.of(), Map.of());

        public Standing {
            ranks = List.copyOf(ranks);
            boards = Map.copyOf(boards);
        }

        /** The leaderboard page linked from column {@code column} of table {@code table}, or "". */
        String board(String table, int column) {
            return boards.getOrDefault(table + "/" + column, "");
        }
    }

    private final Map<String, Standing> bySlug;
    /**
     * serve: the standings made again since {@link #bySlug} was made, over it ({@link Standing#NONE} for a model no
     * longer on any board). Copying every model's standing on every edit was a fortieth of a moved-line edit at
     * 10,000 cards; past {@link #MAX_CHANGED} they are merged into a new map.
     */
    private final Map<String, Standing> changed;
    static final int MAX_CHANGED = 256;
    /** The system property that sets {@link #MAX_CHANGED} (tests: 0 merges on every edit). */
    public static final String MAX_CHANGED_PROPERTY = "modelcards.ranksChanged";

    private ModelRanks(Map<String, Standing> bySlug) {
        this(bySlug, Map.of());
    }

    private ModelRanks(Map<String, Standing> bySlug, Map<String, Standing> changed) {
        this.bySlug = bySlug;
        this.changed = changed;
    }

    /** The ranks of every model of the site. */
    public static ModelRanks of(Site site) {
        return of(Leaderboards.of(site));
    }

    /** What {@code m}'s page shows: its summary rows in leaderboard order (benchmark by name, then setting). */
    public Standing of(Model m) {
        Standing s = changed.get(m.slug());
        return s != null ? s : bySlug.getOrDefault(m.slug(), Standing.NONE);
    }

    /**
     * serve: the model asked about in each place of the catalogue by {@link #at}, and its standing. Ranks made from
     * the last ones by moved entries take a copy: only the models whose entries moved have another standing, and
     * they are other instances (their file was parsed again).
     */
    private ByPlace<Standing> placed = new ByPlace<>();
    private final java.util.function.Function<Model, Standing> standingOf = this::of; // made once, not per model

    /**
     * {@link #of(Model)} for the model in place {@code i} of the catalogue: the model there when last asked is compared
     * by reference first (serve asks in the catalogue's order on every edit: a look-up by slug for each of 10,000
     * models, a few cache misses each, was a fifteenth of a moved-line edit). Not for concurrent use.
     */
    public Standing at(int i, Model m) {
        if (this == NONE) return Standing.NONE; // shared: nothing placed
        return placed.get(i, m, standingOf);
    }

    /** These ranks, asking {@link #at} first what {@code last} was asked (their standings are the same but for moved models). */
    private ModelRanks placedAs(ModelRanks last) {
        placed = last.placed.copy();
        return this;
    }

    static ModelRanks of(Leaderboards leaderboards) {
        Map<String, List<Rank>> bySlug = new HashMap<>();
        Map<String, Map<String, String>> boardsBySlug = new HashMap<>();
        for (Leaderboards.Benchmark b : leaderboards.benchmarks()) {
            Part part = b.ranks;
            if (part == null || !part.slug().equals(b.slug) || !b.staleRanks.isEmpty()) {
                b.ranks = part = part(b, null);
                b.staleRanks = Set.of();
            }
            // merged in benchmark order: each model's rows and columns come as if read board by board
            part.rows().forEach((slug, rows) -> bySlug.computeIfAbsent(slug, k -> new ArrayList<>()).addAll(rows));
            part.columns().forEach((slug, columns) -> {
                Map<String, String> all = boardsBySlug.computeIfAbsent(slug, k -> new HashMap<>());
                columns.forEach(all::putIfAbsent);
            });
        }
        Map<String, Standing> out = new HashMap<>();
        boardsBySlug.forEach((slug, columns) -> out.put(slug, new Standing(bySlug.getOrDefault(slug, List.of()), columns)));
        return new ModelRanks(out);
    }

    /**
     * The ranks of {@code leaderboards}, made from {@code last} by entries of the models {@code moved} (by slug) swapped
     * in (serve, Leaderboards.movedOnly): the same lines with the same ranks, so only those models' rows can differ (the
     * place on their pages a row links to), and only those are made again. Making every model's standing took a tenth
     * of a moved-line edit at 10,000 cards.
     */
    static ModelRanks of(Leaderboards leaderboards, ModelRanks last, Set<String> moved) {
        for (Leaderboards.Benchmark b : leaderboards.benchmarks()) {
            if (b.ranks == null || !b.ranks.slug().equals(b.slug) || !moved.containsAll(b.staleRanks)) {
                return of(leaderboards);
            }
        }
        for (Leaderboards.Benchmark b : leaderboards.benchmarks()) {
            if (b.staleRanks.isEmpty()) continue;
            Part some = part(b, b.staleRanks);
            for (String slug : b.staleRanks) {
                if (some.rows().containsKey(slug) != b.ranks.rows().containsKey(slug)
                        || some.columns().containsKey(slug) != b.ranks.columns().containsKey(slug)) {
                    return of(leaderboards);
                }
            }
            // the same keys: put in place, each model's rows stay where they were
            b.ranks.rows().putAll(some.rows());
            b.ranks.columns().putAll(some.columns());
            b.staleRanks = Set.of();
        }
        Map<String, Standing> out = new HashMap<>(last.changed);
        for (String slug : moved) {
            List<Rank> rows = new ArrayList<>();
            Map<String, String> columns = null;
            for (Leaderboards.Benchmark b : leaderboards.benchmarks()) {
                rows.addAll(b.ranks.rows().getOrDefault(slug, List.of()));
                Map<String, String> c = b.ranks.columns().get(slug);
                if (c == null) continue;
                if (columns == null) columns = new HashMap<>();
                c.forEach(columns::putIfAbsent);
            }
            out.put(slug, columns == null ? Standing.NONE : new Standing(rows, columns));
        }
        if (out.size() <= Integer.getInteger(MAX_CHANGED_PROPERTY, MAX_CHANGED)) {
            return new ModelRanks(last.bySlug, out).placedAs(last);
        }
        Map<String, Standing> merged = new HashMap<>(last.bySlug);
        out.forEach((slug, standing) -> {
            if (standing == Standing.NONE) merged.remove(slug);
            else merged.put(slug, standing);
        });
        return new ModelRanks(merged).placedAs(last);
    }

    /**
     * What one benchmark's boards give the model pages: each model's summary rows, and the leaderboard page of each of
     * its table columns with results on them (by slug); made for the benchmark's {@code slug}. A benchmark serve keeps
     * from the last render keeps its part, so a rebuild reads only the boards an edit touched.
     */
    record Part(String slug, Map<String, List<Rank>> rows, Map<String, Map<String, String>> columns) {}

    /** The benchmark's part; only for the models of {@code slugs} unless it is null. */
    private static Part part(Leaderboards.Benchmark b, Set<String> slugs) {
        Map<String, List<Rank>> bySlug = new java.util.LinkedHashMap<>();
        Map<String, Map<String, String>> boardsBySlug = new java.util.LinkedHashMap<>();
        String page = "benchmarks/" + b.slug + "/index.html";
        String fromModel = SitePaths.link("models/x/index.html", page);
        for (Leaderboards.Board board : b.boards) {
            for (Leaderboards.Line l : board.lines()) {
                if (slugs != null && !slugs.contains(l.model.slug())) continue;
                Map<String, String> columns = boardsBySlug.computeIfAbsent(l.model.slug(), k -> new HashMap<>());
                for (Leaderboards.Entry e : l.values.values()) {
                    for (Result.Origin o : e.result().origins()) {
                        if (o.kind() == Result.Kind.TABLE) columns.putIfAbsent(o.table() + "/" + o.column(), fromModel);
                    }
                }
            }
            List<Settings.Dimension> filtered = filtered(board);
            for (List<Leaderboards.Line> group : board.groups) {
                Map<String, List<Leaderboards.Line>> byModel = new java.util.LinkedHashMap<>(); // by slug
                for (Leaderboards.Line l : group) {
                    if (!l.baseline && (slugs == null || slugs.contains(l.model.slug()))) {
                        byModel.computeIfAbsent(l.model.slug(), k -> new ArrayList<>()).add(l);
                    }
                }
                if (byModel.isEmpty()) continue;
                int ranked = 0;
                for (Leaderboards.Line l : group) if (l.rank > 0) ranked++;
                String href = fromModel + query(group.get(0).settings, filtered) + "#" + board.id;
                for (Map.Entry<String, List<Leaderboards.Line>> e : byModel.entrySet()) {
                    List<Rank> rows = bySlug.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
                    Leaderboards.Line best = best(e.getValue(), board);
                    String shown = best.values.containsKey(board.primary) ? board.primary
                            : best.values.keySet().iterator().next();
                    rows.add(rank(b, board, best, shown, href, ranked));
                    // a value stated only beside the card (model-index, .eval_results) is printed nowhere else
                    for (Leaderboards.Line l : e.getValue()) {
                        for (Map.Entry<String, Leaderboards.Entry> v : l.values.entrySet()) {
                            if ((l != best || !v.getKey().equals(shown)) && !isPrinted(v.getValue().result())) {
                                rows.add(rank(b, board, l, v.getKey(), href, ranked));
                            }
                        }
                    }
                }
            }
        }
        return new Part(b.slug, bySlug, boardsBySlug);
    }

    /** The model's line to show: its best comparable one by the ranking metric, else its best, else its first. */
    private static Leaderboards.Line best(List<Leaderboards.Line> lines, Leaderboards.Board board) {
        for (Leaderboards.Line l : lines) if (l.rank > 0 && l.comparable(board.primary)) return l; // lines come ranked
        for (Leaderboards.Line l : lines) if (l.rank > 0) return l;
        return lines.get(0);
    }

    /** Whether the page prints the result itself: in a table, a list or its text. */
    private static boolean isPrinted(Result r) {
        for (Result.Origin o : r.origins()) {
            if (o.kind() == Result.Kind.TABLE || o.kind() == Result.Kind.LIST || o.kind() == Result.Kind.PROSE) return true;
        }
        return false;
    }

    private static Rank rank(Leaderboards.Benchmark b, Leaderboards.Board board, Leaderboards.Line l, String metric,
                             String href, int ranked) {
        Leaderboards.Entry e = l.values.get(metric);
        Result r = e.result();
        String place = "";
        for (Result.Origin o : r.origins()) {
            if (o.kind() == Result.Kind.TABLE || o.kind() == Result.Kind.LIST || o.kind() == Result.Kind.PROSE) {
                place = LeaderboardTable.place(l.model, o);
                break;
            }
        }
        String printed = r.printed();
        if (printed.length() > 12 || !Texts.hasDigit(printed)) printed = r.value().toPlainString();
        boolean comparable = e.comparable();
        boolean isRanked = comparable && metric.equals(board.primary) && l.rank > 0;
        return new Rank(b.name, board.metricNames.get(metric), l.settings.describe(), href,
                l.variant, r.value(), printed, place, isRanked ? l.rank : 0, isRanked ? ranked : 0, comparable);
    }

    /** The setting dimensions the leaderboard page filters by: those its setting groups differ in. */
    private static List<Settings.Dimension> filtered(Leaderboards.Board board) {
        List<Settings.Dimension> out = new ArrayList<>();
        for (Settings.Dimension d : board.dimensions) {
            Set<String> values = new LinkedHashSet<>();
            for (List<Leaderboards.Line> g : board.groups) values.add(g.get(0).settings.get(d));
            if (values.size() > 1) out.add(d);
        }
        return out;
    }

    /** "?shots=0" for the leaderboard page's filter (js/leaderboard.js reads it), "" without one. */
    private static String query(Settings settings, List<Settings.Dimension> dimensions) {
        StringBuilder sb = new StringBuilder();
        for (Settings.Dimension d : dimensions) {
            String v = settings.get(d);
            sb.append(sb.length() == 0 ? '?' : '&').append(d.param).append('=')
                    .append(java.net.URLEncoder.encode(v.isEmpty() ? LeaderboardTable.NONE : v,
                            java.nio.charset.StandardCharsets.UTF_8));
        }
        return sb.toString();
    }
}
