package io.modelcards.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartSvgTest {
    private static ChartSvg.Point p(String x, String y) {
        return new ChartSvg.Point(new BigDecimal(x), new BigDecimal(y));
    }

    private static final ChartSvg.Spec SHOTS = new ChartSvg.Spec("chart-vqav2", "VQAv2: score against shots", "shots",
            "OE VQA acc.", false, List.of(
                    new ChartSvg.Series("IDEFICS 80B", List.of(p("0", "60.0"), p("4", "63.6"), p("8", "64.8"), p("16", "65.4"), p("32", "65.9"))),
                    new ChartSvg.Series("IDEFICS 9B", List.of(p("0", "50.9"), p("4", "55.4"), p("8", "56.4"), p("16", "57.0"), p("32", "57.9")))));

    private static final ChartSvg.Spec PARAMETERS = new ChartSvg.Spec("chart-params", "VQAv2 against parameters",
            "parameters", "OE VQA acc.", true, List.of(
                    new ChartSvg.Series("IDEFICS 9B", List.of(p("9000000000", "50.9"), p("80000000000", "60.0"))),
                    new ChartSvg.Series("Other", List.of(p("1000000000", "40.1"), p("2000000000", "41.5")))));

    @Test
    void writesTheDataJsChartDrawsWithEveryPointAsTheCardWritesIt() throws Exception {
        JsonNode data = new ObjectMapper().readTree(ChartSvg.data(List.of(SHOTS, PARAMETERS)));
        assertEquals("[\"IDEFICS 80B\",\"IDEFICS 9B\",\"Other\"]", data.get("names").toString(),
                "each series name once, in first use");
        JsonNode shots = data.get("charts").get(0);
        assertEquals("chart-vqav2", shots.get("id").asText());
        assertEquals("shots", shots.get("x").asText());
        assertEquals("OE VQA acc.", shots.get("y").asText());
        assertNull(shots.get("log"), "a linear x axis is the default");
        assertNull(shots.get("title"), "the title is the figure's caption");
        assertEquals("[[0,\"0 60.0 4 63.6 8 64.8 16 65.4 32 65.9\"],[1,\"0 50.9 4 55.4 8 56.4 16 57.0 32 57.9\"]]",
                shots.get("s").toString(), "x y pairs as the card writes them");
        JsonNode parameters = data.get("charts").get(1);
        assertTrue(parameters.get("log").asBoolean());
        assertEquals("[[1,\"9000000000 50.9 80000000000 60.0\"],[2,\"1000000000 40.1 2000000000 41.5\"]]",
                parameters.get("s").toString(), "a name used again is its first index");
    }

    @Test
    void noTextOfTheCardCanEndTheScriptElementItIsWrittenIn() throws Exception {
        String name = "</script><script>alert(1)</script>";
        String data = ChartSvg.data(List.of(new ChartSvg.Spec("c", "t <b>", "x <i>", "y", true,
                List.of(new ChartSvg.Series(name, List.of(p("1000000", "1"), p("2000000", "2")))))));
        assertFalse(data.contains("<"), data);
        JsonNode read = new ObjectMapper().readTree(data);
        assertEquals(name, read.get("names").get(0).asText(), "the text itself is kept");
        assertEquals("x <i>", read.get("charts").get(0).get("x").asText());
    }

    @Test
    void sameInputGivesSameBytes() {
        assertEquals(ChartSvg.data(List.of(SHOTS, PARAMETERS)), ChartSvg.data(List.of(SHOTS, PARAMETERS)));
    }

    @Test
    void nothingToDrawGivesNothing() {
        assertEquals("", ChartSvg.data(List.of()));
        assertEquals("", ChartSvg.data(List.of(new ChartSvg.Spec("c", "t", "x", "y", false, List.of()))));
        assertEquals("", ChartSvg.data(List.of(new ChartSvg.Spec("c", "t", "x", "y", false,
                List.of(new ChartSvg.Series("empty", List.of()))))));
        JsonNode one = read(ChartSvg.data(List.of(new ChartSvg.Spec("c", "t", "x", "y", false,
                List.of(new ChartSvg.Series("empty", List.of()))), SHOTS)));
        assertEquals(1, one.get("charts").size(), "a chart without a point is left out");
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void parameterCountsAreShownReadably() {
        assertEquals("1.55B", ChartSvg.human(new BigDecimal("1550000000")));
        assertEquals("39M", ChartSvg.human(new BigDecimal("39000000")));
    }

    @Test
    void coordinatesAreFormattedExactlyAsTheFormatterDoesWithoutATrailingZero() {
        java.util.Random random = new java.util.Random(7);
        double[] edges = {0, -0.0, 0.05, 0.15, 0.25, -0.04, -0.05, 1.45, 2.675, 99.95, 1e16, -1e16, 123456.789,
                Double.NaN, Double.POSITIVE_INFINITY, -1234.5678};
        for (double d : edges) assertEquals(oneDecimal(d), ChartSvg.fmt(d), "" + d);
        for (int i = 0; i < 200_000; i++) {
            double d = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(8));
            if (i % 3 == 0) d = Math.round(d * 100) / 100.0; // values with two decimals, as scores are
            assertEquals(oneDecimal(d), ChartSvg.fmt(d), "" + d);
        }
    }

    private static String oneDecimal(double d) {
        String s = String.format(java.util.Locale.ROOT, "%.1f", d);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
