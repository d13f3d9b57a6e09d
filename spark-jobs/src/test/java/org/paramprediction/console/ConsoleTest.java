package org.paramprediction.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Lines, detail only with --verbose, and the live line only on a terminal (carriage return, then overwritten). */
class ConsoleTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void offATerminalThereIsNoLiveLineAndDetailNeedsVerbose() {
        Console c = new Console(stream, false, false);
        c.line("start");
        c.live("round 1");
        c.detail("round 1 in detail");
        c.line("epoch %d: valid %.4f", 1, 0.125);
        assertEquals("start\nepoch 1: valid 0.1250\n", printed().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void verbosePrintsDetailAndNoLiveLineEvenOnATerminal() {
        Console c = new Console(stream, true, true);
        c.live("round 1");
        c.detail("round 1 in detail");
        assertEquals("round 1 in detail\n", printed().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void onATerminalTheLiveLineIsOverwrittenAndClearedBeforeTheNextLine() {
        Console c = new Console(stream, false, true);
        c.live("round 10");
        c.live("round 9"); // shorter: one blank covers the old last character
        c.line("epoch 1");
        assertEquals("\rround 10" + "\rround 9 " + "\r       \r" + "epoch 1\n",
                printed().replace(System.lineSeparator(), "\n"));
    }
}
