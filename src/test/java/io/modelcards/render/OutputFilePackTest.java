package io.modelcards.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** serve holds its files packed: the bytes read back are always the bytes made. */
class OutputFilePackTest {
    @Test
    void aPackedFileGivesBackItsBytes() {
        String page = "<!DOCTYPE html><p>IDEFICS 80B · 60.0 † ↗</p>\n".repeat(500);
        OutputFile f = OutputFile.text("models/idefics/index.html", page);
        byte[] before = f.bytes();
        f.pack();
        assertNotSame(f.bytes(), f.bytes(), "inflated on each read: the packed bytes are what is kept");
        assertArrayEquals(before, f.bytes());
        assertEquals(page, f.asText());
        assertTrue(f.isMade());
        f.pack();
        assertArrayEquals(before, f.bytes(), "packing twice changes nothing");
    }

    @Test
    void whatDoesNotShrinkIsKeptAsItIs() {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise); // as an image is: compressed already
        OutputFile image = new OutputFile("img/photo.png", noise);
        image.pack();
        assertSame(image.bytes(), image.bytes());
        assertArrayEquals(noise, image.bytes());
        OutputFile small = OutputFile.text("robots.txt", "User-agent: *\n");
        small.pack();
        assertSame(small.bytes(), small.bytes());
    }

    @Test
    void aLazyFileIsPackedOnlyOnceMade() {
        byte[] made = "{\"errors\":[]}".repeat(100).getBytes(StandardCharsets.UTF_8);
        OutputFile lazy = OutputFile.lazy("_errors.json", () -> made.clone());
        lazy.pack();
        assertTrue(!lazy.isMade(), "packing does not make it");
        assertArrayEquals(made, lazy.bytes());
        lazy.pack();
        assertArrayEquals(made, lazy.bytes());
    }

    @Test
    void sizeIsTheBytesLengthPackedOrNotAndUnknownForALazyFileNotMade() {
        String page = "<p>IDEFICS 80B · 60.0</p>\n".repeat(300);
        OutputFile f = OutputFile.text("models/idefics/index.html", page);
        int length = page.getBytes(StandardCharsets.UTF_8).length;
        assertEquals(length, f.size());
        f.pack();
        assertNotSame(f.bytes(), f.bytes(), "packed");
        assertEquals(length, f.size());
        OutputFile lazy = OutputFile.lazy("_errors.json", () -> new byte[10]);
        assertEquals(-1, lazy.size());
        lazy.bytes();
        assertEquals(10, lazy.size());
    }
}
