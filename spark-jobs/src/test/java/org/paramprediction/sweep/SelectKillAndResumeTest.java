package org.paramprediction.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paramprediction.ChildDriver;
import org.paramprediction.SharedSpark;
import org.paramprediction.sweep.config.SweepConfigLoader;
import org.paramprediction.sweep.config.SweepSpec;
import org.paramprediction.sweep.select.Choice;

/**
 * A tune-then-repeat sweep whose driver (a real child JVM) is killed with SIGKILL between the phases,
 * then resumed and killed again within phase 2, then resumed to the end: the phase-1 choice is
 * recomputed from the committed rows and is the same, no committed trial runs again, every trial
 * ends up exactly once, and phase 2 holds only the chosen values' repeats.
 */
class SelectKillAndResumeTest {

    private static final String CONFIG = """
            name: select-killed
            dataset: {train_size: 2000, valid_size: 300, test_size: 300}
            model: {hidden: [64, 64], activation: relu}
            training: {epochs: 2, batch_size: 50}
            method: [Full, RandFixU]
            fraction: 0.2
            columns: 1
            grid:
              training.learning_rate: [0.01, 0.1]
            select: {over: [training.learning_rate], repeats: 4}
            """;
    private static final int PHASE1 = 4;
    private static final int TOTAL = PHASE1 + 2 * 3;
    /** Each committed trial and when it finished: a trial that ran again would show a later end time. */
    private static final String COMMITS = "SELECT trial_id, end_time FROM {trials} ORDER BY trial_id";

    @TempDir
    Path tmp;

    @Test
    void killedBetweenThePhasesAndWithinPhaseTwoItResumesToTheSameChoiceRunningNothingTwice() throws Exception {
        Path config = tmp.resolve("select-killed.yaml");
        Files.writeString(config, CONFIG);
        Path out = tmp.resolve("out");
        SweepSpec sweep = SweepConfigLoader.load(config);

        // 1: killed as soon as phase 2 is announced (the choice is made, no phase-2 trial has finished)
        Path log1 = tmp.resolve("driver1.log");
        killWhen(start(config, out, log1, false), log1, l -> l.startsWith("select phase 2"));
        assertEquals(PHASE1, ParquetQueries.count(out, "SELECT count(*) FROM {trials}"), "phase 1 committed");
        assertEquals(2, ParquetQueries.count(out, "SELECT count(*) FROM {trials} WHERE selected"),
                "the choice is in the phase-1 rows before phase 2 starts");
        Map<String, Double> chosen = SelectSweepTest.expectedChoiceOf(out, List.of(0.01, 0.1));
        List<Map<String, Object>> phase1 = ParquetQueries.query(out, COMMITS);

        // 2: resumed, killed once a phase-2 trial has finished
        Path log2 = tmp.resolve("driver2.log");
        killWhen(start(config, out, log2, true), log2, l -> l.startsWith("["));
        List<Map<String, Object>> beforeLastRun = ParquetQueries.query(out, COMMITS);
        assertTrue(beforeLastRun.containsAll(phase1), "no phase-1 trial ran again: " + beforeLastRun);
        long committed = beforeLastRun.size();
        assertTrue(committed > PHASE1 && committed < TOTAL, "committed before the second kill: " + committed);

        // 3: resumed to the end in this JVM
        SweepRunner.Result r = new SweepRunner(SharedSpark.session(), new PrintStream(new ByteArrayOutputStream()))
                .run(sweep, out.toString(), true, false);
        assertEquals(TOTAL, r.total());
        assertEquals(TOTAL - committed, r.ran(), "only the trials not committed ran");
        assertEquals(chosen, SelectSweepTest.expectedChoiceOf(out, List.of(0.01, 0.1)));
        for (Choice c : r.choices()) {
            String method = c.candidate().first().method();
            assertEquals(chosen.get(method), c.candidate().first().training().learningRate(), "the same choice");
        }
        assertTrue(ParquetQueries.query(out, COMMITS).containsAll(beforeLastRun), "no committed trial ran again");
        assertEquals(TOTAL, ParquetQueries.count(out, "SELECT count(DISTINCT trial_id) FROM {trials}"));
        assertEquals(TOTAL, ParquetQueries.count(out, "SELECT count(*) FROM {trials}"));
        for (Map<String, Object> row : ParquetQueries.query(out,
                "SELECT method, learning_rate FROM {trials} WHERE repeat > 0")) {
            assertEquals(chosen.get(row.get("method")), ((Number) row.get("learning_rate")).doubleValue(), row.toString());
        }
        assertEquals(2 * 4, ParquetQueries.count(out, "SELECT count(*) FROM {trials} WHERE selected"));
        assertEquals(0, ParquetQueries.count(out,
                "SELECT count(*) FROM (SELECT trial_id, stage, epoch, count(*) AS n FROM {epochs} "
                        + "GROUP BY ALL HAVING n > 1)"), "duplicate epoch rows");
    }

    /** Waits until a line of {@code log} matches, then kills the driver with SIGKILL. */
    private static void killWhen(Process driver, Path log, Predicate<String> line) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (lines(log).stream().noneMatch(line) && driver.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(driver.isAlive(), "the driver ended before it could be killed; make the trials longer:\n"
                + String.join("\n", lines(log)));
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
