package io.modelcards.render;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.unbescape.html.HtmlEscape;

/**
 * Render stage: the one chart of a leaderboard, as inline SVG. The ranking metric against shots (a log₂ axis, 0 shots
 * one step left of the fewest), one series per line; without shots, against parameter count (log₁₀) when the board has
 * one setting. No chart of fewer than 3 points, or without a series of 2. The chart is drawn {@value #WIDTH} units
 * wide with 13-unit text and shown at most a little narrower (CSS min-width), so its text stays 12 CSS px or more at
 * any screen width; the legend sits under the plot, where it does not take the plot's width.
 */
final class LeaderboardChart {
    private static final Pattern ACC = Pattern.compile("(?i)\\bacc\\.?$");
    static final int WIDTH = 340;
    private static final int LEFT = 44;
    private static final int RIGHT = 16;
    private static final int TOP = 30;
    private static final int PLOT_H = 150;
    private static final int LEGEND_ROW = 20;
    private static final int MAX_SERIES = 12;
    private static final String[] MARKERS = {"circle", "square", "diamond", "triangle"};

    /** A chart: its SVG and its caption ("VQAv2 OE VQA accuracy by number of shots, IDEFICS variants"). */
    record Made(String svg, String caption) {}

    private record Point(BigDecimal x, BigDecimal y) {}

    private LeaderboardChart() {}

    /** The board's chart, with {@code id} for its SVG; null when it has none. */
    static Made of(Leaderboards.Board board, String id) {
        String metric = board.metricNames.get(board.primary);
        Map<String, List<Point>> byShots = new LinkedHashMap<>();
        Set<BigDecimal> shots = new TreeSet<>();
        List<Leaderboards.Line> lines = board.lines();
        for (Leaderboards.Line l : lines) {
            BigDecimal v = l.value(board.primary);
            if (v == null || l.settings.shots() < 0) continue;
            BigDecimal x = BigDecimal.valueOf(l.settings.shots());
            List<String> rest = new ArrayList<>();
            l.settings.values().forEach((d, s) -> {
                if (d != Settings.Dimension.SHOTS) rest.add(s);
            });
            String name = l.who() + (rest.isEmpty() ? "" : " · " + String.join(", ", rest))
                    + (l.baseline ? " (reported by " + l.model.name() + ")" : "")
                    + (l.comparable(board.primary) ? "" : " †");
            byShots.computeIfAbsent(name, k -> new ArrayList<>()).add(new Point(x, v));
            shots.add(x);
        }
        if (shots.size() >= 2 && drawable(byShots)) {
            String caption = title(board, metric) + " by number of shots, " + who(lines) + dagger(board);
            return new Made(svg(id, caption, byShots, "shots (log₂ scale)", Axis.SHOTS, metric), caption);
        }
        if (board.groups.size() != 1) return null;
        Map<String, List<Point>> byParameters = new LinkedHashMap<>();
        Set<BigDecimal> sizes = new TreeSet<>();
        for (Leaderboards.Line l : lines) {
            BigDecimal v = l.value(board.primary);
            String name = l.variant.isEmpty() ? l.model.name() : l.variant;
            BigDecimal p = Charts.parameters(l.model, name);
            if (v == null || p == null || p.signum() <= 0) continue;
            String series = (l.baseline ? name : Charts.family(l.model, name))
                    + (l.comparable(board.primary) ? "" : " †");
            byParameters.computeIfAbsent(series, k -> new ArrayList<>()).add(new Point(p, v));
            sizes.add(p);
        }
        if (sizes.size() < 2 || !drawable(byParameters)) return null;
        String setting = board.groups.get(0).get(0).settings.describe();
        String caption = title(board, metric) + " by parameter count, " + who(lines)
                + (setting.isEmpty() ? "" : " (" + setting + ")") + dagger(board);
        return new Made(svg(id, caption, byParameters, "parameters (log₁₀ scale)", Axis.PARAMETERS, metric), caption);
    }

    /** The caption's note on the series marked †, when the board has any. */
    private static String dagger(Leaderboards.Board board) {
        for (Leaderboards.Line l : board.lines()) {
            if (!l.comparable(board.primary)) return "; † not comparable (see the legend above)";
        }
        return "";
    }

    /** At least 3 points, a series of 2 (a line), and few enough series to tell apart. */
    private static boolean drawable(Map<String, List<Point>> series) {
        int points = 0;
        boolean line = false;
        for (List<Point> ps : series.values()) {
            points += ps.size();
            if (ps.stream().map(p -> p.x().stripTrailingZeros()).distinct().count() >= 2) line = true;
        }
        return points >= 3 && line && series.size() <= MAX_SERIES;
    }

    /** "VQAv2 OE VQA accuracy": the benchmark and the metric, "acc." written out. */
    private static String title(Leaderboards.Board board, String metric) {
        String benchmark = board.benchmark.name;
        String m = metric;
        if (m.regionMatches(true, 0, benchmark, 0, benchmark.length())) m = m.substring(benchmark.length()).strip();
        m = ACC.matcher(m).replaceAll("accuracy");
        return m.isEmpty() ? benchmark : benchmark + " " + m;
    }

