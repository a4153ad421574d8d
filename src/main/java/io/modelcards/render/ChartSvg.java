package io.modelcards.render;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jsoup.nodes.Entities;

/**
 * A model page's line chart: what to draw ({@link Spec}), written as data for {@code js/chart.js}, which draws it
 * as SVG in the reader's browser (title, axes with units, ticks, a legend and a text alternative; series colours
 * and markers differ so it reads in print and without colour). Also the number formats that the leaderboard
 * charts, drawn at build time by {@link LeaderboardChart}, share with it.
 */
public final class ChartSvg {
    public record Point(BigDecimal x, BigDecimal y) {
        public Point {
            Objects.requireNonNull(x, "x");
            Objects.requireNonNull(y, "y");
        }
    }

    public record Series(String name, List<Point> points) {
        public Series {
            Objects.requireNonNull(name, "name");
            points = List.copyOf(points);
        }
    }

    /** What to draw; {@code logX} spaces the x axis logarithmically (parameter counts). */
    public record Spec(String id, String title, String xLabel, String yLabel, boolean logX, List<Series> series) {
        public Spec {
            Objects.requireNonNull(id, "id");
            series = List.copyOf(series);
        }
    }

    private ChartSvg() {}

    /**
     * What {@code js/chart.js} draws a page's charts from, as one JSON for a {@code <script type="application/json">}
     * (every {@code <} written as its escape, so no text of the card can end the element): the series names once
     * ({@code names}), then per chart its figure's id, title (the figure's caption), axis labels, whether x is
     * logarithmic, and per series the index of its name and its points as "x y x y …", each number written as the card
     * writes it ("60.0"), so the chart's text alternative repeats them exactly. "" when no chart has a point.
     * <p>The script makes the figures too: without JavaScript a figure shows nothing but its caption, and the 14
     * figures of a synthetic card were 1.4 KB of its page.
     * <p>One block per page, not one per chart: a synthetic card has 14 charts over the same two or three series, and
     * their names, keys and titles written 14 times were half of the chart data (about 4.6 KB of a 35 KB page).
     */
    public static String data(List<Spec> specs) {
        Map<String, Integer> names = new LinkedHashMap<>();
        List<Map<String, Object>> charts = new ArrayList<>();
        for (Spec spec : specs) {
            List<List<Object>> series = new ArrayList<>();
            for (Series s : spec.series()) {
                if (s.points().isEmpty()) continue;
                StringBuilder points = new StringBuilder();
                for (Point p : s.points()) {
                    if (!points.isEmpty()) points.append(' ');
                    points.append(p.x().toPlainString()).append(' ').append(p.y().toPlainString());
                }
                Integer name = names.computeIfAbsent(s.name(), k -> names.size());
                series.add(List.of(name, points.toString()));
            }
            if (series.isEmpty()) continue;
            Map<String, Object> chart = new LinkedHashMap<>();
            chart.put("id", spec.id());
            chart.put("t", spec.title());
            chart.put("x", spec.xLabel());
            chart.put("y", spec.yLabel());
            if (spec.logX()) chart.put("log", true);
            chart.put("s", series);
            charts.add(chart);
        }
        if (charts.isEmpty()) return "";
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("names", List.copyOf(names.keySet()));
        data.put("charts", charts);
        return ModelsJson.writeCompact(data).replace("<", "\\u003c");
    }

    static double[] niceTicks(double min, double max) {
        if (max <= min) max = min + 1;
        double range = max - min;
        double step = Math.pow(10, Math.floor(Math.log10(range / 5)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (range / (step * m) <= 6) { step *= m; break; }
        }
        double start = Math.floor(min / step) * step;
        double end = Math.ceil(max / step) * step;
        int n = (int) Math.round((end - start) / step) + 1;
        double[] ticks = new double[Math.max(2, n)];
        for (int i = 0; i < ticks.length; i++) ticks[i] = start + i * step;
        return ticks;
    }

    static String marker(String shape, double x, double y, String label) {
        String title = label == null ? "" : "<title>" + esc(label) + "</title>";
        String cls = label == null ? "marker" : "marker point";
        return switch (shape) {
            case "square" -> "<rect class=\"" + cls + "\" x=\"" + fmt(x - 4) + "\" y=\"" + fmt(y - 4) + "\" width=\"8\" height=\"8\">" + title + "</rect>";
            case "diamond" -> "<polygon class=\"" + cls + "\" points=\"" + fmt(x) + "," + fmt(y - 5) + " " + fmt(x + 5) + "," + fmt(y) + " "
                    + fmt(x) + "," + fmt(y + 5) + " " + fmt(x - 5) + "," + fmt(y) + "\">" + title + "</polygon>";
            case "triangle" -> "<polygon class=\"" + cls + "\" points=\"" + fmt(x) + "," + fmt(y - 5) + " " + fmt(x + 5) + "," + fmt(y + 4) + " "
                    + fmt(x - 5) + "," + fmt(y + 4) + "\">" + title + "</polygon>";
            default -> "<circle class=\"" + cls + "\" cx=\"" + fmt(x) + "\" cy=\"" + fmt(y) + "\" r=\"4\">" + title + "</circle>";
        };
    }

    /** 1550000000 → "1.55B". */
    static String human(BigDecimal v) {
        double d = v.doubleValue();
        String[] units = {"", "K", "M", "B", "T"};
        int u = 0;
        while (Math.abs(d) >= 1000 && u < units.length - 1) { d /= 1000; u++; }
        return num(d) + units[u];
    }

    private static String num(double d) {
        if (d == Math.rint(d)) return String.valueOf((long) d);
        return new BigDecimal(d).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /**
     * {@code d} to one decimal, without a trailing ".0" ({@code String.format(Locale.ROOT, "%.1f", d)} without
     * the Formatter, which was a tenth of a build's CPU).
     */
    static String fmt(double d) {
        double t = d * 10;
        if (!Double.isFinite(t) || Math.abs(t) > 1e15) return trim(String.format(Locale.ROOT, "%.1f", d));
        long r = Math.round(t);
        // a value close to a half rounds by its exact decimal expansion: leave it to the Formatter
        if (Math.abs(Math.abs(t - r) - 0.5) < 1e-6) return trim(String.format(Locale.ROOT, "%.1f", d));
        StringBuilder sb = new StringBuilder(8);
        if (r < 0 || (r == 0 && Math.copySign(1.0, d) < 0)) sb.append('-');
        long a = Math.abs(r);
        sb.append(a / 10);
        return a % 10 == 0 ? sb.toString() : sb.append('.').append(a % 10).toString();
    }

    private static String trim(String s) {
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    private static String esc(String s) {
        return Entities.escape(s);
    }
}
