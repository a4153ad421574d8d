package io.modelcards.links;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The ways a row or column label may be written inside a URL: as is, lowercased, uppercased, with spaces as
 * dashes or underscores, or with only its letters and digits ("Swin-T" → "swint").
 */
enum LabelForms {
    AS_IS(s -> s),
    LOWER(s -> s.toLowerCase(Locale.ROOT)),
    UPPER(s -> s.toUpperCase(Locale.ROOT)),
    LOWER_DASHED(s -> Gaps.SPACES.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("-")),
    LOWER_UNDERSCORED(s -> Gaps.SPACES_DASHES.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("_")),
    LOWER_ALNUM(s -> Gaps.NOT_ALNUM.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(""));

    static final List<LabelForms> ALL = List.of(values());

    /** The forms' patterns, compiled once (an enum's constants cannot name its own static fields). */
    private static final class Gaps {
        static final Pattern SPACES = Pattern.compile("\\s+");
        static final Pattern SPACES_DASHES = Pattern.compile("[\\s-]+");
        static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
    }

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
