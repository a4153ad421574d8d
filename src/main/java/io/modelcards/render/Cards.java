package io.modelcards.render;

import io.modelcards.model.Curated;
import io.modelcards.model.Model;
import io.modelcards.model.Variant;
import io.modelcards.render.Views.CardCounts;
import io.modelcards.render.Views.CardView;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The facts of a catalogue card, shared by the static catalogue pages and the catalogue's data file: variant sizes,
 * counts of results, tables, benchmarks, checkpoints and links, and the task, license and organisation the reader
 * filters by ("" when the card does not say).
 */
final class Cards {
    private static final Pattern TASK_GAPS = Pattern.compile("[\\s_]+");
    /** Summaries on cards are cut to this many characters (the model page has the whole sentence). */
    static final int SUMMARY_LENGTH = 140;

    private Cards() {}

    /** The card of a model, its link relative to the site root. */
    static CardView of(Model m) {
        CardCounts counts = counts(m);
        return new CardView(m.name(), SitePaths.model(m.slug()), summary(m.summary()), sizes(m), counts.text(),
                task(m), license(m), org(m), parameters(m), counts);
    }

    /**
     * The parameter counts of the model's variants; without any, the names of its variants when it has several
     * (Whisper tiny, base…), never the model's own name.
     */
    static String sizes(Model m) {
        Set<String> sizes = new LinkedHashSet<>();
        List<Variant> sized = new java.util.ArrayList<>();
        for (Variant v : m.variants()) if (!v.parametersText().isEmpty()) sized.add(v);
        if (sized.stream().allMatch(v -> v.parameters() != null)) {
            sized.sort(java.util.Comparator.comparing(Variant::parameters)); // smallest first, as the filters read them
        }
        for (Variant v : sized) sizes.add(v.parametersText());
        if (sizes.isEmpty() && m.variants().size() > 1) for (Variant v : m.variants()) sizes.add(v.name());
        return String.join(", ", sizes);
    }

    /** The distinct parameter counts of the variants, in billions, smallest first (what size filters and sorts use). */
    static List<BigDecimal> parameters(Model m) {
        Set<BigDecimal> billions = new TreeSet<>();
        for (Variant v : m.variants()) {
            if (v.parameters() != null && v.parameters().signum() > 0) {
                billions.add(v.parameters().movePointLeft(9).stripTrailingZeros());
            }
        }
        return List.copyOf(billions);
    }

    /**
     * The model's task as a Hub pipeline id: the front matter's {@code pipeline_tag}, else the task of its first
     * {@code model-index} result ("Automatic Speech Recognition" reads {@code automatic-speech-recognition}), else "".
     */
    static String task(Model m) {
        String tag = hubId(m.frontMatter().pipelineTag());
        if (!tag.isEmpty()) return tag;
        for (Curated.Result r : m.frontMatter().results()) {
            String task = hubId(r.task());
            if (!task.isEmpty()) return task;
        }
        return "";
    }

    /** The front matter's {@code license}, as the Hub writes its ids (lower case), or "". */
    static String license(Model m) {
        return m.frontMatter().license().strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The organisation of a Hub card: the {@code org} of its id {@code org/name} (a README at
     * {@code content/org/name/README.md}, also under a deeper folder); "" for a section of a collection file, whose
     * id is its name.
     */
    static String org(Model m) {
        String[] parts = m.id().split("/");
        return parts.length < 2 ? "" : parts[parts.length - 2].strip();
    }

    /** The card's counts, known without reading the lists a build holds encoded (their sizes are kept with them). */
    static CardCounts counts(Model m) {
        return new CardCounts(m.ownResultCount(), m.tableCount(), m.benchmarkColumnCount(), m.variantLinkCount(),
                m.links().size());
    }

    /** At most {@link #SUMMARY_LENGTH} characters, cut at a space with "…" after it. */
    static String summary(String summary) {
        if (summary.length() <= SUMMARY_LENGTH) return summary;
        int limit = SUMMARY_LENGTH - 1;
        if (Character.isLowSurrogate(summary.charAt(limit))) limit--;
        int cut = summary.lastIndexOf(' ', limit);
        String head = summary.substring(0, cut > SUMMARY_LENGTH / 2 ? cut : limit).stripTrailing();
        while (!head.isEmpty() && ",;:-–—(".indexOf(head.charAt(head.length() - 1)) >= 0) {
            head = head.substring(0, head.length() - 1).stripTrailing();
        }
        return head + "…";
    }

    /** A task as the Hub's pipeline ids write it: lower case, words joined by '-'. */
    static String hubId(String task) {
        String t = TASK_GAPS.matcher(task.strip().toLowerCase(Locale.ROOT)).replaceAll("-");
        return t.equals("-") ? "" : t;
    }
}
