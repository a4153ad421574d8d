package io.modelcards.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ChartSvgTest {
    private static ChartSvg.Point p(String x, String y) {
        return new ChartSvg.Point(new BigDecimal(x), new BigDecimal(y));
    }

    private static final ChartSvg.Spec SHOTS = new ChartSvg.Spec("chart-vqav2", "VQAv2: score against shots", "shots",
            "OE VQA acc.", false, List.of(
                    new ChartSvg.Series("IDEFICS 80B", List.of(p("0", "60.0"), p("4", "63.6"), p("8", "64.8"), p("16", "65.4"), p("32", "65.9"))),
                    new ChartSvg.Series("IDEFICS 9B", List.of(p("0", "50.9"), p("4", "55.4"), p("8", "56.4"), p("16", "57.0"), p("32", "57.9")))));

    @Test
    void drawsWellFormedSvgWithTitleDescriptionLegendAndEveryPoint() throws Exception {
        String svg = ChartSvg.svg(SHOTS);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertEquals("img", doc.getDocumentElement().getAttribute("role"));
        assertEquals("VQAv2: score against shots", doc.getElementsByTagName("title").item(0).getTextContent());
        String desc = doc.getElementsByTagName("desc").item(0).getTextContent();
        assertTrue(desc.contains("IDEFICS 80B: 60.0 at 0, 63.6 at 4"), desc);
        assertEquals(2, doc.getElementsByTagName("polyline").getLength());
        assertTrue(svg.contains(">IDEFICS 9B</text>"), "legend");
        assertTrue(svg.contains(">shots</text>") && svg.contains(">OE VQA acc.</text>"), "axis labels");
    }

    @Test
    void sameInputGivesSameBytes() {
        assertEquals(ChartSvg.svg(SHOTS), ChartSvg.svg(SHOTS));
    }

    @Test
    void nothingToDrawGivesNothing() {
        assertEquals("", ChartSvg.svg(new ChartSvg.Spec("c", "t", "x", "y", false, List.of())));
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
