package io.modelcards.parse;

import java.util.regex.Pattern;

/** Whitespace as a header, a label or a sentence is compared and shown: each run one space, none at either end. */
final class Spaces {
    private static final Pattern RUNS = Pattern.compile("\\s+");

    private Spaces() {}

    static String collapse(CharSequence s) {
        return RUNS.matcher(s).replaceAll(" ").strip();
    }
}
