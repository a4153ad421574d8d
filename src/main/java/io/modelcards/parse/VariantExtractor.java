package io.modelcards.parse;

import io.modelcards.model.Block;
import io.modelcards.model.Cell;
import io.modelcards.model.CellValue;
import io.modelcards.model.Link;
import io.modelcards.model.Model;
import io.modelcards.model.Row;
import io.modelcards.model.Table;
import io.modelcards.model.TableKind;
import io.modelcards.model.Variant;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Finds a model's variants from the shapes of its tables and lists, never from its name alone: the row groups of
 * benchmark tables that carry the model's name ("IDEFICS 80B" in IDEFICS; a row "GPT-3 175B" of a comparison is
 * another model, and a row "MMLU" a benchmark), the text rows of link matrices and variant tables (a name or
 * size column, a parameter count, links per flavour), and list items of the form {@code `vit_b`: [checkpoint](url)}.
 * A parameter count needs evidence: a millions/billions size in the variant's name (80B, 1.3 B) or a quantity
 * under a header that says parameters or size; never a bare score, and never a context length (8K) or a token
 * count. A model with none is its own single variant.
 */
final class VariantExtractor {
    // jsoup's queries, each parsed once: select(String) and closest(String) parse theirs on every call
    private static final org.jsoup.select.Evaluator CODE = org.jsoup.select.QueryParser.parse("code");
    private static final org.jsoup.select.Evaluator LINKS = org.jsoup.select.QueryParser.parse("a[href]");

    private static final Pattern SIZE_IN_NAME = Pattern.compile("(?<![\\w.])(\\d+(?:\\.\\d+)?\\s?[MmBbTt])(?![\\w])");
    private static final Pattern PARAMETER_HEADER = Pattern.compile("(?i)param|size|#\\s*p\\b|\\bweights?\\b");
    private static final Pattern NOT_PARAMETERS = Pattern.compile(
            "(?i)context|length|token|seq|vocab|window|data|memory|vram|disk|file|download|batch|step|flops|speed|image|resolution");

    private VariantExtractor() {}

    static List<Variant> extract(Model model) {
        Map<String, Variant> found = new LinkedHashMap<>();
        for (Block b : model.blocks()) {
            if (b instanceof Block.TableBlock tb) fromTable(tb.table(), model, found);
            else if (b instanceof Block.ListBlock lb) fromList(lb, model, found);
        }
        if (found.isEmpty()) found.put(model.name(), named(model.name(), Map.of(), List.of()));
        return new ArrayList<>(found.values());
    }

