package io.modelcards.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.modelcards.render.Views.CardView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The catalogue's data file, {@code catalogue-data.js}: one short record per model, for catalogue.js to filter, sort
 * and page the catalogue in the browser. A script ({@code window.MODELCARDS_CATALOGUE = {...};}) rather than JSON,
 * since browsers refuse fetch() from file:// pages. Records are arrays in the order of {@code fields}:
 * <ul>
 * <li>a model's link is {@code href[0] + slug + href[1]}, relative to the site root; the slug is "" when it is the
 * name of ASCII letters and digits in lower case, runs of other characters made one '-' ({@link #plainSlug});
 * <li>{@code sizes} is the card's text, or 0 when that is {@code parameters} written as {@code 7B, 13B} (billions)
 * or {@code 350M} (under a billion) ({@link #sizesText});
 * <li>{@code parameters} are the variants' parameter counts in billions, smallest first;
 * <li>task, license and organisation are indices into their lists, whose entry 0 is "" (not named).
 * </ul>
 * About 160 bytes a model on the synthetic corpus (16 MB at 100,000 models).
 */
final class CatalogueData {
    static final String PATH = "catalogue-data.js";
    static final String VARIABLE = "window.MODELCARDS_CATALOGUE";
    static final List<String> FIELDS = List.of("name", "slug", "summary", "sizes", "parameters", "task", "license",
            "org", "results", "tables", "benchmarks", "checkpoints", "links");

    private static final BigDecimal MILLION = new BigDecimal("0.001");
    private static final BigDecimal LARGEST = new BigDecimal("100000");
    private static final ObjectWriter WRITER = JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build().writer().with(new ScriptSafeEscapes());

    private CatalogueData() {}

    /** The data file of {@code cards}, in the catalogue's (name) order. */
    static String script(List<CardView> cards) {
        return script(cards, new Memo());
    }

    /**
     * Each card's record as written by the last call, for serve: a record is written again only for a card that is not
     * the same instance, or when the lists its indices point into changed. Only the last call's records are kept.
     */
    static final class Memo {
        private List<List<String>> lists = List.of();
        private List<CardView> cards = List.of();
        /** Each card's record, by card instance (found by its place first). */
        private PassMemo<CardView, byte[]> records = new PassMemo<>();
    }

    /** Like {@link #script(List)}, with the records of unchanged cards from {@code memo}. */
    static String script(List<CardView> cards, Memo memo) {
        return new String(bytes(cards, memo), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * {@link #script(List, Memo)} as UTF-8 bytes, joined from each record's bytes into one array of the exact size
     * (serve writes this file again when a card's summary changes: 10,000 records made a string, its copy and its
     * bytes on every such edit).
     */
    static byte[] bytes(List<CardView> cards, Memo memo) {
        Made made = records(cards, memo);
        return OutputFile.joined(made.start(), made.records(), "]};\n");
    }

    static final String PART_VARIABLE = "window.MODELCARDS_CATALOGUE_PART";

    /**
     * The data files: the records grouped in order into files of at most {@code partBytes} bytes (OutputFile.groups).
     * With one group, {@value #PATH} is {@link #bytes}. With more, its {@code models} are the first group's and its
     * {@code parts} the paths of the other files ({@code catalogue-data-2.js}, …, relative to the site root), each of
     * which sets {@value #PART_VARIABLE} to its records: catalogue.js and compare.js load them one after the other and
     * append them, so the records keep the catalogue's order.
     */
    static List<OutputFile> files(List<CardView> cards, Memo memo, int partBytes) {
        Made made = records(cards, memo);
        List<List<byte[]>> groups = OutputFile.groups(made.records(), partBytes);
        List<OutputFile> files = new ArrayList<>(groups.size());
        files.add(new OutputFile(PATH, OutputFile.joined(made.start(), groups.get(0), groups.size() == 1 ? "]};\n"
                : "],\"parts\":" + OutputFile.pathList(groups.size(), CatalogueData::partPath) + "};\n")));
        for (int n = 2; n <= groups.size(); n++) {
            files.add(new OutputFile(partPath(n), OutputFile.joined(PART_VARIABLE + " = [", groups.get(n - 1), "];\n")));
        }
        return files;
    }

    /** The path of the data's {@code n}th file, from 2 on. */
    static String partPath(int n) {
        return "catalogue-data-" + n + ".js";
    }

    /** The script up to the first record, and each card's record (never empty). */
    private record Made(String start, List<byte[]> records) {}

    private static Made records(List<CardView> cards, Memo memo) {
        String prefix = SitePaths.model("\u0000");
        String[] href = prefix.split("\u0000", -1);
        // the last lists when each card is the last one in its place or names the same task, license and organisation
        boolean sameFacets = cards.size() == memo.cards.size() && memo.lists.size() == 4;
        for (int i = 0; sameFacets && i < cards.size(); i++) {
            CardView c = cards.get(i);
            CardView was = memo.cards.get(i);
            sameFacets = c == was || (c.task().equals(was.task()) && c.license().equals(was.license()) && c.org().equals(was.org()));
        }
        List<String> tasks = sameFacets ? memo.lists.get(1) : dictionary(cards, CardView::task);
        List<String> licenses = sameFacets ? memo.lists.get(2) : dictionary(cards, CardView::license);
        List<String> orgs = sameFacets ? memo.lists.get(3) : dictionary(cards, CardView::org);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", 1);
        root.put("pageSize", CataloguePages.PAGE_SIZE);
        root.put("href", List.of(href[0], href[1]));
        root.put("fields", FIELDS);
        root.put("tasks", tasks);
        root.put("licenses", licenses);
        root.put("orgs", orgs);
        List<List<Object>> sizes = new ArrayList<>();
        for (CataloguePages.SizeRange r : CataloguePages.SIZES) {
            sizes.add(java.util.Arrays.asList(r.id(), r.label(), r.min(), r.max() < 0 ? null : r.max()));
        }
        root.put("sizes", sizes);
        Map<String, Integer> taskIndex = index(tasks);
        Map<String, Integer> licenseIndex = index(licenses);
        Map<String, Integer> orgIndex = index(orgs);
        // the records, as Jackson writes the list of them: each one written alone, joined with commas
        List<List<String>> lists = List.of(List.of(href), tasks, licenses, orgs);
        // a card's record is kept while the lists its indices point into are the same; an edit replaces one or two
        // cards, and the others are found by their place (hashing every card was most of this)
        if (!lists.equals(memo.lists)) memo.records = new PassMemo<>();
        memo.records.next();
        List<byte[]> models = new ArrayList<>(cards.size());
        for (CardView c : cards) {
            byte[] record = memo.records.get(c);
            if (record == null) {
                String slug = c.href().startsWith(href[0]) && c.href().endsWith(href[1])
                        ? c.href().substring(href[0].length(), c.href().length() - href[1].length()) : c.href();
                if (slug.equals(plainSlug(c.name()))) slug = "";
                Object sizesText = !c.sizes().isEmpty() && c.sizes().equals(sizesText(c.parameters())) ? 0 : c.sizes();
                record = jsonBytes(List.of(c.name(), slug, c.summary(), sizesText, c.parameters(), taskIndex.get(c.task()),
                        licenseIndex.get(c.license()), orgIndex.get(c.org()), c.counts().results(), c.counts().tables(),
                        c.counts().benchmarks(), c.counts().checkpoints(), c.counts().links()));
                memo.records.put(c, record);
            }
            models.add(record);
        }
        memo.lists = lists;
        memo.cards = cards;
        String head = json(root); // {"version":1,…,"sizes":[…]}: "models" is the last member (but "parts")
        return new Made(VARIABLE + " = " + head.substring(0, head.length() - 1) + ",\"models\":[", models);
    }

    private static byte[] jsonBytes(Object value) {
        try {
            return WRITER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the catalogue data", e);
        }
    }

    private static String json(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the catalogue data", e);
        }
    }

    /**
     * The slug catalogue.js makes of a name when the data gives none: for a name of ASCII characters only, lower case,
     * each run of characters other than a-z and 0-9 one '-', none at either end; null for other names.
     */
    static String plainSlug(String name) {
        StringBuilder slug = new StringBuilder(name.length());
        boolean dash = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c > 127) return null;
            if (c >= 'A' && c <= 'Z') c = (char) (c + ('a' - 'A'));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (dash && slug.length() > 0) slug.append('-');
                slug.append(c);
                dash = false;
            } else {
                dash = true;
            }
        }
        return slug.toString();
    }

    /**
     * Parameter counts (billions) as catalogue.js writes them: 7B, 13B, 1.5B; 350M under a billion; null when a
     * count is not a whole number of millions from 1M to 100,000B (JavaScript would print it otherwise).
     */
    static String sizesText(List<BigDecimal> billions) {
        List<String> out = new ArrayList<>();
        for (BigDecimal b : billions) {
            BigDecimal plain = b.stripTrailingZeros();
            if (plain.scale() > 3 || plain.compareTo(MILLION) < 0 || plain.compareTo(LARGEST) >= 0) return null;
            out.add(plain.compareTo(BigDecimal.ONE) >= 0 ? plain.toPlainString() + "B"
                    : plain.movePointRight(3).toPlainString() + "M");
        }
        return String.join(", ", out);
    }

    /** "" first, then the values the cards name, sorted. */
    private static List<String> dictionary(List<CardView> cards, java.util.function.Function<CardView, String> facet) {
        TreeSet<String> values = new TreeSet<>();
        for (CardView c : cards) values.add(facet.apply(c));
        values.remove("");
        List<String> out = new ArrayList<>(values.size() + 1);
        out.add("");
        out.addAll(values);
        return out;
    }

    private static Map<String, Integer> index(List<String> values) {
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < values.size(); i++) index.put(values.get(i), i);
        return index;
    }

    /**
     * Escapes {@code <}, {@code >} and {@code &} (so no {@code </script>} or {@code <!--} can appear, should the file
     * ever be inlined) and U+2028, U+2029 (line ends to older JavaScript) as {@code \}{@code uXXXX}.
     */
    static final class ScriptSafeEscapes extends CharacterEscapes {
        private static final int[] ASCII = standardAsciiEscapesForJSON();

        static {
            ASCII['<'] = ESCAPE_STANDARD;
            ASCII['>'] = ESCAPE_STANDARD;
            ASCII['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII.clone();
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == 0x2028) return new SerializedString("\\u2028");
            if (ch == 0x2029) return new SerializedString("\\u2029");
            return null;
        }
    }
}
