package io.modelcards.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Progress is drawn on one terminal line and cleared; nothing at all when it is off. */
class TerminalProgressTest {
    @Test
    void drawsStagesAndTheLastCountThenClearsTheLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgress p = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        p.stage("parse");
        p.count("parse", 2, 2);
        p.done();
        assertEquals("\r\033[K[parse]\r\033[K[parse] 2/2 files\r\033[K", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsNothingWhenOff() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgress p = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        p.stage("parse");
        p.count("parse", 1, 10);
        p.done();
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }
}