    private static void fromTable(Table t, Model model, Map<String, Variant> found) {
        if (t.kind() == TableKind.BENCHMARK) {
            for (Row r : t.rows()) {
                if (!r.group().isBlank() && carriesName(r.group(), model)) {
                    found.putIfAbsent(r.group(), named(r.group(), Map.of(), List.of()));
                }
            }
            return;
        }
        if (t.kind() != TableKind.LINK_MATRIX && t.kind() != TableKind.VARIANTS) return;
        List<List<Cell>> cells = new ArrayList<>();
        for (Row r : t.rows()) cells.add(r.cells());
        int label = TableBuilder.labelColumn(t.columns(), cells);
        for (Row r : t.rows()) {
            if (r.cells().size() <= label || r.cells().get(label).isBlank()) continue;
            Cell nameCell = r.cells().get(label);
            String name = nameCell.text();
            if (isScore(nameCell.value())) continue; // a number names no variant
            BigDecimal parameters = null;
            String parametersText = "";
            String labelHeader = label < t.columns().size() ? t.columns().get(label).text() : "";
            if (nameCell.value() instanceof CellValue.Quantity q && saysParameters(labelHeader, nameCell.text())) {
                parameters = q.base();
                parametersText = nameCell.text();
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            List<Link> links = new ArrayList<>();
            for (int c = label + 1; c < r.cells().size(); c++) {
                Cell cell = r.cells().get(c);
                String header = c < t.columns().size() ? t.columns().get(c).text() : "";
                if (!cell.links().isEmpty()) {
                    for (Link l : cell.links()) {
                        String text = header.isEmpty() ? l.text() : cell.links().size() == 1 ? header : header + " (" + l.text() + ")";
                        links.add(new Link(text, l.href(), l.origin(), l.originalHref(), l.note()));
                    }
                } else if (cell.value() instanceof CellValue.Quantity q && parameters == null
                        && saysParameters(header, cell.text())) {
                    parameters = q.base();
                    parametersText = cell.text();
                } else if (!(cell.value() instanceof CellValue.Missing) && !header.isEmpty()) {
                    attributes.put(header, cell.text());
                }
            }
            if (parameters == null) {
                Variant fromName = named(name, attributes, links);
                found.putIfAbsent(name, fromName);
            } else {
                found.putIfAbsent(name, new Variant(name, parameters, parametersText, attributes, links));
            }
        }
    }

    /** A bare number, percentage or score names no variant. */
    private static boolean isScore(CellValue v) {
        return !(v instanceof CellValue.Text) && !(v instanceof CellValue.Quantity) && !(v instanceof CellValue.Missing);
    }

    /**
     * A quantity is a parameter count when its header says parameters or size (and not context, tokens, data…),
     * or, under a header that says nothing, when it is in millions or billions (7B, 1.3 B, 350M).
     */
    static boolean saysParameters(String header, String text) {
        if (NOT_PARAMETERS.matcher(header).find()) return false;
        if (PARAMETER_HEADER.matcher(header).find()) return true;
        return SIZE_IN_NAME.matcher(text.strip()).matches() || text.toLowerCase(java.util.Locale.ROOT).contains("param");
    }

    /**
     * Whether a benchmark table's row group is a variant of this model: it starts with the first word of the
     * model's name or of its card id ("IDEFICS 80B" of IDEFICS, "distilbert-base" of distilbert-base-sst2).
     */
    static boolean carriesName(String group, Model model) {
        String g = firstWord(group);
        if (g.isEmpty()) return false;
        String id = model.id();
        return g.equals(firstWord(model.name())) || g.equals(firstWord(id.substring(id.lastIndexOf('/') + 1)))
                || g.equals(firstWord(model.heading()));
    }

    private static String firstWord(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT).strip();
        int end = 0;
        while (end < t.length() && Character.isLetterOrDigit(t.charAt(end))) end++;
        return t.substring(0, end);
    }

    /** Whether {@code html} has a {@code <code} tag, in any case (what jsoup would make a code element of). */
    static boolean hasCode(String html) {
        for (int i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
            if (html.regionMatches(true, i + 1, "code", 0, 4)) return true;
        }
        return false;
    }

    /** Items such as {@code `default` or `vit_h`: [ViT-H SAM model.](url)}: the last code span names it. */
    private static void fromList(Block.ListBlock list, Model model, Map<String, Variant> found) {
        for (String item : list.items()) {
            // a variant's name is a code element of the item: one without one is not read (as HTML: 1 % of a
            // 10,000-card build's samples went to parsing items such as "[Model 7B](…): 7B parameters")
            if (!hasCode(item)) continue;
            Element body = Jsoup.parseBodyFragment(item).body();
            String text = body.text();
            int colon = text.indexOf(':');
            if (colon < 0) continue;
            List<String> names = new ArrayList<>();
            for (Element code : body.select(CODE)) {
                if (text.indexOf(code.text()) < colon) names.add(code.text());
            }
            List<Element> anchors = body.select(LINKS);
            if (names.isEmpty() || anchors.isEmpty()) continue;
            String name = names.get(names.size() - 1);
            Map<String, String> attributes = new LinkedHashMap<>();
            if (names.size() > 1) attributes.put("also called", String.join(", ", names.subList(0, names.size() - 1)));
            List<Link> links = new ArrayList<>();
            for (Element a : anchors) links.add(placed(a.text(), a.attr("href"), model, list));
            found.putIfAbsent(name, named(name, attributes, links));
        }
    }

    /** The link as the model records it (with its source line), or one placed at the list. */
    private static Link placed(String text, String href, Model model, Block.ListBlock list) {
        for (Link l : model.links()) if (l.href().equals(href) || l.originalHref().equals(href)) return l;
        return Link.of(text, href, list.origin());
    }

    /** A variant whose parameter count, if any, is the size in its name (IDEFICS 80B → 80B). */
    static Variant named(String name, Map<String, String> attributes, List<Link> links) {
        Matcher m = SIZE_IN_NAME.matcher(name);
        if (m.find() && CellTyper.type(m.group(1), List.of()) instanceof CellValue.Quantity q) {
            return new Variant(name, q.base(), m.group(1), attributes, links);
        }
        return new Variant(name, null, "", attributes, links);
    }
}