    /** Whose lines: "IDEFICS variants", "IDEFICS", "A and B", "A, B and C", "5 models". */
    private static String who(List<Leaderboards.Line> lines) {
        Set<String> models = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (Leaderboards.Line l : lines) {
            models.add(l.baseline ? l.variant : l.model.name());
            names.add(l.who());
        }
        List<String> list = new ArrayList<>(models);
        if (list.size() == 1) return names.size() > 1 ? list.get(0) + " variants" : list.get(0);
        if (list.size() <= 3) {
            return String.join(", ", list.subList(0, list.size() - 1)) + " and " + list.get(list.size() - 1);
        }
        return list.size() + " models";
    }

    private enum Axis { SHOTS, PARAMETERS }

    private static String svg(String id, String title, Map<String, List<Point>> series, String xLabel, Axis axis,
                              String yLabel) {
        // x positions: log₂ of shots, 0 one step left of the fewest; log₁₀ of parameters
        TreeSet<BigDecimal> xs = new TreeSet<>();
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (List<Point> ps : series.values()) {
            for (Point p : ps) {
                xs.add(p.x().stripTrailingZeros());
                minY = Math.min(minY, p.y().doubleValue());
                maxY = Math.max(maxY, p.y().doubleValue());
            }
        }
        BigDecimal firstPositive = null;
        for (BigDecimal x : xs) {
            if (x.signum() > 0) {
                firstPositive = x;
                break;
            }
        }
        double zeroAt = firstPositive == null ? 0 : log2(firstPositive.doubleValue()) - 1;
        java.util.function.ToDoubleFunction<BigDecimal> position = x -> axis == Axis.PARAMETERS
                ? Math.log10(x.doubleValue()) : x.signum() <= 0 ? zeroAt : log2(x.doubleValue());
        double minX = position.applyAsDouble(xs.first());
        double maxX = position.applyAsDouble(xs.last());
        if (maxX == minX) maxX = minX + 1;
        double[] yTicks = ChartSvg.niceTicks(minY, maxY);
        if (yTicks.length > 6) yTicks = new double[] {yTicks[0], yTicks[yTicks.length / 2], yTicks[yTicks.length - 1]};
        double y0 = yTicks[0];
        double y1 = yTicks[yTicks.length - 1];
        double plotW = WIDTH - LEFT - RIGHT;
        final double fMinX = minX;
        final double fMaxX = maxX;
        java.util.function.DoubleUnaryOperator sx = x -> LEFT + 8 + (x - fMinX) / (fMaxX - fMinX) * (plotW - 16);
        java.util.function.DoubleUnaryOperator sy = y -> TOP + PLOT_H - (y - y0) / (y1 - y0) * PLOT_H;
        int legendTop = TOP + PLOT_H + 50;
        int height = legendTop + series.size() * LEGEND_ROW;

        StringBuilder sb = new StringBuilder(4096);
        sb.append("<svg class=\"chart lb-chart-svg\" id=\"").append(esc(id)).append("\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(height).append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ")
                .append(id).append("-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.append("<title id=\"").append(id).append("-title\">").append(esc(title)).append("</title>");
        sb.append("<desc id=\"").append(id).append("-desc\">").append(esc(title + ". " + describe(yLabel, xLabel, series, axis)))
                .append("</desc>");
        sb.append("<text class=\"axis-label\" x=\"").append(LEFT).append("\" y=\"16\">").append(esc(shorten(yLabel, 40)))
                .append("</text>");
        StringBuilder grid = new StringBuilder();
        StringBuilder yLabels = new StringBuilder();
        for (double t : yTicks) {
            double y = sy.applyAsDouble(t);
            grid.append('M').append(ChartSvg.fmt(LEFT)).append(' ').append(ChartSvg.fmt(y)).append('H')
                    .append(ChartSvg.fmt(LEFT + plotW));
            yLabels.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(ChartSvg.fmt(y + 4)).append("\">")
                    .append(esc(number(t))).append("</text>");
        }
        StringBuilder axisPath = new StringBuilder();
        StringBuilder xLabels = new StringBuilder();
        double base = TOP + PLOT_H;
        for (BigDecimal x : ticks(xs, axis)) {
            double px = sx.applyAsDouble(position.applyAsDouble(x));
            axisPath.append('M').append(ChartSvg.fmt(px)).append(' ').append(ChartSvg.fmt(base)).append('V')
                    .append(ChartSvg.fmt(base + 4));
            xLabels.append("<text x=\"").append(ChartSvg.fmt(px)).append("\">").append(esc(label(x, axis)))
                    .append("</text>");
        }
        axisPath.append('M').append(LEFT).append(' ').append(TOP).append('V').append(ChartSvg.fmt(base)).append('H')
                .append(ChartSvg.fmt(LEFT + plotW));
        sb.append("<g class=\"chart-grid\"><path class=\"grid\" d=\"").append(grid).append("\"/>");
        sb.append("<path class=\"axis\" d=\"").append(axisPath).append("\"/>");
        if (axis == Axis.SHOTS && xs.first().signum() == 0 && firstPositive != null) {
            // 0 has no place on a log axis: a break on the axis between it and the fewest shots says so
            double mid = (sx.applyAsDouble(zeroAt) + sx.applyAsDouble(position.applyAsDouble(firstPositive))) / 2;
            sb.append("<path class=\"axis-break\" d=\"M").append(ChartSvg.fmt(mid - 5)).append(' ')
                    .append(ChartSvg.fmt(base + 4)).append("l4 -8M").append(ChartSvg.fmt(mid)).append(' ')
                    .append(ChartSvg.fmt(base + 4)).append("l4 -8\"/>");
        }
        sb.append("<g class=\"tick\" text-anchor=\"end\">").append(yLabels).append("</g>");
        sb.append("<g class=\"tick\" text-anchor=\"middle\" transform=\"translate(0 ").append(ChartSvg.fmt(base + 18))
                .append(")\">").append(xLabels).append("</g></g>");
        sb.append("<text class=\"axis-label\" x=\"").append(ChartSvg.fmt(LEFT + plotW / 2)).append("\" y=\"")
                .append(ChartSvg.fmt(base + 38)).append("\" text-anchor=\"middle\">").append(esc(xLabel)).append("</text>");
        int i = 0;
        for (Map.Entry<String, List<Point>> s : series.entrySet()) {
            List<Point> pts = new ArrayList<>(s.getValue());
            pts.sort((a, b) -> a.x().compareTo(b.x()));
            sb.append("<g class=\"series series-").append(i % 8).append("\">");
            if (pts.size() > 1) {
                sb.append("<polyline fill=\"none\" points=\"");
                for (Point p : pts) {
                    sb.append(ChartSvg.fmt(sx.applyAsDouble(position.applyAsDouble(p.x())))).append(',')
                            .append(ChartSvg.fmt(sy.applyAsDouble(p.y().doubleValue()))).append(' ');
                }
                sb.setLength(sb.length() - 1);
                sb.append("\"/>");
            }
            String shape = MARKERS[i % MARKERS.length];
            for (Point p : pts) {
                sb.append(ChartSvg.marker(shape, sx.applyAsDouble(position.applyAsDouble(p.x())),
                        sy.applyAsDouble(p.y().doubleValue()), s.getKey() + ": " + p.y().toPlainString() + " at "
                                + label(p.x(), axis)));
            }
            double ly = legendTop + i * LEGEND_ROW;
            sb.append(ChartSvg.marker(shape, LEFT + 4, ly - 4, null));
            sb.append("<text class=\"legend\" x=\"").append(LEFT + 14).append("\" y=\"").append(ChartSvg.fmt(ly))
                    .append("\">").append(esc(shorten(s.getKey(), 38))).append("</text></g>");
            i++;
        }
        return sb.append("</svg>").toString();
    }

