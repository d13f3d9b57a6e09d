package org.paramprediction.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paramprediction.ChildDriver;
import org.paramprediction.SharedSpark;
import org.paramprediction.io.BadInputException;
import org.paramprediction.sweep.config.SweepConfigLoader;
import org.paramprediction.sweep.config.SweepSpec;

/**
 * Sweeps under a scheduler, on 2,000 real Fashion-MNIST images: 9 trials (3 methods x 3 learning
 * rates), rungs at 1, 2 and 4 epochs (reduction 2).
 *
 * <ul>
 *   <li>ASHA: every trial ends exactly once, OK or STOPPED; a stopped trial's epochs end at its
 *       rung; fewer epochs are trained than the full grid's; and every epoch of every trial equals the
 *       same trial's epoch in the plain sweep without a scheduler (its trial ids are the same), so
 *       pausing and continuing changed nothing.
 *   <li>sync_halving: two runs make the same decisions.
 *   <li>A driver (a real child JVM) killed with SIGKILL during an ASHA sweep, twice, then resumed: every
 *       trial complete or STOPPED exactly once, no rung decided twice, and the same epochs as the plain
 *       sweep again.
 * </ul>
 *
 * Exact comparisons of validation errors are the point: the plain and scheduled runs do the same
 * computations on the same machine; only lost state would change a number.
 */
class ScheduledSweepTest {

    private static final String GRID = """
            dataset: {train_size: 2000, valid_size: 300, test_size: 300}
            model: {hidden: [64, 64], activation: relu}
            training: {epochs: 4, batch_size: 50, patience: 4}
            method: [Full, SE, RandFixU]
            fraction: 0.2
            columns: 1
            repeats: 1
            grid:
              training.learning_rate: [0.003, 0.03, 0.3]
            """;
    private static final int TRIALS = 9;
    private static final String EPOCHS = "SELECT trial_id, stage, epoch, valid_error, test_error, train_loss FROM {epochs}"
            + " ORDER BY trial_id, stage, epoch";

    @TempDir
    static Path tmp;
    private static Path plain;

    @BeforeAll
    static void runThePlainGrid() throws IOException {
        plain = tmp.resolve("plain");
        run("name: grid\n" + GRID, plain, false);
        assertEquals(TRIALS, ParquetQueries.count(plain, "SELECT count(*) FROM {trials} WHERE status = 'OK'"));
    }

    private static SweepRunner.Result run(String yaml, Path out, boolean resume) throws IOException {
        Path file = tmp.resolve(out.getFileName() + ".yaml");
        Files.writeString(file, yaml);
        SweepSpec sweep = SweepConfigLoader.load(file);
        return new SweepRunner(SharedSpark.session(), new PrintStream(new ByteArrayOutputStream()))
                .run(sweep, out.toString(), resume, false);
    }

    private static String scheduled(String type) {
        return "name: grid\n" + GRID + "scheduler: {type: " + type + ", min_epochs: 1, reduction: 2, max_epochs: 4}\n";
    }

