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
 * Finds a model's variants from the shapes of its tables and lists, never from its name: the row groups of
 * benchmark tables ("IDEFICS 80B"), the rows of link matrices and variant tables (a name or size column, a
 * parameter count, links per flavour), and list items of the form {@code `vit_b`: [checkpoint](url)}. Parameter
 * counts come from a quantity cell or a size in the name (80B). A model with none is its own single variant.
 */
final class VariantExtractor {
    private static final Pattern SIZE_IN_NAME = Pattern.compile("(?<![\\w.])(\\d+(?:\\.\\d+)?\\s?[KkMmBbTt])(?![\\w])");

    private VariantExtractor() {}

    static List<Variant> extract(Model model) {
        Map<String, Variant> found = new LinkedHashMap<>();
        for (Block b : model.blocks()) {
            if (b instanceof Block.TableBlock tb) fromTable(tb.table(), found);
            else if (b instanceof Block.ListBlock lb) fromList(lb, model, found);
        }
        if (found.isEmpty()) found.put(model.name(), named(model.name(), Map.of(), List.of()));
        return new ArrayList<>(found.values());
    }

    private static void fromTable(Table t, Map<String, Variant> found) {
        if (t.kind() == TableKind.BENCHMARK) {
            for (Row r : t.rows()) {
                if (!r.group().isBlank()) found.putIfAbsent(r.group(), named(r.group(), Map.of(), List.of()));
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
            BigDecimal parameters = null;
            String parametersText = "";
            if (nameCell.value() instanceof CellValue.Quantity q) {
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
                } else if (cell.value() instanceof CellValue.Quantity q && parameters == null) {
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

    /** Items such as {@code `default` or `vit_h`: [ViT-H SAM model.](url)}: the last code span names it. */
    private static void fromList(Block.ListBlock list, Model model, Map<String, Variant> found) {
        for (String item : list.items()) {
            Element body = Jsoup.parseBodyFragment(item).body();
            String text = body.text();
            int colon = text.indexOf(':');
            if (colon < 0) continue;
            List<String> names = new ArrayList<>();
            for (Element code : body.select("code")) {
                if (text.indexOf(code.text()) < colon) names.add(code.text());
            }
            List<Element> anchors = body.select("a[href]");
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
