package org.paramprediction.sweep.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code scheduler} section: its defaults and rungs, trial ids equal to the same grid's without
 * it, and its rules (each error naming file, line, path, rule and value).
 */
class SchedulerConfigTest {

    private static final String FILE = "conf/sweeps/s.yaml";

    private static final String HEAD = """
            name: sched
            dataset: {train_size: 1000, valid_size: 200}
            model: {hidden: [16]}
            training: {epochs: 27}
            method: [Full, SE]
            fraction: 0.25
            columns: 1
            repeats: 1
            grid:
              training.learning_rate: [0.01, 0.1]
            """;

    private static SweepSpec parse(String yaml) {
        return SweepConfigLoader.parse(yaml, FILE);
    }

    private static ConfigException fail(String yaml) {
        return assertThrows(ConfigException.class, () -> parse(yaml));
    }

    private static void assertError(ConfigException e, int line, String path, String value, String ruleStart) {
        assertEquals(1, e.errors().size(), e.getMessage());
        assertEquals(FILE, e.file());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(path, e.path(), e.getMessage());
        assertEquals(value, e.value(), e.getMessage());
        assertTrue(e.rule().startsWith(ruleStart), e.rule());
        assertTrue(e.getMessage().startsWith(FILE + ":" + line + ": " + path + " "), e.getMessage());
    }

    @Test
    void defaultsAndRungsAndTheSameTrialIdsAsWithoutAScheduler() {
        SweepSpec s = parse(HEAD + "scheduler: {type: asha}\n");
        SweepScheduler sch = s.scheduler();
        assertEquals(SweepScheduler.Type.ASHA, sch.type());
        assertEquals(SelectMetric.BEST_VALID_ERROR, sch.metric());
        assertEquals(List.of(1, 3, 9, 27), sch.rungs().epochs(), "min 1, reduction 3, max = training.epochs");
        assertEquals("asha min 1 x3 max 27 best_valid_error", sch.describe());
        assertEquals(parse(HEAD).trials(), s.trials(), "the scheduler is not part of any trial's identity");

        SweepSpec sync = parse(HEAD + "scheduler: {type: sync_halving, min_epochs: 2, reduction: 2, max_epochs: 27}\n");
        assertEquals(SweepScheduler.Type.SYNC_HALVING, sync.scheduler().type());
        assertEquals(List.of(2, 4, 8, 16, 27), sync.scheduler().rungs().epochs());
        assertNull(parse(HEAD + "scheduler: {type: none}\n").scheduler());
        assertNull(parse(HEAD).scheduler());
    }

    @Test
    void badValuesAreRefusedNamingKeyRuleAndValue() {
        assertError(fail(HEAD + "scheduler: {type: hyperband}\n"), 11, "scheduler.type", "hyperband",
                "must be one of [asha, sync_halving] or none");
        assertError(fail(HEAD + "scheduler: {type: asha, reduction: 1}\n"), 11, "scheduler.reduction", "1",
                "must be >= 2");
        assertError(fail(HEAD + "scheduler: {type: asha, metric: test_error}\n"), 11, "scheduler.metric", "test_error",
                "must be a validation metric");
        assertError(fail(HEAD + "scheduler: {type: asha, max_epochs: 30}\n"), 11, "scheduler.max_epochs", "30",
                "must equal training.epochs of every trial");
        assertError(fail(HEAD + "scheduler: {min_epochs: 1}\n"), 11, "scheduler.type", null, "is required");
    }

    @Test
    void whatCannotPauseIsRefused() {
        assertError(fail((HEAD + "scheduler: {type: asha}\nselect: {over: [training.learning_rate], repeats: 2}\n")
                .replace("repeats: 1\n", "")), 10, "scheduler.type", "asha", "must not be combined with select");
        ConfigException grow = fail(HEAD.replace("fraction: 0.25", "fraction: 0.1").replace("method: [Full, SE]",
                "method: [SE]") + "dictionary: {grow: {to: 0.3, every: 2, step: 0.1}}\nscheduler: {type: asha}\n");
        assertTrue(grow.getMessage().contains("scheduler.type cannot schedule trials with dictionary.grow"),
                grow.getMessage());
        ConfigException timeout = fail(HEAD.replace("training: {epochs: 27}", "training: {epochs: 27, timeout_s: 60}")
                + "scheduler: {type: sync_halving}\n");
        assertTrue(timeout.getMessage().contains("cannot schedule trials with training.timeout_s"), timeout.getMessage());
        ConfigException epochs = fail(HEAD.replace("training: {epochs: 27}\n", "") .replace("  training.learning_rate: [0.01, 0.1]",
                "  training.epochs: [9, 27]") + "scheduler: {type: asha}\n");
        assertTrue(epochs.getMessage().contains("needs one training.epochs of every trial"), epochs.getMessage());
    }
}