    @Test
    void ashaStopsTrialsAtTheirRungsAndChangesNoEpochOfAnyTrial() throws IOException {
        Path out = tmp.resolve("asha");
        SweepRunner.Result r = run(scheduled("asha"), out, false);
        assertEquals(TRIALS, r.total());
        assertEveryTrialEndsOnce(out);
        long stopped = ParquetQueries.count(out, "SELECT count(*) FROM {trials} WHERE status = 'STOPPED'");
        assertTrue(stopped >= 3, "ASHA with reduction 2 stops trials: " + stopped);
        assertEquals(0, ParquetQueries.count(out, "SELECT count(*) FROM {trials} t JOIN (SELECT trial_id, max(sequence)"
                + " AS s FROM {rungs} GROUP BY ALL) l USING (trial_id) JOIN {rungs} g ON g.trial_id = t.trial_id"
                + " AND g.sequence = l.s WHERE t.status = 'STOPPED' AND (g.decision <> 'STOP' OR t.rung <> g.rung"
                + " OR t.epochs_trained <> g.rung_epochs)"), "a stopped trial ends at the rung that stopped it");
        long epochs = ParquetQueries.count(out, "SELECT sum(epochs_trained) FROM {trials}");
        assertTrue(epochs < TRIALS * 4L, "fewer epochs than the full grid's " + TRIALS * 4 + ": " + epochs);
        assertEquals("PROMOTE", ParquetQueries.query(out, "SELECT decision FROM {rungs} WHERE sequence = 0").get(0)
                .get("decision"), "the first trial to reach a rung goes on");
        assertSameEpochsAsThePlainGrid(out);
        String readme = Files.readString(Path.of("../README.md"));
        SweepEndToEndTest.checkSchema(out, "{rungs}", org.paramprediction.results.RungTable.COLUMNS.stream()
                .map(c -> Map.entry(c.name(), c.type())).toList(), readme);
        SweepEndToEndTest.checkSchema(out, "{trials}", org.paramprediction.results.TrialTable.COLUMNS.stream()
                .map(c -> Map.entry(c.name(), c.type())).toList(), readme);
        assertFalse(Files.exists(out.resolve("checkpoints/sweep_id=grid")) && Files.list(
                out.resolve("checkpoints/sweep_id=grid")).findAny().isPresent(), "every trial's checkpoints are gone");
        assertEquals(0, run(scheduled("asha"), out, true).ran(), "resuming a finished sweep runs nothing");

        Path report = tmp.resolve("asha-report");
        List<org.paramprediction.report.Figure> figures = new org.paramprediction.report.Report("grid", out.toString(),
                report, 0.2).write(SharedSpark.session());
        org.paramprediction.report.Figure rungs = figures.stream()
                .filter(f -> f.title().startsWith("Scheduler")).findFirst().orElseThrow();
        assertTrue(rungs.written() && Files.size(report.resolve(rungs.file())) > 0, rungs.caption());
        assertEquals(TRIALS, rungs.panels().get(0).getSeriesMap().size(), "one line per trial");
        String summary = Files.readString(report.resolve("summary.md"));
        assertTrue(summary.contains("## Scheduler") && summary.contains(stopped + " stopped")
                && summary.contains(String.format(java.util.Locale.ROOT, "%,d epochs of final training", epochs))
                && summary.contains("against at most 36"), summary);
    }

    @Test
    void syncHalvingMakesTheSameDecisionsOnEveryRun() throws IOException {
        Path a = tmp.resolve("sync-a");
        Path b = tmp.resolve("sync-b");
        run(scheduled("sync_halving"), a, false);
        run(scheduled("sync_halving"), b, false);
        assertEveryTrialEndsOnce(a);
        String decisions = "SELECT trial_id, rung, decision, metric_value FROM {rungs} ORDER BY trial_id, rung";
        List<Map<String, Object>> first = ParquetQueries.query(a, decisions);
        assertEquals(first, ParquetQueries.query(b, decisions));
        // rung 0 judges all 9 at once and keeps floor(9 / 2) = 4; rung 1 keeps 2 of those
        assertEquals(4, ParquetQueries.count(a, "SELECT count(*) FROM {rungs} WHERE rung = 0 AND decision = 'PROMOTE'"));
        assertEquals(2, ParquetQueries.count(a, "SELECT count(*) FROM {rungs} WHERE rung = 1 AND decision = 'PROMOTE'"));
        assertEquals(TRIALS - 2, ParquetQueries.count(a, "SELECT count(*) FROM {trials} WHERE status = 'STOPPED'"));
        assertSameEpochsAsThePlainGrid(a);
    }

    @Test
    void retryFailedIsRefusedForAScheduledSweep() throws IOException {
        Path file = tmp.resolve("retry.yaml");
        Files.writeString(file, scheduled("asha"));
        SweepSpec sweep = SweepConfigLoader.load(file);
        BadInputException e = assertThrows(BadInputException.class, () -> new SweepRunner(SharedSpark.session(),
                new PrintStream(new ByteArrayOutputStream())).run(sweep, tmp.resolve("retry").toString(), true, true));
        assertTrue(e.getMessage().contains("--retry-failed cannot rerun trials of a sweep with a scheduler"),
                e.getMessage());
    }

