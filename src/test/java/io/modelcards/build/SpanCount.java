package io.modelcards.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import io.modelcards.render.OutputFile;
import org.jsoup.nodes.Element;

/**
 * Counts rowspan and colspan (values above 1) in the HTML tables of a folder of cards and in the model pages of
 * a site built from it, per card, so that a test or a person can check that every span of the input reaches the
 * output. Fenced code is left out of the input: a table there is shown as code. Run on a folder of cards with
 * {@code mvn -q exec:java}-like classpaths: {@code java -cp target/classes:target/test-classes:<dependencies>
 * io.modelcards.build.SpanCount DIR}.
 */
final class SpanCount {
    private static final Pattern FENCE = Pattern.compile("(?m)^ {0,3}(`{3,}|~{3,})[^\\n]*\\n(?s:.*?)(?:^ {0,3}\\1\\s*$|\\z)");

    record Counts(int rowSpans, int colSpans) {
        Counts plus(Counts o) {
            return new Counts(rowSpans + o.rowSpans, colSpans + o.colSpans);
        }
    }

    private SpanCount() {}

    /** Spans in the source of each card, keyed by the card's path relative to {@code content}, with "/". */
    static Map<String, Counts> inSources(Path content) {
        Map<String, Counts> out = new TreeMap<>();
        for (Path f : files(content, ".md")) {
            String text = FENCE.matcher(read(f)).replaceAll("");
            Counts c = count(Jsoup.parse(text).select("td, th"));
            if (c.rowSpans() + c.colSpans() > 0) out.put(relative(content, f), c);
        }
        return out;
    }

    /**
     * Spans in the tables of the model pages of a build, keyed by the source path of the page's model (the path
     * the build was given).
     */
    static Map<String, Counts> inOutput(BuildResult result) {
        Map<String, String> sourceByPage = new java.util.HashMap<>();
        for (io.modelcards.model.Model m : result.site().models()) {
            sourceByPage.put("models/" + m.slug() + "/index.html", m.origin().path());
        }
        Map<String, Counts> out = new TreeMap<>();
        for (OutputFile f : result.files()) {
            String source = sourceByPage.get(f.path());
            if (source == null) continue;
            for (Element table : Jsoup.parse(f.asText()).select("table.data-table")) {
                Counts c = count(table.select("td, th"));
                if (c.rowSpans() + c.colSpans() > 0) out.merge(source, c, Counts::plus);
            }
        }
        return out;
    }

    /** The output counts of the card at {@code key} (a path relative to the content folder). */
    static Counts of(Map<String, Counts> output, String key) {
        Counts sum = new Counts(0, 0);
        for (var e : output.entrySet()) {
            if (e.getKey().equals(key) || e.getKey().endsWith("/" + key)) sum = sum.plus(e.getValue());
        }
        return sum;
    }

    private static Counts count(List<Element> cells) {
        int rows = 0;
        int cols = 0;
        for (Element cell : cells) {
            if (number(cell.attr("rowspan")) > 1) rows++;
            if (number(cell.attr("colspan")) > 1) cols++;
        }
        return new Counts(rows, cols);
    }

    private static int number(String v) {
        String digits = v.strip().replaceFirst("^(\\d{1,9}).*", "$1");
        return digits.matches("\\d+") ? Integer.parseInt(digits) : 1;
    }

    private static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix) && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(dir.toString(), e);
        }
    }

    private static String read(Path f) {
        try {
            return new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(f.toString(), e);
        }
    }

    private static String relative(Path root, Path f) {
        return root.relativize(f).toString().replace('\\', '/');
    }

    /**
     * Prints, per card with spans, rowspans and colspans in and out, then the totals. Each folder holding
     * Markdown files is built on its own (cards of different folders may share model names).
     */
    public static void main(String[] args) {
        Path content = Path.of(args[0]);
        Map<String, Counts> in = inSources(content);
        Map<String, Counts> out = new TreeMap<>();
        java.util.Set<Path> folders = new java.util.TreeSet<>();
        for (String card : in.keySet()) folders.add(content.resolve(card).getParent());
        for (Path folder : folders) {
            BuildResult result = new SiteBuilder().render(BuildOptions.defaults().withContent(folder).withReport(null));
            inOutput(result).forEach((k, v) -> out.merge(k, v, Counts::plus));
        }
        Counts totalIn = new Counts(0, 0);
        Counts totalOut = new Counts(0, 0);
        for (var e : in.entrySet()) {
            Counts o = of(out, e.getKey());
            totalIn = totalIn.plus(e.getValue());
            totalOut = totalOut.plus(o);
            System.out.printf("%s\trowspan %d -> %d\tcolspan %d -> %d%s%n", e.getKey(), e.getValue().rowSpans(), o.rowSpans(),
                    e.getValue().colSpans(), o.colSpans(), e.getValue().equals(o) ? "" : "\tDIFFERS");
        }
        System.out.printf("total: %d cards, rowspan %d -> %d, colspan %d -> %d%n", in.size(), totalIn.rowSpans(),
                totalOut.rowSpans(), totalIn.colSpans(), totalOut.colSpans());
    }
}
