package org.paramprediction.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paramprediction.SharedSpark;
import org.paramprediction.sweep.config.SweepConfigLoader;
import org.paramprediction.sweep.config.SweepSpec;
import org.paramprediction.sweep.config.TrialSpec;

/**
 * A trial's limits. {@code training.timeout_s}: a trial that trains longer is stopped within a
 * minibatch and committed FAILED as timed out, with the epochs it finished; a trial within the limit
 * is untouched; the limit is not part of a trial's identity. Memory: a model that cannot fit under
 * the executor's off-heap limit is FAILED before it allocates, and the sweep goes on.
 */
class TrialLimitsTest {

    private static final String CONFIG = """
            name: timeout
            dataset: {train_size: 1000, valid_size: 500, test_size: 500}
            model: {hidden: [16], activation: relu}
            training: {epochs: 1, patience: 100000%s}
            method: Full
            fraction: 1.0
            columns: 1
            repeats: 1
            grid:
              training.epochs: [1, 100000]
            """;

    @TempDir
    Path tmp;

    @Test
    void aTrialPastItsLimitIsFailedAsTimedOutAndKeepsItsEpochs() throws Exception {
        SweepSpec sweep = SweepConfigLoader.load(Files.writeString(tmp.resolve("t.yaml"),
                CONFIG.formatted(", timeout_s: 20")));
        SweepSpec unlimited = SweepConfigLoader.load(Files.writeString(tmp.resolve("u.yaml"), CONFIG.formatted("")));
        assertEquals(unlimited.trials().stream().map(TrialSpec::trialId).toList(),
                sweep.trials().stream().map(TrialSpec::trialId).toList(), "the limit is not part of the trial id");
        assertEquals(20, sweep.trials().get(0).timeoutSeconds());

        Path out = tmp.resolve("out");
        SweepRunner.Result r = new SweepRunner(SharedSpark.session(), new PrintStream(new ByteArrayOutputStream()))
                .run(sweep, out.toString(), false, false);
        assertEquals(1, r.failed());
        List<Map<String, Object>> rows = ParquetQueries.query(out,
                "SELECT t.max_epochs, t.status, t.error, (SELECT count(*) FROM {epochs} e WHERE e.trial_id = t.trial_id) "
                        + "AS epochs FROM {trials} t ORDER BY t.max_epochs");
        assertEquals("OK", rows.get(0).get("status"), rows.toString());
        Map<String, Object> slow = rows.get(1);
        assertEquals("FAILED", slow.get("status"));
        String error = (String) slow.get("error");
        assertTrue(error.startsWith("timed out: training ran longer than training.timeout_s = 20 s (")
                && error.contains("training was interrupted at stage 0, epoch "), error);
        long epochs = ((Number) slow.get("epochs")).longValue();
        assertTrue(epochs >= 1 && epochs < 100000, "the epochs finished before the limit are kept: " + epochs);
    }

    @Test
    void aModelTooBigForTheExecutorIsFailedBeforeItAllocatesAndTheSweepGoesOn() throws Exception {
        SweepSpec sweep = SweepConfigLoader.load(Files.writeString(tmp.resolve("m.yaml"), """
                name: memory
                dataset: {train_size: 1000, valid_size: 500, test_size: 500}
                model: {hidden: [16], activation: relu}
                training: {epochs: 1}
                method: Full
                fraction: 1.0
                columns: 1
                repeats: 1
                grid:
                  model.hidden: [[16], [200000, 5000]]
                """));
        Path out = tmp.resolve("out");
        SweepRunner.Result r = new SweepRunner(SharedSpark.session(), new PrintStream(new ByteArrayOutputStream()))
                .run(sweep, out.toString(), false, false);
        assertEquals(1, r.failed());
        List<Map<String, Object>> rows = ParquetQueries.query(out,
                "SELECT hidden, status, error, seconds FROM {trials} ORDER BY hidden");
        assertEquals("OK", rows.get(0).get("status"), rows.toString());
        assertEquals("200000-5000", rows.get(1).get("hidden"));
        assertEquals("FAILED", rows.get(1).get("status"));
        String error = (String) rows.get(1).get("error");
        // 784 x 200,000 + 200,000 x 5,000 weights, three times, as float32: 13,245 MiB at least
        assertTrue(error.startsWith("out of memory: training this model needs at least 13") && error.contains(
                "MiB (JavaCPP maxbytes"), error);
    }
}
