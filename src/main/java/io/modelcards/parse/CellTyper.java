package io.modelcards.parse;

import io.modelcards.model.CellValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the typed value of a table cell from its plain text: numbers, {@code value (delta)}, composites
 * ({@code 8.0/18.75/22.5}, optionally with per-part deltas or labels), quantities ({@code 39 M}, {@code 613K}),
 * flags (✓ ✖), missing ({@code -}, {@code x}, empty) and text. Never throws on any input.
 */
public final class CellTyper {
    private static final String NUM = "[-+−]?(?:\\d+(?:[.,']\\d+)*\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?";
    private static final Pattern NUMBER = Pattern.compile(NUM);
    private static final Pattern PERCENT = Pattern.compile("(" + NUM + ")\\s*%");
    private static final Pattern DELTA = Pattern.compile("(" + NUM + ")\\s*\\(\\s*(" + NUM + ")\\s*\\)");
    private static final Pattern QUANTITY = Pattern.compile("(" + NUM + ")\\s*([kKmMbBtT])(?:\\s*(params|parameters|tokens))?");
    private static final Pattern LABELLED_PART = Pattern.compile("(" + NUM + ")\\s*\\(\\s*([^()0-9][^()]*)\\)");
    private static final int MAX_PARTS = 16;

    private CellTyper() {}

    /** Types a cell's text; {@code partNames} come from the column header (e.g. group/text/image). */
    public static CellValue type(String rawText, List<String> partNames) {
        String text = rawText == null ? "" : rawText.strip();
        // Text normally arrives decoded; a stray entity such as &#10004; (from a source read as text) is decoded too.
        if (text.indexOf('&') >= 0) text = org.jsoup.parser.Parser.unescapeEntities(text, false).strip();
        if (text.length() > 200) return new CellValue.Text(text);
        if (isMissing(text)) return new CellValue.Missing();
        Boolean flag = flag(text);
        if (flag != null) return new CellValue.Flag(flag);
        // every form below starts with a number (NUM): other texts, half a card's cells, skip the five patterns
        if (!mayStartNumber(text.charAt(0))) return new CellValue.Text(text);
        BigDecimal n = number(text);
        if (n != null) return new CellValue.Number(n);
        Matcher m = PERCENT.matcher(text);
        if (m.matches()) {
            BigDecimal v = number(m.group(1));
            if (v != null) return new CellValue.Number(v);
        }
        m = DELTA.matcher(text);
        if (m.matches()) {
            BigDecimal v = number(m.group(1));
            BigDecimal d = number(m.group(2));
            if (v != null && d != null) return new CellValue.Delta(v, d);
        }
        CellValue composite = composite(text, partNames);
        if (composite != null) return composite;
        m = QUANTITY.matcher(text);
        if (m.matches()) {
            BigDecimal v = number(m.group(1));
            if (v != null) return new CellValue.Quantity(v, m.group(2) + (m.group(3) == null ? "" : " " + m.group(3)),
                    base(v.multiply(scale(m.group(2)))));
        }
        return new CellValue.Text(text);
    }

    /** Whether {@code c} can begin {@link #NUM}: a sign, an ASCII digit or a point. */
    private static boolean mayStartNumber(char c) {
        return c >= '0' && c <= '9' || c == '-' || c == '+' || c == '−' || c == '.';
    }

    static boolean isMissing(String text) {
        return text.isEmpty() || text.equals("-") || text.equals("–") || text.equals("—") || text.equals("--")
                || text.equalsIgnoreCase("x") || text.equalsIgnoreCase("n/a") || text.equals("?");
    }

    /** true for a check mark, false for a cross, null for anything else. */
    static Boolean flag(String text) {
        return switch (text) {
            case "✓", "✔", "✔️", "☑", "✅", "\u2714\uFE0E" -> Boolean.TRUE;
            case "✗", "✖", "✘", "❌", "✖️", "\u2716\uFE0E" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** A plain decimal number (with thousands separators or a trailing dot, as in "0."), or null. */
    static BigDecimal number(String text) {
        String t = text.strip().replace('−', '-');
        if (!isPlainDecimal(t) && !NUMBER.matcher(t).matches()) return null;
        if (t.contains(",") || t.contains("'")) {
            if (!THOUSANDS.matcher(t).matches()) return null;
            t = t.replace(",", "").replace("'", "");
        }
        if (t.endsWith(".")) t = t.substring(0, t.length() - 1);
        try {
            return new BigDecimal(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Digits with at most one dot among or after them and an optional sign ("68.2", "-3", "0.", ".5"): most numbers of
     * a card, told without a regular expression (cell typing was a thirtieth of a 10,000-card build).
     */
    private static boolean isPlainDecimal(String t) {
        int i = t.startsWith("+") || t.startsWith("-") ? 1 : 0;
        boolean digit = false;
        boolean dot = false;
        for (; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') digit = true;
            else if (c == '.' && !dot) dot = true;
            else return false;
        }
        return digit;
    }

    private static final Pattern THOUSANDS = Pattern.compile("[-+]?\\d{1,3}([,']\\d{3})+(\\.\\d+)?");
    private static final Pattern TRAILING_DELTAS = Pattern.compile("^(.*?)\\s*\\(([^()]*/[^()]*)\\)$");

    private static CellValue composite(String text, List<String> partNames) {
        if (!text.contains("/")) return null;
        String values = text;
        String deltas = null;
        Matcher trailing = TRAILING_DELTAS.matcher(text);
        if (trailing.matches()) {
            values = trailing.group(1);
            deltas = trailing.group(2);
        }
        String[] pieces = values.split("/", -1);
        if (pieces.length < 2 || pieces.length > MAX_PARTS) return null;
        String[] deltaPieces = deltas == null ? null : deltas.split("/", -1);
        if (deltaPieces != null && deltaPieces.length != pieces.length) return null;
        List<CellValue.Part> parts = new ArrayList<>();
        for (int i = 0; i < pieces.length; i++) {
            String piece = pieces[i].strip();
            String name = i < partNames.size() ? partNames.get(i) : "part" + (i + 1);
            BigDecimal v = number(piece);
            if (v == null) {
                Matcher lm = LABELLED_PART.matcher(piece);
                if (!lm.matches()) return null;
                v = number(lm.group(1));
                name = lm.group(2).strip();
                if (v == null) return null;
            }
            BigDecimal d = null;
            if (deltaPieces != null) {
                d = number(deltaPieces[i]);
                if (d == null) return null;
            }
            parts.add(new CellValue.Part(name, v, d));
        }
        return new CellValue.Composite(parts);
    }

    /**
     * 1.55 × 10⁹ as 1550000000, not 1.55E+9; 1.31 M as 1310000. A number of more than {@value #PLAIN_DIGITS} digits
     * before its point ("1.2e999883373T", found by the fuzz test) keeps its exponent: written out it would overflow
     * BigInteger or fill the heap.
     */
    private static BigDecimal base(BigDecimal n) {
        BigDecimal s = n.stripTrailingZeros();
        return s.scale() < 0 && (long) s.precision() - s.scale() <= PLAIN_DIGITS ? s.setScale(0) : s;
    }

    private static final int PLAIN_DIGITS = 1000;

    private static BigDecimal scale(String unit) {
        return switch (unit.toUpperCase(Locale.ROOT)) {
            case "K" -> BigDecimal.TEN.pow(3);
            case "M" -> BigDecimal.TEN.pow(6);
            case "B" -> BigDecimal.TEN.pow(9);
            case "T" -> BigDecimal.TEN.pow(12);
            default -> BigDecimal.ONE;
        };
    }
}