    /** The x ticks: every value when few, else the powers of two (of ten for parameters) between, and 0. */
    private static List<BigDecimal> ticks(TreeSet<BigDecimal> xs, Axis axis) {
        if (xs.size() <= 7) return new ArrayList<>(xs);
        List<BigDecimal> picked = new ArrayList<>();
        if (xs.first().signum() == 0) picked.add(BigDecimal.ZERO);
        double step = axis == Axis.SHOTS ? 2 : 10;
        for (double v = 1; v <= xs.last().doubleValue(); v *= step) {
            if (v >= xs.first().doubleValue()) picked.add(BigDecimal.valueOf((long) v));
        }
        if (picked.size() > 8) return List.of(xs.first(), xs.last());
        return picked;
    }

    private static String label(BigDecimal x, Axis axis) {
        return axis == Axis.PARAMETERS ? ChartSvg.human(x) : x.stripTrailingZeros().toPlainString();
    }

    private static String describe(String yLabel, String xLabel, Map<String, List<Point>> series, Axis axis) {
        StringBuilder sb = new StringBuilder(yLabel).append(" against ").append(xLabel).append(". ");
        series.forEach((name, points) -> {
            List<String> parts = new ArrayList<>();
            List<Point> sorted = new ArrayList<>(points);
            sorted.sort((a, b) -> a.x().compareTo(b.x()));
            for (Point p : sorted) parts.add(p.y().toPlainString() + " at " + label(p.x(), axis));
            sb.append(name).append(": ").append(String.join(", ", parts)).append(". ");
        });
        return sb.toString().strip();
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }

    private static String number(double d) {
        if (d == Math.rint(d)) return String.valueOf((long) d);
        return new BigDecimal(d).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String esc(String s) {
        return HtmlEscape.escapeHtml4Xml(s);
    }
}
