package io.modelcards.parse;

import io.modelcards.model.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a column header: {@code VQAv2<br>OE VQA acc.} is benchmark VQAv2, metric "OE VQA acc.";
 * {@code Winoground<br>group/text/image} names the parts of composite cells.
 */
final class HeaderReader {
    private static final Pattern SLASHED_METRICS = Pattern.compile("[A-Za-z][\\w-]*(\\s*/\\s*[A-Za-z][\\w-]*)+");
    private static final Pattern SLASH = Pattern.compile("\\s*/\\s*");
    private static final Pattern METRIC_ON_BENCHMARK = Pattern.compile(
            "((?:box |mask )?(?:AP|mAP|AR|acc\\.?|accuracy|F1|WER|BLEU|mIoU)\\w*) on (\\S.*)", Pattern.CASE_INSENSITIVE);

    private HeaderReader() {}

    /** @param lines the header's text split at line breaks */
    static Column read(String html, List<String> lines) {
        List<String> kept = new ArrayList<>();
        for (String l : lines) if (!l.isBlank()) kept.add(Spaces.collapse(l));
        String text = String.join(" ", kept);
        if (kept.size() < 2) {
            // "box AP on COCO": metric, then the benchmark it is measured on
            Matcher on = METRIC_ON_BENCHMARK.matcher(text);
            if (on.matches()) return new Column(html, text, on.group(2), on.group(1), List.of(), Map.of());
            return new Column(html, text, "", "", List.of(), Map.of());
        }
        String benchmark = kept.get(0);
        String metric = String.join(" ", kept.subList(1, kept.size()));
        List<String> parts = List.of();
        if (SLASHED_METRICS.matcher(metric).matches()) {
            parts = List.of(SLASH.split(metric));
        }
        return new Column(html, text, benchmark, metric, parts, Map.of());
    }
}
