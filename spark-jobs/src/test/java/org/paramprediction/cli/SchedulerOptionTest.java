package org.paramprediction.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.paramprediction.io.BadInputException;
import org.paramprediction.sweep.config.SweepConfigLoader;
import org.paramprediction.sweep.config.SweepScheduler;
import org.paramprediction.sweep.config.SweepSpec;

/** {@code sweep --scheduler TYPE}: the same grid (the same trials) under another scheduler type, or none. */
class SchedulerOptionTest {

    private static final String GRID = """
            name: slice
            dataset: {train_size: 1000, valid_size: 200}
            model: {hidden: [16]}
            training: {epochs: 9}
            method: [SE]
            fraction: 0.25
            columns: 1
            repeats: 1
            grid:
              training.learning_rate: [0.01, 0.1]
            """;

    @Test
    void theFilesRungsUnderAnotherTypeOrNoneWithTheSameTrials() {
        SweepSpec asha = SweepConfigLoader.parse(GRID + "scheduler: {type: asha, reduction: 3}\n", "s.yaml");
        SweepSpec sync = SweepCommand.withScheduler(asha, "sync_halving");
        assertEquals(SweepScheduler.Type.SYNC_HALVING, sync.scheduler().type());
        assertEquals(asha.scheduler().rungs(), sync.scheduler().rungs());
        assertEquals(asha.trials(), sync.trials());
        SweepSpec none = SweepCommand.withScheduler(asha, "none");
        assertNull(none.scheduler());
        assertEquals(asha.trials(), none.trials());
        assertEquals(asha, SweepCommand.withScheduler(asha, null));
    }

    @Test
    void anUnknownTypeOrAFileWithoutRungsIsRefused() {
        SweepSpec asha = SweepConfigLoader.parse(GRID + "scheduler: {type: asha}\n", "s.yaml");
        BadInputException bad = assertThrows(BadInputException.class, () -> SweepCommand.withScheduler(asha, "hyper"));
        assertTrue(bad.getMessage().contains("--scheduler must be one of asha, sync_halving, none but was hyper"),
                bad.getMessage());
        SweepSpec plain = SweepConfigLoader.parse(GRID, "plain.yaml");
        BadInputException none = assertThrows(BadInputException.class, () -> SweepCommand.withScheduler(plain, "asha"));
        assertTrue(none.getMessage().contains("needs a scheduler section in plain.yaml"), none.getMessage());
    }
}