    @Test
    void killedTwiceDuringAnAshaSweepItResumesWithEveryTrialEndingOnce() throws Exception {
        Path file = tmp.resolve("killed.yaml");
        Files.writeString(file, scheduled("asha"));
        Path out = tmp.resolve("killed");
        // 1: killed once a few segments have reported; 2: resumed and killed after more
        Path log1 = tmp.resolve("driver1.log");
        killWhen(start(file, out, log1, false), log1, l -> l.startsWith("  rung 1"));
        long decided = ParquetQueries.count(out, "SELECT count(*) FROM {rungs}");
        Path log2 = tmp.resolve("driver2.log");
        killWhen(start(file, out, log2, true), log2, l -> l.startsWith("["));
        assertTrue(ParquetQueries.count(out, "SELECT count(*) FROM {rungs}") >= decided);
        // 3: resumed to the end in this JVM
        SweepRunner.Result r = run(scheduled("asha"), out, true);
        assertTrue(r.ran() > 0, "the kills left trials to finish");
        assertEveryTrialEndsOnce(out);
        assertSameEpochsAsThePlainGrid(out);
    }

    /** Every trial has one row, OK or STOPPED; no trial has two rows for a rung; the decisions are numbered 0..n-1. */
    private static void assertEveryTrialEndsOnce(Path out) {
        assertEquals(TRIALS, ParquetQueries.count(out, "SELECT count(*) FROM {trials}"));
        assertEquals(TRIALS, ParquetQueries.count(out, "SELECT count(DISTINCT trial_id) FROM {trials}"));
        assertEquals(TRIALS, ParquetQueries.count(out, "SELECT count(*) FROM {trials} WHERE status IN ('OK', 'STOPPED')"));
        assertEquals(0, ParquetQueries.count(out, "SELECT count(*) FROM (SELECT trial_id, rung, count(*) AS n FROM {rungs}"
                + " GROUP BY ALL HAVING n > 1)"), "a rung decided twice");
        long rows = ParquetQueries.count(out, "SELECT count(*) FROM {rungs}");
        assertEquals(rows, ParquetQueries.count(out, "SELECT count(DISTINCT sequence) FROM {rungs}"));
        assertEquals(rows - 1, ParquetQueries.count(out, "SELECT max(sequence) FROM {rungs}"));
        assertEquals(0, ParquetQueries.count(out, "SELECT count(*) FROM {trials} WHERE status = 'OK' AND rung <> 2"),
                "a complete trial reached the last rung");
        assertEquals(0, ParquetQueries.count(out, "SELECT count(*) FROM (SELECT trial_id, stage, epoch, count(*) AS n"
                + " FROM {epochs} GROUP BY ALL HAVING n > 1)"), "duplicate epoch rows");
    }

    /** Each scheduled trial's epochs are the plain run's first epochs, to the last bit. */
    private static void assertSameEpochsAsThePlainGrid(Path out) {
        List<Map<String, Object>> scheduled = ParquetQueries.query(out, EPOCHS);
        List<Map<String, Object>> all = ParquetQueries.query(plain, EPOCHS);
        assertTrue(all.containsAll(scheduled), "every scheduled epoch is the plain run's epoch");
        for (Map<String, Object> t : ParquetQueries.query(out,
                "SELECT trial_id, best_valid_error, test_error FROM {trials} WHERE status = 'OK'")) {
            assertEquals(t, ParquetQueries.query(plain, "SELECT trial_id, best_valid_error, test_error FROM {trials}"
                    + " WHERE trial_id = '" + t.get("trial_id") + "'").get(0), "a complete trial's result");
        }
    }

    /** Waits until a line of {@code log} matches, then kills the driver with SIGKILL. */
    private static void killWhen(Process driver, Path log, Predicate<String> line) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (lines(log).stream().noneMatch(line) && driver.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(driver.isAlive(), "the driver ended before it could be killed:\n" + String.join("\n", lines(log)));
        driver.destroyForcibly(); // SIGKILL
        driver.waitFor();
    }

    private static List<String> lines(Path log) throws IOException {
        if (!Files.exists(log)) {
            return List.of();
        }
        try (Stream<String> s = Files.lines(log)) {
            return s.toList();
        }
    }

    private static Process start(Path config, Path out, Path log, boolean resume) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("sweep", config.toString(), "--out", out.toString(),
                "--master", "local[2]"));
        if (resume) {
            args.add("--resume");
        }
        return ChildDriver.start(log, List.of(), args.toArray(String[]::new));
    }
}
