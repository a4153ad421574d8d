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
    /** A number as written; {@link #isNumber}, {@link #percentEnd} and {@link #delta} read it (and its forms
     * {@code NUM\s*%} and {@code NUM\s*\(\s*NUM\s*\)}) without a regular expression. */
    static final String NUM = "[-+−]?(?:\\d+(?:[.,']\\d+)*\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?";
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
        // a percentage and a delta read by hand: "37.4 (-22.7)" went through three regular expressions, about 2 % of the
        // CPU of a 10,000-card build (CellTyperTest compares these readers with the patterns)
        int percent = percentEnd(text);
        if (percent >= 0) {
            BigDecimal v = number(text.substring(0, percent));
            if (v != null) return new CellValue.Number(v);
        }
        int[] delta = delta(text);
        if (delta != null) {
            BigDecimal v = number(text.substring(0, delta[0]));
            BigDecimal d = number(text.substring(delta[1], delta[2]));
            if (v != null && d != null) return new CellValue.Delta(v, d);
        }
        CellValue.Spread spread = spread(text);
        if (spread != null) return spread;
        CellValue composite = composite(text, partNames);
        if (composite != null) return composite;
        Matcher m = QUANTITY.matcher(text);
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
        if (!isPlainDecimal(t) && !isNumber(t, 0, t.length())) return null;
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

    /**
     * Whether {@code t} from {@code from} to {@code to} is one {@link #NUM}, as a full match of {@link #NUM}
     * tells: an optional sign, then either digits whose separators ({@code . , '}) each stand before a digit, with one
     * trailing point allowed, or a point and digits; then an optional exponent. Digits are ASCII, as {@code \d}.
     */
    static boolean isNumber(CharSequence t, int from, int to) {
        int i = from;
        if (i < to && (t.charAt(i) == '-' || t.charAt(i) == '+' || t.charAt(i) == '−')) i++;
        if (i >= to) return false;
        if (t.charAt(i) == '.') {
            int digits = ++i;
            while (i < to && isDigit(t.charAt(i))) i++;
            if (i == digits) return false;
        } else if (isDigit(t.charAt(i))) {
            i++;
            while (i < to) {
                char c = t.charAt(i);
                if (isDigit(c)) i++;
                else if ((c == '.' || c == ',' || c == '\'') && i + 1 < to && isDigit(t.charAt(i + 1))) i += 2;
                else break;
            }
            if (i < to && t.charAt(i) == '.') i++;
        } else {
            return false;
        }
        if (i < to && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < to && (t.charAt(j) == '-' || t.charAt(j) == '+')) j++;
            int digits = j;
            while (j < to && isDigit(t.charAt(j))) j++;
            if (j > digits) i = j;
        }
        return i == to;
    }

    /** An ASCII digit, as {@code \d} of a regular expression. */
    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code \s} of a regular expression: ASCII whitespace only. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Where the number ends when all of {@code text} is a number and a percent sign ({@code 68.2 %}), else -1. */
    static int percentEnd(String text) {
        int end = text.length() - 1;
        if (end < 1 || text.charAt(end) != '%') return -1;
        while (end > 0 && isSpace(text.charAt(end - 1))) end--;
        return isNumber(text, 0, end) ? end : -1;
    }

    /**
     * When all of {@code text} is a number and a delta ({@code 37.4 (-22.7)}): the end of its value, and the start and end of its
     * delta; else null. Neither number holds a parenthesis, so the first one in the text opens the delta.
     */
    static int[] delta(String text) {
        int last = text.length() - 1;
        int open = text.indexOf('(');
        if (open < 1 || text.charAt(last) != ')') return null;
        int valueEnd = open;
        while (valueEnd > 0 && isSpace(text.charAt(valueEnd - 1))) valueEnd--;
        int start = open + 1;
        while (start < last && isSpace(text.charAt(start))) start++;
        int end = last;
        while (end > start && isSpace(text.charAt(end - 1))) end--;
        return isNumber(text, 0, valueEnd) && isNumber(text, start, end) ? new int[] {valueEnd, start, end} : null;
    }

    /**
     * {@code 84.9 ± 0.6}, {@code 84.9±0.6%}, {@code 84.9 % ± 0.6 %}, {@code 84.9 +/- 0.6}, {@code 84.9 (±0.6)}: a number and
     * its spread (not negative); else null.
     */
    static CellValue.Spread spread(String text) {
        int at = text.indexOf('±');
        int width = 1;
        if (at < 0) {
            at = text.indexOf("+/-");
            width = 3;
        }
        if (at < 0) {
            at = text.indexOf("+-");
            width = 2;
        }
        if (at < 1) return null;
        String value = text.substring(0, at).strip();
        String spread = text.substring(at + width).strip();
        if (value.endsWith("(") && spread.endsWith(")")) {
            value = value.substring(0, value.length() - 1).strip();
            spread = spread.substring(0, spread.length() - 1).strip();
        }
        BigDecimal v = number(withoutPercent(value));
        BigDecimal s = spread.startsWith("-") || spread.startsWith("+") ? null : number(withoutPercent(spread));
        return v != null && s != null ? new CellValue.Spread(v, s) : null;
    }

    /** {@code text} without a percent sign at its end. */
    private static String withoutPercent(String text) {
        return text.endsWith("%") ? text.substring(0, text.length() - 1) : text;
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
