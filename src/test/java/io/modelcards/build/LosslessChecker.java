package io.modelcards.build;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Counts, without the normalizer, every numeric token in the raw source of a model's tables and every link
 * in its raw section, and compares them with the typed cells and links of models.json and with the text of the
 * rendered page. Reports each number whose count differs, and differing link counts.
 */
final class LosslessChecker {
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");
    private static final Pattern RAW_LINK = Pattern.compile("\\]\\(\\s*https?:|href\\s*=");

    private LosslessChecker() {}

    /** @param rawSection the model's lines of the content file, from its heading to the next model's */
    static List<String> check(String slug, String rawSection, JsonNode modelJson, String pageHtml) {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> source = count(tokens(rawTables(rawSection)));
        compare(slug, "models.json", source, count(typedNumbers(modelJson)), problems);
        compare(slug, "the page", source, count(pageNumbers(pageHtml)), problems);
        int rawLinks = 0;
        for (Matcher m = RAW_LINK.matcher(rawSection); m.find(); ) rawLinks++;
        int jsonLinks = modelJson.path("links").size();
        int pageLinks = Jsoup.parse(pageHtml).select("article a[href^=http]").size();
        if (rawLinks != jsonLinks) problems.add(slug + ": " + rawLinks + " links in the source, " + jsonLinks + " in models.json");
        if (rawLinks != pageLinks) problems.add(slug + ": " + rawLinks + " links in the source, " + pageLinks + " on the page");
        return problems;
    }

    /** Lines of Markdown tables (| ... |, without the delimiter row) and of HTML tables, tags and link targets cut. */
    static String rawTables(String section) {
        StringBuilder sb = new StringBuilder();
        boolean inHtml = false;
        for (String line : section.split("\n", -1)) {
            String t = line.strip();
            if (t.toLowerCase().startsWith("<table")) inHtml = true;
            boolean gfm = t.startsWith("|") && !t.matches("[|:\\-\\s]+");
            if (gfm || inHtml) sb.append(line).append('\n');
            if (t.toLowerCase().startsWith("</table")) inHtml = false;
        }
        String text = sb.toString().replaceAll("\\]\\([^)]*\\)", "]").replaceAll("<[^>]*>", " ");
        return Parser.unescapeEntities(text, false);
    }

    static List<String> typedNumbers(JsonNode model) {
        List<String> out = new ArrayList<>();
        for (JsonNode block : model.path("blocks")) {
            if (!block.path("type").asText().equals("table")) continue;
            JsonNode table = block.path("table");
            for (JsonNode col : table.path("columns")) {
                out.addAll(tokens(col.path("text").asText()));
                col.path("annotations").forEach(v -> out.addAll(tokens(v.asText())));
            }
            for (JsonNode row : table.path("rows")) {
                for (JsonNode cell : row.path("cells")) {
                    JsonNode v = cell.path("value");
                    if (v.isNumber()) {
                        out.add(key(v.decimalValue())); // a number's short form
                        continue;
                    }
                    if (!cell.has("value") && !cell.has("spanOf")) {
                        out.addAll(tokens(cell.has("text") ? cell.path("text").asText() : cell.path("source").asText()));
                        continue; // a text cell's value is its text
                    }
                    switch (v.path("type").asText()) {
                        case "number", "quantity" -> out.add(key(v.path("value").decimalValue()));
                        case "delta" -> {
                            out.add(key(v.path("value").decimalValue()));
                            out.add(key(v.path("delta").decimalValue()));
                        }
                        case "composite" -> v.path("parts").forEach(p -> {
                            out.add(key(p.path("value").decimalValue()));
                            if (p.path("delta").isNumber()) out.add(key(p.path("delta").decimalValue()));
                            out.addAll(tokens(p.path("name").asText()));
                        });
                        case "text" -> out.addAll(tokens(v.path("value").asText()));
                        default -> { }
                    }
                }
            }
        }
        return out;
    }

    /**
     * Numbers of the page's tables as a reader sees them, without captions, screen-reader-only repeats and the marks
     * of corrected links ("fixed 1"); a change's real minus sign (−22.7) reads as the card's "-22.7".
     */
    static List<String> pageNumbers(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("article table caption, article table .group-repeat, article table .visually-hidden, "
                + "article table .col-note, article table .fixed-link").remove();
        doc.select("article table.summary").remove(); // the results summary repeats the tables' values
        List<String> out = new ArrayList<>();
        for (Element table : doc.select("article table")) {
            for (Element cell : table.select("th, td")) out.addAll(tokens(cell.text().replace('\u2212', '-')));
        }
        return out;
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (Matcher m = NUMBER.matcher(text); m.find(); ) out.add(key(new BigDecimal(m.group())));
        return out;
    }

    private static String key(BigDecimal n) {
        BigDecimal s = n.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    private static Map<String, Integer> count(List<String> tokens) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String t : tokens) counts.merge(t, 1, Integer::sum);
        return counts;
    }

    private static void compare(String slug, String where, Map<String, Integer> source, Map<String, Integer> found,
                                List<String> problems) {
        TreeSet<String> keys = new TreeSet<>(source.keySet());
        keys.addAll(found.keySet());
        for (String k : keys) {
            int a = source.getOrDefault(k, 0);
            int b = found.getOrDefault(k, 0);
            if (a != b) problems.add(slug + ": " + k + " appears " + a + "× in the source tables but " + b + "× in " + where);
        }
    }
}
