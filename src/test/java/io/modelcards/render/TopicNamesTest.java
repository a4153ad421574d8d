package io.modelcards.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link TopicNames} finds what the regular expression it replaced found: the same names, at the same places. */
class TopicNamesTest {
    private static final List<String> NAMES = List.of("MMLU", "MMLU-Pro", "COCO", "COCO Captions", "VQAv2", "GSM8K",
            "ImageNet", "ImageNet-1k", "Common Voice", "LibriSpeech test-clean", "SST-2", "Ω-bench", "数据集", "(x) set");

    private static List<String> regex(List<String> names, String text) {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        StringBuilder alt = new StringBuilder();
        for (String n : sorted) alt.append(alt.length() == 0 ? "" : "|").append(Pattern.quote(n));
        Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}_-])(?:" + alt + ")(?![\\p{L}\\p{N}_-])").matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) found.add(m.start() + ":" + m.group());
        return found;
    }

    private static List<String> trie(List<String> names, String text) {
        TopicNames t = new TopicNames(names);
        List<String> found = new ArrayList<>();
        for (TopicNames.Match m = t.find(text, 0); m != null; m = t.find(text, m.end())) found.add(m.start() + ":" + m.name());
        return found;
    }

    @Test
    void namesStandAloneAndTheLongestWins() {
        String text = "MMLU-Pro and MMLU, not xMMLU or MMLU_2 or MMLU-x; COCO Captions (COCO) ImageNet-1k ImageNet-1kx "
                + "mmlu GSM8K. Ω-bench 数据集 (x) set LibriSpeech test-clean2 LibriSpeech test-clean";
        assertEquals(List.of("0:MMLU-Pro", "13:MMLU", "50:COCO Captions", "65:COCO", "71:ImageNet-1k", "101:GSM8K",
                "108:Ω-bench", "116:数据集", "120:(x) set", "152:LibriSpeech test-clean"), trie(NAMES, text));
        assertEquals(regex(NAMES, text), trie(NAMES, text));
    }

    @Test
    void findsWhatTheRegularExpressionFoundInTheSeedAndInRandomText() throws Exception {
        List<String> texts = new ArrayList<>(Files.readAllLines(Path.of("content/model-cards.md")));
        Random random = new Random(7);
        String alphabet = "MMLUCOCOImageNet-1k_ x()Ω数据集SST-2GSM8K.,;";
        for (int k = 0; k < 2_000; k++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(40);
            for (int i = 0; i < n; i++) {
                sb.append(random.nextInt(4) == 0 ? NAMES.get(random.nextInt(NAMES.size()))
                        : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
            }
            texts.add(sb.toString());
        }
        List<String> names = new ArrayList<>(NAMES);
        names.addAll(List.of("IDEFICS", "Llama 2", "Whisper", "TextVQA", "Winoground", "OK-VQA", "VizWiz", "Segment Anything"));
        for (String t : texts) assertEquals(regex(names, t), trie(names, t), t);
    }
}
