package org.paramprediction.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paramprediction.SharedSpark;
import org.paramprediction.sweep.ParquetQueries;

/**
 * The console of {@code train-distributed}, run for real (in this JVM, on the shared local[2] session,
 * stdout captured) on a Fashion-MNIST subset: one short header per trial, one line per epoch whose
 * rounds, bytes and validation error are those of the {@code rounds} table, and per-round lines only
 * with {@code --verbose}.
 */
class DistributedConsoleTest {

    private static final String CONFIG = """
            name: console
            dataset: {train_size: 1000, valid_size: 200, test_size: 200}
            model: {hidden: [24, 24], activation: relu}
            training: {epochs: 2, stage_epochs: 1}
            distributed: {mode: data_parallel, partitions: 3, steps_per_round: 2}
            method: [Full, SE-Emp]
            fraction: 0.25
            columns: 2
            repeats: 1
            """;

    private final Level before = LogManager.getRootLogger().getLevel();

    @TempDir
    Path tmp;

    @AfterEach
    void restoreTheLevel() {
        Configurator.setRootLevel(before);
    }

    @Test
    void aDataParallelTrialPrintsOneLinePerEpochAndRoundsOnlyWithVerbose() throws Exception {
        SharedSpark.session(); // the command reuses the running session and leaves it running
        Path config = Files.writeString(tmp.resolve("console.yaml"), CONFIG);

        Path out = tmp.resolve("plain");
        CliRun plain = CliRun.of("train-distributed", config.toString(), "--out", out.toString());
        assertEquals(0, plain.code(), plain.out() + plain.err());
        System.out.print("DistributedConsoleTest, the console of train-distributed:\n" + plain.out());
        List<String> lines = plain.out().lines().toList();
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("  round ")), "no round lines:\n" + plain.out());
        assertFalse(plain.out().contains("\r"), "no live line off a terminal");
        assertFalse(plain.out().contains("DistributedSpec"), plain.out());
        assertTrue(lines.contains("sweep: 2 trials, 0 already committed, 2 to run (2 distributed, one at a time)"),
                plain.out());
        assertTrue(lines.contains("trial 1/2: Full f=1.00 c=1 r=0, data-parallel over 3 partitions (2 steps per round)"),
                plain.out());
        assertTrue(lines.contains("trial 2/2: SE-Emp f=0.250 c=2 r=0, data-parallel over 3 partitions (2 steps per round)"),
                plain.out());
        List<String> epochLines = lines.stream().filter(l -> l.matches("  (stage \\d+ )?epoch \\d+/\\d+: .*")).toList();
        List<String> expected = expectedEpochLines(out);
        assertEquals(5, expected.size(), "Full: 2 epochs; SE-Emp: 1 pre-training epoch + 2");
        assertEquals(expected.size(), epochLines.size(), plain.out());
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(epochLines.get(i).startsWith(expected.get(i).split("\\|")[0])
                    && epochLines.get(i).endsWith(expected.get(i).split("\\|")[1]),
                    "epoch line " + i + ": expected " + expected.get(i) + " but was " + epochLines.get(i));
        }
        List<String> trialLines = lines.stream().filter(l -> l.startsWith("[")).toList();
        assertEquals(2, trialLines.size(), plain.out());
        assertTrue(trialLines.get(0).startsWith("[1/2] OK     Full f=1.00 c=1 r=0 data_parallel/3")
                && trialLines.get(0).matches(".*, ETA ~\\d+:\\d\\d:\\d\\d \\(1 distributed x \\d+\\.\\d s mean\\)"),
                trialLines.get(0));
        assertTrue(trialLines.get(1).endsWith("ETA 0:00:00"), trialLines.get(1));

        Path verboseOut = tmp.resolve("verbose");
        CliRun verbose = CliRun.of("train-distributed", "--verbose", config.toString(), "--out", verboseOut.toString());
        assertEquals(0, verbose.code(), verbose.out() + verbose.err());
        long roundLines = verbose.out().lines().filter(l -> l.startsWith("  round ")).count();
        assertEquals(ParquetQueries.count(verboseOut, "SELECT count(*) FROM {rounds}"), roundLines, verbose.out());
        assertEquals(4 + 6, roundLines, "rounds of both trials, as in SweepEndToEndTest");
        assertEquals(epochLines.size(),
                verbose.out().lines().filter(l -> l.matches("  (stage \\d+ )?epoch \\d+/\\d+: .*")).count());
    }

    /**
     * The start and end of each epoch line, worked out from the {@code rounds} table: {@code "  epoch
     * 1/2: 2 rounds, down X, up Y, |, valid 0.1234"}, trials in the order they ran.
     */
    private static List<String> expectedEpochLines(Path out) {
        List<Map<String, Object>> rows = ParquetQueries.query(out, "SELECT t.method, r.stage, r.epoch, count(*) AS n,"
                + " sum(r.bytes_down) AS down, sum(r.bytes_up) AS up, max(r.valid_error) AS valid"
                + " FROM {rounds} r JOIN {trials} t USING (trial_id)"
                + " GROUP BY t.method, r.stage, r.epoch ORDER BY t.method, r.stage DESC, r.epoch");
        return rows.stream().map(r -> {
            int stage = ((Number) r.get("stage")).intValue();
            int epoch = ((Number) r.get("epoch")).intValue();
            String name = stage == 0 ? "epoch " + epoch + "/2" : "stage " + stage + " epoch " + epoch + "/1";
            return String.format(Locale.ROOT, "  %s: %d rounds, down %s, up %s, |, valid %.4f", name,
                    ((Number) r.get("n")).intValue(), bytes(((Number) r.get("down")).longValue()),
                    bytes(((Number) r.get("up")).longValue()), ((Number) r.get("valid")).doubleValue());
        }).toList();
    }

    /** The console's byte format, written out here so that a change to it shows. */
    private static String bytes(long b) {
        return b < 1_000_000 ? String.format(Locale.ROOT, "%.1f kB", b / 1e3)
                : String.format(Locale.ROOT, "%.2f MB", b / 1e6);
    }
}
