package io.modelcards.parse;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Lowercase ASCII slugs for URLs and ids: "Grounding DINO" → grounding-dino. */
public final class Slugs {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    public static final int MAX_LENGTH = 80;

    private Slugs() {}

    public static String slug(String text) {
        return slug(text, "model");
    }

    public static String slug(String text, String fallback) {
        String ascii = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        StringBuilder out = new StringBuilder();
        boolean dash = false;
        for (int i = 0; i < ascii.length() && out.length() < MAX_LENGTH; i++) {
            char c = Character.toLowerCase(ascii.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (dash && out.length() > 0) out.append('-');
                out.append(c);
                dash = false;
            } else {
                dash = true;
            }
        }
        String s = out.toString();
        return s.isEmpty() ? fallback : s.toLowerCase(Locale.ROOT);
    }
}
