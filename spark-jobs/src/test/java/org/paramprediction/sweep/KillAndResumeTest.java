package org.paramprediction.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.apache.hadoop.conf.Configuration;
import org.paramprediction.ChildDriver;
import org.paramprediction.SharedSpark;
import org.paramprediction.cli.CliRun;
import org.paramprediction.results.OutputLock;
import org.paramprediction.sweep.config.SweepConfigLoader;
import org.paramprediction.sweep.config.SweepSpec;

/**
 * Kills the driver of a running sweep with SIGKILL once it has printed a finished trial's line, then
 * resumes it: every trial whose line was printed is committed (the driver commits before it
 * prints, with no Spark job, though both task slots are busy with trials), every trial ends up
 * exactly once, the committed ones are not rerun. While it runs, a second driver on the same output
 * root is refused, naming the first; after the kill, its lock is found stale and taken over.
 */
class KillAndResumeTest {

    private static final String CONFIG = """
            name: killed
            dataset: {train_size: 20000, valid_size: 500, test_size: 500}
            model: {hidden: [256, 256], activation: relu}
            training: {epochs: 4}
            method: [Full, RandFixU, RandCon, SE]
            fraction: [0.1, 0.2, 0.3]
            columns: 1
            repeats: 1
            """;

    @TempDir
    Path tmp;

    @Test
    void sigkilledSweepResumesWithEveryTrialExactlyOnce() throws Exception {
        Path config = tmp.resolve("killed.yaml");
        Files.writeString(config, CONFIG);
        Path out = tmp.resolve("out");
        SweepSpec sweep = SweepConfigLoader.load(config);
        int total = sweep.trials().size();

        Process driver = startDriver(config, out);
        Path trialsDir = out.resolve("trials/sweep_id=killed");
        Path log = out.getParent().resolve("driver.log");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (printedTrials(log) == 0 && driver.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(driver.isAlive(), "the sweep finished before it could be killed; make it longer");

        // a second driver on the same output root is refused, naming the live holder
        CliRun second = CliRun.of("sweep", config.toString(), "--out", out.toString(), "--resume");
        assertEquals(2, second.code(), second.err());
        assertTrue(second.err().contains("in use by another driver") && second.err().contains("pid " + driver.pid())
                && second.err().contains(InetAddress.getLocalHost().getHostName()), second.err());

        driver.destroyForcibly(); // SIGKILL
        driver.waitFor();

        // its lock is left behind, and found stale: the holder's process is gone
        assertEquals(driver.pid(), OutputLock.holder(out.toString(), new Configuration()).orElseThrow().pid());
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        try (OutputLock lock = OutputLock.acquire(out.toString(), new Configuration(), "test",
                new PrintStream(said, true, StandardCharsets.UTF_8))) {
            assertTrue(said.toString(StandardCharsets.UTF_8).contains("taking over the stale lock")
                    && said.toString(StandardCharsets.UTF_8).contains("pid " + driver.pid()), said.toString());
            assertEquals(ProcessHandle.current().pid(),
                    OutputLock.holder(out.toString(), new Configuration()).orElseThrow().pid());
        }
        assertTrue(OutputLock.holder(out.toString(), new Configuration()).isEmpty(), "released on close");

        long printed = printedTrials(log);
        long committed = committedFiles(trialsDir) == 0 ? 0
                : ParquetQueries.count(out, "SELECT count(*) FROM {trials}");
        assertTrue(committed >= printed, printed + " trial lines printed but only " + committed + " committed");
        assertTrue(committed >= 1 && committed < total, "committed before the kill: " + committed);

        SweepRunner.Result resumed = new SweepRunner(SharedSpark.session(), new PrintStream(new ByteArrayOutputStream()))
                .run(sweep, out.toString(), true, false);
        assertEquals(total - committed, resumed.ran());
        assertEquals(total, ParquetQueries.count(out, "SELECT count(*) FROM {trials}"));
        assertEquals(total, ParquetQueries.count(out, "SELECT count(DISTINCT trial_id) FROM {trials}"));
        assertEquals(0, ParquetQueries.count(out,
                "SELECT count(*) FROM (SELECT trial_id, stage, epoch, count(*) AS n FROM {epochs} "
                        + "GROUP BY ALL HAVING n > 1)"), "duplicate epoch rows");
    }

    @Test
    void sigtermLeavesTheRunningTrialsUncommittedForResume() throws Exception {
        // SIGTERM (or Ctrl-C) stops Spark from its shutdown hook, which cancels the running trials' jobs:
        // they were not failed by training, so they must not be committed as FAILED (--resume would skip them)
        Path config = tmp.resolve("killed.yaml");
        Files.writeString(config, CONFIG);
        Path out = tmp.resolve("out");
        SweepSpec sweep = SweepConfigLoader.load(config);
        Process driver = startDriver(config, out);
        Path log = out.getParent().resolve("driver.log");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (printedTrials(log) == 0 && driver.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(driver.isAlive(), "the sweep finished before it could be stopped; make it longer");
        driver.destroy(); // SIGTERM
        assertTrue(driver.waitFor(2, TimeUnit.MINUTES), "the driver exits on SIGTERM");
        long committed = ParquetQueries.count(out, "SELECT count(*) FROM {trials}");
        assertEquals(0, ParquetQueries.count(out, "SELECT count(*) FROM {trials} WHERE status = 'FAILED'"),
                "a trial cancelled by the shutdown was committed as FAILED");
        SweepRunner.Result resumed = new SweepRunner(SharedSpark.session(), new PrintStream(new ByteArrayOutputStream()))
                .run(sweep, out.toString(), true, false);
        assertEquals(sweep.trials().size() - committed, resumed.ran());
        assertEquals(sweep.trials().size(), ParquetQueries.count(out,
                "SELECT count(*) FROM {trials} WHERE status = 'OK'"));
    }

    /** Console lines of finished trials ("[k/n] OK ...") in the driver's log. */
    private static long printedTrials(Path log) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> l.startsWith("[")).count();
        }
    }

    private static long committedFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".parquet")).count();
        }
    }

    private static Process startDriver(Path config, Path out) throws IOException {
        return ChildDriver.start(out.getParent().resolve("driver.log"), List.of(),
                "sweep", config.toString(), "--out", out.toString(), "--master", "local[2]");
    }
}
