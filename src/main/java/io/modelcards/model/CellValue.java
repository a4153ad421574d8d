package io.modelcards.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** The typed reading of a table cell; the cell keeps its source text beside it. */
public sealed interface CellValue {
    /** A short name of the type, as written in models.json ("number", "delta", ...). */
    String type();

    /** The number to sort and chart by, or null when the value has none. */
    BigDecimal sortKey();

    /**
     * The number the cell states as a whole: a plain number, or the value of a change or of a spread; null for the
     * others (a composite's numbers are its parts', a quantity's is in its unit).
     */
    default BigDecimal wholeNumber() { return null; }

    record Number(BigDecimal value) implements CellValue {
        public Number { Objects.requireNonNull(value, "value"); }
        public String type() { return "number"; }
        public BigDecimal sortKey() { return value; }
        public BigDecimal wholeNumber() { return value; }
    }

    /** {@code 37.4 (-22.7)}: a value and its change against a baseline. */
    record Delta(BigDecimal value, BigDecimal delta) implements CellValue {
        public Delta { Objects.requireNonNull(value, "value"); Objects.requireNonNull(delta, "delta"); }
        public String type() { return "delta"; }
        public BigDecimal sortKey() { return value; }
        public BigDecimal wholeNumber() { return value; }
    }

    /**
     * {@code 84.9 ± 0.6}, or {@code 84.9 (0.6)} where the card says its parentheses hold standard deviations: a value
     * and its spread (a standard deviation, error or interval) as the card gives it, neither a change nor judged.
     */
    record Spread(BigDecimal value, BigDecimal spread) implements CellValue {
        public Spread { Objects.requireNonNull(value, "value"); Objects.requireNonNull(spread, "spread"); }
        public String type() { return "spread"; }
        public BigDecimal sortKey() { return value; }
        public BigDecimal wholeNumber() { return value; }
    }

    /** {@code 8.0/18.75/22.5}: named parts, each possibly with its own delta. */
    record Composite(List<Part> parts) implements CellValue {
        public Composite { parts = List.copyOf(parts); }
        public String type() { return "composite"; }
        public BigDecimal sortKey() { return parts.isEmpty() ? null : parts.get(0).value(); }
    }

    record Part(String name, BigDecimal value, BigDecimal delta) {
        public Part { Objects.requireNonNull(name, "name"); Objects.requireNonNull(value, "value"); }
    }

    /** {@code 39 M}, {@code 1.3 B}, {@code 613K}: a number in base units plus the unit as written. */
    record Quantity(BigDecimal value, String unit, BigDecimal base) implements CellValue {
        public Quantity { Objects.requireNonNull(value, "value"); Objects.requireNonNull(unit, "unit"); Objects.requireNonNull(base, "base"); }
        public String type() { return "quantity"; }
        public BigDecimal sortKey() { return base; }
    }

    /** A check mark (true) or a cross (false). */
    record Flag(boolean value) implements CellValue {
        public String type() { return "flag"; }
        public BigDecimal sortKey() { return null; }
    }

    record Missing() implements CellValue {
        public String type() { return "missing"; }
        public BigDecimal sortKey() { return null; }
    }

    record Text(String value) implements CellValue {
        public Text { Objects.requireNonNull(value, "value"); }
        public String type() { return "text"; }
        public BigDecimal sortKey() { return null; }
    }
}
