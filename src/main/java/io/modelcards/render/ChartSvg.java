package io.modelcards.render;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jsoup.nodes.Entities;

/**
 * Draws a line chart as inline SVG at build time (no script needed): title, axes with units, ticks, a legend,
 * and a text alternative. Series colours and markers differ so the chart reads in print and without colour.
 */
public final class ChartSvg {
    private static final int WIDTH = 340;
    private static final int PLOT_HEIGHT = 150;
    private static final int LEFT = 44;
    private static final int RIGHT = 12;
    private static final int TOP = 10;
    /** Under the plot: tick labels, the axis label, then the legend a line per series. */
    private static final int BOTTOM = 56;
    private static final int LEGEND_LINE = 17;

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
     * The SVG element, or "" when there is nothing to draw. Compact, since a model page has one per leaderboard: the
     * look is site.css' (classes on groups, no presentation attributes), each series one polyline and one path of
     * markers (zero-length strokes with round or square caps), coordinates to one decimal; the values are told in
     * the description rather than in a title per point. Drawn 340 units wide with 13-unit text and never shown
     * narrower than 320 px, so its text is 12 CSS px or more.
     */
    public static String svg(Spec spec) {
        List<Series> series = new ArrayList<>();
        for (Series s : spec.series()) if (!s.points().isEmpty()) series.add(s);
        if (series.isEmpty()) return "";
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (Series s : series) {
            for (Point p : s.points()) {
                double x = xValue(p.x(), spec.logX());
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, p.y().doubleValue());
                maxY = Math.max(maxY, p.y().doubleValue());
            }
        }
        if (maxX == minX) { minX -= 1; maxX += 1; }
        double[] yTicks = niceTicks(Math.min(0, minY) == 0 && minY >= 0 && minY < maxY * 0.5 ? 0 : minY, maxY);
        double y0 = yTicks[0];
        double y1 = yTicks[yTicks.length - 1];
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = PLOT_HEIGHT;
        int height = (int) (TOP + plotH + BOTTOM + LEGEND_LINE * series.size());
        final double fMinX = minX, fMaxX = maxX;
        java.util.function.DoubleUnaryOperator sx = x -> LEFT + (x - fMinX) / (fMaxX - fMinX) * plotW;
        java.util.function.DoubleUnaryOperator sy = y -> TOP + plotH - (y - y0) / (y1 - y0) * plotH;

