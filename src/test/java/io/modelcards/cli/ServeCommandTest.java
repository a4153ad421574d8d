package io.modelcards.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve's command line: a port in use is a clear message and exit 2, before anything is built. */
class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void aPortInUseExitsWithUsageError() throws Exception {
        Files.writeString(dir.resolve("x.md"), "# Alpha\n\nText.\n");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            String port = Integer.toString(taken.getLocalPort());
            CheckCommandTest.Run r = CheckCommandTest.run("serve", "--port", port, "--content", dir.toString());
            assertEquals(ExitCodes.USAGE, r.code());
            assertEquals("modelcards: error: port " + port + " is in use; try --port 0 or another port\n", r.err());
        }
    }

    @Test
    void anUnusableOutFolderExitsWithUsageError() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("precious.txt"), "keep me");
        CheckCommandTest.Run r = CheckCommandTest.run("serve", "--port", "0", "--out", out.toString(), "--content", dir.toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertEquals("keep me", Files.readString(out.resolve("precious.txt")));
    }
}
