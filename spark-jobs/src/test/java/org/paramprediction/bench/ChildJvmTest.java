package org.paramprediction.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paramprediction.cli.Main;

/** A child JVM gets this JVM's flags with its own heap limit, and its peak memory is read from /proc. */
class ChildJvmTest {

    private static final String MAIN = Main.class.getName();

    @TempDir
    Path tmp;

    @Test
    void theChildHasExactlyOneHeapLimitAndRunsMain() {
        List<String> cmd = ChildJvm.command(MAIN, "3g", List.of("sweep", "x.yaml"));
        assertEquals(List.of("-Xmx3g"), cmd.stream().filter(a -> a.startsWith("-Xmx")).toList());
        assertEquals(List.of("org.paramprediction.cli.Main", "sweep", "x.yaml"), cmd.subList(cmd.size() - 3, cmd.size()));
        assertEquals(System.getProperty("java.class.path"), cmd.get(cmd.indexOf("-cp") + 1));
    }

    @Test
    void aChildRunsToItsExitWithItsPeakResidentMemoryAndLog() throws IOException, InterruptedException {
        Path log = tmp.resolve("logs/version.log");
        ChildJvm.Finished f = ChildJvm.run(MAIN, "256m", List.of("--version"), log, true);
        assertEquals(0, f.exitCode(), Files.readString(log));
        assertTrue(Files.readString(log).contains("paramprediction 0.1.0"), Files.readString(log));
        assertTrue(f.peakRssBytes() > 10_000_000 && f.peakRssBytes() < 4_000_000_000L, "VmHWM " + f.peakRssBytes());
        assertTrue(f.wallSeconds() > 0);
    }

    @Test
    void thisProcessHasAHighWaterMark() {
        assertTrue(PeakRss.vmHwmBytes(ProcessHandle.current().pid()) > 0);
    }
}