        String titleId = spec.id() + "-title";
        String descId = spec.id() + "-desc";
        StringBuilder sb = new StringBuilder(1024);
        sb.append("<svg class=\"chart\" id=\"").append(esc(spec.id())).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" role=\"img\" aria-labelledby=\"").append(titleId).append(' ').append(descId)
                .append("\">");
        sb.append("<title id=\"").append(titleId).append("\">").append(esc(spec.title())).append("</title>");
        sb.append("<desc id=\"").append(descId).append("\">").append(esc(describe(spec, series))).append("</desc>");
        // grid lines, tick marks and axes as two paths; tick labels share their class and anchor through their group
        StringBuilder grid = new StringBuilder();
        StringBuilder labels = new StringBuilder();
        for (double t : yTicks) {
            double y = sy.applyAsDouble(t);
            grid.append('M').append(LEFT).append(' ').append(fmt(y)).append('h').append(fmt(plotW));
            labels.append("<text y=\"").append(fmt(y + 4)).append("\">").append(esc(num(t))).append("</text>");
        }
        StringBuilder axis = new StringBuilder();
        StringBuilder xLabels = new StringBuilder();
        for (BigDecimal x : xTicks(series)) {
            double px = sx.applyAsDouble(xValue(x, spec.logX()));
            axis.append('M').append(fmt(px)).append(' ').append(fmt(TOP + plotH)).append("v4");
            xLabels.append("<text x=\"").append(fmt(px)).append("\">")
                    .append(esc(spec.logX() ? human(x) : x.stripTrailingZeros().toPlainString())).append("</text>");
        }
        axis.append('M').append(LEFT).append(' ').append(TOP).append('V').append(fmt(TOP + plotH)).append('h').append(fmt(plotW));
        sb.append("<g class=\"chart-grid\"><path class=\"grid\" d=\"").append(grid).append("\"/><path class=\"axis\" d=\"")
                .append(axis).append("\"/><g class=\"tick end\" transform=\"translate(").append(LEFT - 4).append(" 0)\">")
                .append(labels).append("</g>");
        if (xLabels.length() > 0) {
            sb.append("<g class=\"tick\" transform=\"translate(0 ").append(fmt(TOP + plotH + 17)).append(")\">")
                    .append(xLabels).append("</g>");
        }
        sb.append("</g>");
        sb.append("<text class=\"axis-label\" x=\"").append(fmt(LEFT + plotW / 2)).append("\" y=\"")
                .append(fmt(TOP + plotH + 34)).append("\">").append(esc(spec.xLabel())).append("</text>");
        sb.append("<text class=\"axis-label\" transform=\"rotate(-90)\" x=\"").append(fmt(-(TOP + plotH / 2)))
                .append("\" y=\"12\">").append(esc(spec.yLabel())).append("</text>");
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            List<Point> pts = new ArrayList<>(s.points());
            pts.sort((a, b) -> a.x().compareTo(b.x()));
            StringBuilder line = new StringBuilder();
            StringBuilder marks = new StringBuilder();
            for (Point p : pts) {
                String x = fmt(sx.applyAsDouble(xValue(p.x(), spec.logX())));
                String y = fmt(sy.applyAsDouble(p.y().doubleValue()));
                line.append(line.length() == 0 ? "" : " ").append(x).append(',').append(y);
                marks.append('M').append(x).append(' ').append(y).append("h0");
            }
            double ly = TOP + plotH + BOTTOM + LEGEND_LINE * i - 4;
            marks.append('M').append(LEFT).append(' ').append(fmt(ly - 4)).append("h0");
            sb.append("<g class=\"series series-").append(i % 8).append("\">");
            if (pts.size() > 1) sb.append("<polyline points=\"").append(line).append("\"/>");
            sb.append("<path class=\"marker\" d=\"").append(marks).append("\"/><text class=\"legend\" x=\"")
                    .append(LEFT + 10).append("\" y=\"").append(fmt(ly)).append("\">").append(esc(shorten(s.name(), 40)))
                    .append("</text></g>");
        }
        sb.append("</svg>");
        return sb.toString();
    }

    private static String describe(Spec spec, List<Series> series) {
        StringBuilder sb = new StringBuilder(spec.title()).append(". ");
        for (Series s : series) {
            sb.append(s.name()).append(": ");
            List<String> parts = new ArrayList<>();
            for (Point p : s.points()) parts.add(p.y().toPlainString() + " at " + (spec.logX() ? human(p.x()) : p.x().stripTrailingZeros().toPlainString()));
            sb.append(String.join(", ", parts)).append(". ");
        }
        return sb.toString().strip();
    }

    private static List<BigDecimal> xTicks(List<Series> series) {
        java.util.TreeSet<BigDecimal> xs = new java.util.TreeSet<>();
        for (Series s : series) for (Point p : s.points()) xs.add(p.x().stripTrailingZeros());
        if (xs.size() <= 8) return new ArrayList<>(xs);
        List<BigDecimal> all = new ArrayList<>(xs);
        List<BigDecimal> picked = new ArrayList<>();
        for (int i = 0; i < 8; i++) picked.add(all.get(i * (all.size() - 1) / 7));
        return picked;
    }

    private static double xValue(BigDecimal x, boolean log) {
        return log ? Math.log10(Math.max(1e-12, x.doubleValue())) : x.doubleValue();
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

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String esc(String s) {
        return Entities.escape(s);
    }
}
