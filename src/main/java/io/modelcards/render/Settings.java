package io.modelcards.render;

import io.modelcards.model.Remembered;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A result's setting ({@code Result.setting}, its pieces joined by ", ") read as values of a few dimensions: shots,
 * split, language, prompting and anything else. "0-shot" and "zero-shot" are 0 shots; "5-shot CoT" is 5 shots with
 * CoT prompting; "test-dev" a split; "fr" or "sv-SE" a language; "1K, Random" stay as they are written.
 */
final class Settings {
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    /** A dimension: its column header, and its URL parameter on a leaderboard page ({@code ?shots=0}). */
    enum Dimension {
        SHOTS("Shots", "shots"), SPLIT("Split", "split"), LANGUAGE("Language", "language"),
        PROMPTING("Prompting", "prompting"), OTHER("Setting", "setting");

        final String label;
        final String param;

        Dimension(String label, String param) {
            this.label = label;
            this.param = param;
        }
    }

    static final Settings NONE = new Settings(Map.of());

    private final Map<Dimension, String> values;
    /**
     * The hash of {@link #values}, as a record of them hashed (the map's hash): made once, as the leaderboards hash a
     * setting for every entry they place on a line and every line they group (the map's hash walked its entries each
     * time, and C2 spent 128 ms compiling the lines' record hash through it).
     */
    private final int hash;

    /** The stated values (a blank one is not stated); the map is copied. */
    Settings(Map<Dimension, String> values) {
        EnumMap<Dimension, String> copy = new EnumMap<>(Dimension.class);
        values.forEach((d, v) -> {
            if (!v.isBlank()) copy.put(d, v);
        });
        this.values = java.util.Collections.unmodifiableMap(copy);
        this.hash = this.values.hashCode();
    }

    /** Each stated dimension's value, in the dimensions' order. */
    Map<Dimension, String> values() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Settings s && s.hash == hash && s.values.equals(values);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** As a record of the values would print it. */
    @Override
    public String toString() {
        return "Settings[values=" + values + "]";
    }

    /** The value of {@code d}, or "" when the result does not state it. */
    String get(Dimension d) {
        // no value is null: a value absent is one look-up (getOrDefault asked the map again whether it holds the key,
        // and the leaderboards ask for every pair of lines compared)
        String v = values.get(d);
        return v == null ? "" : v;
    }

    /** The shots as a number, or -1 when not a number (unstated, "few"). */
    int shots() {
        String s = get(Dimension.SHOTS);
        return isCount(s) ? Integer.parseInt(s) : -1;
    }

    /** One to six ASCII digits: a count of shots (compared for every pair of lines, so without a regex). */
    static boolean isCount(String s) {
        if (s.isEmpty() || s.length() > 6) return false;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    private static final Pattern SHOTS = Pattern.compile(
            "(?i)^(?:#\\s*)?(?:shots?\\s*[:=]?\\s*)?(\\d{1,6}|zero|one|two|three|four|five|few|ten)[- ]?(?:shots?)?(?:[- ](cot))?$");
    private static final Pattern SHOT_WORD = Pattern.compile("(?i)shot");
    private static final Pattern SPLIT = Pattern.compile("(?i)^(?:dev|test|val|valid|validation|eval|evaluation|train"
            + "|minival|test[-_ ]?dev|test[-_ ]?std|test[-_ ]?(?:clean|other)|dev[-_ ]?(?:clean|other)"
            + "|test[-_ ]?[ab]|val\\d{4}|test\\d{4}|dev set|test set|validation set|held[- ]out)$");
    private static final Pattern PROMPTING = Pattern.compile(
            "(?i)^(?:cot|chain[- ]of[- ]thought|w/ ?cot|with cot|no cot|maj@\\d+|cot@\\d+|greedy|sampling|self[- ]consistency)$");
    private static final Pattern LANGUAGE_CODE = Pattern.compile("^[a-z]{2}(?:[-_][A-Z]{2}|[-_][A-Z][a-z]{3})?$");
    private static final Set<String> LANGUAGES = Set.of("english", "french", "german", "spanish", "italian",
            "portuguese", "dutch", "russian", "chinese", "japanese", "korean", "arabic", "hindi", "turkish", "polish",
            "swedish", "multilingual");
    /** Two-letter words that are not languages. */
    private static final Set<String> NOT_LANGUAGES = Set.of("ok", "no", "on", "or", "vs", "pt", "bs");
    private static final Map<String, String> NUMBER_WORDS = Map.of("zero", "0", "one", "1", "two", "2", "three", "3",
            "four", "4", "five", "5", "ten", "10", "few", "few");

    /**
     * Settings read before, by the text they were read from: a catalogue writes few settings ("0-shot", "5-shot"), each
     * for many results, and a Settings is immutable, so one instance serves them all (a million results at 10,000
     * cards held a million). Bounded, so that text no two results share cannot make it grow without end.
     */
    private static final Remembered<String, Settings> READ = new Remembered<>(50_000, 16);

    /** Reads a result's setting; the empty setting is {@link #NONE}. */
    static Settings parse(String setting) {
        if (setting == null || setting.isBlank()) return NONE;
        return READ.get(setting, Settings::parseNew);
    }

    private static Settings parseNew(String setting) {
        EnumMap<Dimension, String> values = new EnumMap<>(Dimension.class);
        List<String> other = new ArrayList<>();
        for (String raw : setting.split(",")) {
            String piece = raw.strip();
            if (piece.isEmpty()) continue;
            Matcher shots = SHOTS.matcher(piece);
            if (shots.matches() && (SHOT_WORD.matcher(piece).find())) {
                String n = shots.group(1).toLowerCase(Locale.ROOT);
                n = NUMBER_WORDS.getOrDefault(n, n);
                if (DIGITS.matcher(n).matches()) n = String.valueOf(Integer.parseInt(n)); // "05-shot" is 5
                values.putIfAbsent(Dimension.SHOTS, n);
                if (shots.group(2) != null) values.putIfAbsent(Dimension.PROMPTING, "CoT");
            } else if (SPLIT.matcher(piece).matches()) {
                values.putIfAbsent(Dimension.SPLIT, piece);
            } else if (PROMPTING.matcher(piece).matches()) {
                values.putIfAbsent(Dimension.PROMPTING, piece.equalsIgnoreCase("cot") ? "CoT" : piece);
            } else if ((LANGUAGE_CODE.matcher(piece).matches() && !NOT_LANGUAGES.contains(piece))
                    || LANGUAGES.contains(piece.toLowerCase(Locale.ROOT))) {
                values.putIfAbsent(Dimension.LANGUAGE, piece);
            } else {
                other.add(piece);
            }
        }
        if (!other.isEmpty()) values.put(Dimension.OTHER, String.join(", ", other));
        return new Settings(values);
    }

    /** "0 shots, test-dev": every stated value with its dimension where the value alone would not say it. */
    String describe() {
        List<String> parts = new ArrayList<>();
        values.forEach((d, v) -> parts.add(d == Dimension.SHOTS ? v + (v.equals("1") ? " shot" : " shots") : v));
        return String.join(", ", parts);
    }
}
