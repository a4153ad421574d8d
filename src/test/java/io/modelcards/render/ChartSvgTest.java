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

    @Test
    void writesTheDataJsChartDrawsWithEveryPointAsTheCardWritesIt() throws Exception {
        JsonNode data = new ObjectMapper().readTree(ChartSvg.data(SHOTS));
        assertEquals("VQAv2: score against shots", data.get("title").asText());
        assertEquals("shots", data.get("x").asText());
        assertEquals("OE VQA acc.", data.get("y").asText());
        assertNull(data.get("log"), "a linear x axis is the default");
        assertEquals(2, data.get("series").size());
        assertEquals("IDEFICS 9B", data.get("series").get(1).get("name").asText());
        assertEquals("[[\"0\",\"60.0\"],[\"4\",\"63.6\"],[\"8\",\"64.8\"],[\"16\",\"65.4\"],[\"32\",\"65.9\"]]",
                data.get("series").get(0).get("points").toString());
    }

    @Test
    void noTextOfTheCardCanEndTheScriptElementItIsWrittenIn() throws Exception {
        String name = "</script><script>alert(1)</script>";
        String data = ChartSvg.data(new ChartSvg.Spec("c", "t <b>", "x", "y", true,
                List.of(new ChartSvg.Series(name, List.of(p("1000000", "1"), p("2000000", "2"))))));
        assertFalse(data.contains("<"), data);
        JsonNode read = new ObjectMapper().readTree(data);
        assertEquals(name, read.get("series").get(0).get("name").asText(), "the text itself is kept");
        assertTrue(read.get("log").asBoolean());
    }

    @Test
    void sameInputGivesSameBytes() {
        assertEquals(ChartSvg.data(SHOTS), ChartSvg.data(SHOTS));
    }

    @Test
    void nothingToDrawGivesNothing() {
        assertEquals("", ChartSvg.data(new ChartSvg.Spec("c", "t", "x", "y", false, List.of())));
        assertEquals("", ChartSvg.data(new ChartSvg.Spec("c", "t", "x", "y", false,
                List.of(new ChartSvg.Series("empty", List.of())))));
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
