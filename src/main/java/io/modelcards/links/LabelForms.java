package io.modelcards.links;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The ways a row or column label may be written inside a URL: as is, lowercased, uppercased, with spaces as
 * dashes or underscores, or with only its letters and digits ("Swin-T" → "swint").
 */
enum LabelForms {
    AS_IS(s -> s),
    LOWER(s -> s.toLowerCase(Locale.ROOT)),
    UPPER(s -> s.toUpperCase(Locale.ROOT)),
    LOWER_DASHED(s -> s.toLowerCase(Locale.ROOT).replaceAll("\\s+", "-")),
    LOWER_UNDERSCORED(s -> s.toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_")),
    LOWER_ALNUM(s -> s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", ""));

    static final List<LabelForms> ALL = List.of(values());

    private final UnaryOperator<String> form;

    LabelForms(UnaryOperator<String> form) {
        this.form = form;
    }

    String apply(String label) {
        return form.apply(label);
    }

    /** How a URL's maintainer would describe the form, for fix-up notes. */
    String describe() {
        return switch (this) {
            case AS_IS -> "as written";
            case LOWER -> "lowercased";
            case UPPER -> "uppercased";
            case LOWER_DASHED -> "lowercased, spaces as dashes";
            case LOWER_UNDERSCORED -> "lowercased, spaces as underscores";
            case LOWER_ALNUM -> "lowercased, letters and digits only";
        };
    }
}
