package io.modelcards.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A setting is a value: equal when its dimensions' values are, hashed as a record of them was. */
class SettingsTest {
    @Test
    void settingsReadFromDifferentTextsAreEqualWithTheSameHash() {
        Settings zero = Settings.parse("0-shot, test");
        Settings written = new Settings(Map.of(Settings.Dimension.SHOTS, "0", Settings.Dimension.SPLIT, "test"));
        assertEquals(zero, written);
        assertEquals(zero.hashCode(), written.hashCode());
        assertEquals(Settings.parse("zero-shot, test"), zero);
    }

    @Test
    void theHashIsTheValuesHashAsARecordOfThemHadIt() {
        // a record of one component hashes as 31 * 0 + the component's hash: maps keyed by settings keep their order
        Settings s = Settings.parse("5-shot CoT, fr");
        assertEquals(s.values().hashCode(), s.hashCode());
        assertEquals(0, Settings.NONE.hashCode());
        assertEquals("Settings[values={SHOTS=5, LANGUAGE=fr, PROMPTING=CoT}]", s.toString());
    }

    @Test
    void blankValuesAreNotStatedAndDifferentSettingsDiffer() {
        assertEquals(Settings.NONE, new Settings(Map.of(Settings.Dimension.SPLIT, " ")));
        assertNotEquals(Settings.parse("5-shot"), Settings.parse("0-shot"));
        assertNotEquals(Settings.parse("5-shot"), Settings.parse("5-shot, test"));
    }
}
