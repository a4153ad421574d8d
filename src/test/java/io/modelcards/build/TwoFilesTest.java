package io.modelcards.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report and the state's copy of it are written in one pass; a copy that cannot be written never fails the report. */
class TwoFilesTest {
    @TempDir
    Path tmp;

    private static final byte[] TEXT = "{\n  \"ok\" : true\n}\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void writesTheSameBytesToBothAndMovesTheCopyIntoPlaceOnlyWhenFinished() throws Exception {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        Path copy = tmp.resolve("cache/state.report.json");
        try (TwoFiles two = new TwoFiles(first, copy)) {
            two.write(TEXT, 0, 5);
            two.write(TEXT[5]);
            two.write(TEXT, 6, TEXT.length - 6);
            assertFalse(Files.exists(copy), "no copy in place before it is whole");
            assertTrue(two.finish());
        }
        assertArrayEquals(TEXT, first.toByteArray());
        assertArrayEquals(TEXT, Files.readAllBytes(copy));
        assertFalse(Files.exists(tmp.resolve("cache/state.report.json.part")));
    }

    @Test
    void aCopyThatCannotBeWrittenIsDroppedAndTheStreamStillGetsEverything() throws Exception {
        Files.writeString(tmp.resolve("cache"), "a file where the folder would be");
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        Path copy = tmp.resolve("cache/state.report.json");
        try (TwoFiles two = new TwoFiles(first, copy)) {
            two.write(TEXT, 0, TEXT.length);
            assertFalse(two.finish());
        }
        assertArrayEquals(TEXT, first.toByteArray());
        assertFalse(Files.exists(copy));
    }

    @Test
    void aCopyNotFinishedIsRemovedOnClose() throws Exception {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        Path copy = tmp.resolve("state.report.json");
        Files.write(copy, "the last build's copy".getBytes(StandardCharsets.UTF_8));
        try (TwoFiles two = new TwoFiles(first, copy)) {
            two.write(TEXT, 0, 3);
        }
        assertArrayEquals("the last build's copy".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(copy),
                "an unfinished copy never replaces the one in place");
        assertFalse(Files.exists(tmp.resolve("state.report.json.part")));
    }

    @Test
    void withoutACopyOnlyTheStreamIsWritten() throws Exception {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        try (TwoFiles two = new TwoFiles(first, null)) {
            two.write(TEXT, 0, TEXT.length);
            assertFalse(two.finish());
        }
        assertArrayEquals(TEXT, first.toByteArray());
    }
}
