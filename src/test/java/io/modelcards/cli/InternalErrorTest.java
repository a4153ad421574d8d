package io.modelcards.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** An Error thrown by a command (not only an Exception) ends in one line asking for a report and exit code 3. */
class InternalErrorTest {
    @Command(name = "boom")
    static final class Boom implements Runnable {
        @Option(names = "--debug") boolean debug;
        @Option(names = "--exception") boolean exception;
        @Option(names = "--memory") boolean memory;

        @Override
        public void run() {
            if (exception) throw new IllegalStateException("broken state");
            if (memory) throw new RuntimeException(new OutOfMemoryError("Java heap space"));
            throw new ExceptionInInitializerError("static init failed");
        }
    }

    private static String[] run(int[] code, String... args) {
        PrintStream old = System.err;
        var err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code[0] = Main.run(new Boom(), args);
        } finally {
            System.setErr(old);
        }
        return err.toString(StandardCharsets.UTF_8).split("\n");
    }

    @Test
    void anErrorPrintsOneLineAndExitsThree() {
        int[] code = {0};
        String[] lines = run(code);
        assertEquals(ExitCodes.INTERNAL, code[0]);
        assertEquals(1, lines.length, String.join("\n", lines));
        assertTrue(lines[0].startsWith("modelcards: internal error: java.lang.ExceptionInInitializerError"), lines[0]);
        assertTrue(lines[0].contains("please report it") && lines[0].contains("--debug"), lines[0]);
    }

    /** Running out of heap is no bug: it says how to give the JVM more, in one line, with an exit code of its own. */
    @Test
    void outOfMemorySaysHowToGiveMoreHeapAndExitsFour() {
        int[] code = {0};
        String[] lines = run(code, "--memory");
        assertEquals(ExitCodes.OUT_OF_MEMORY, code[0]);
        assertEquals(1, lines.length, String.join("\n", lines));
        assertTrue(lines[0].startsWith("modelcards: error: out of memory (the heap is "), lines[0]);
        assertTrue(lines[0].contains("MODELCARDS_HEAP=") && !lines[0].contains("internal error"), lines[0]);
    }

    @Test
    void anErrorWithDebugPrintsTheTrace() {
        int[] code = {0};
        String[] lines = run(code, "--debug");
        assertEquals(ExitCodes.INTERNAL, code[0]);
        assertTrue(lines.length > 1 && lines[1].contains("ExceptionInInitializerError"), String.join("\n", lines));
        assertFalse(lines[0].contains("run again with --debug"));
    }

    @Test
    void anExceptionStillExitsThree() {
        int[] code = {0};
        String[] lines = run(code, "--exception");
        assertEquals(ExitCodes.INTERNAL, code[0]);
        assertEquals(1, lines.length, String.join("\n", lines));
        assertTrue(lines[0].contains("broken state"), lines[0]);
    }
}
