package org.paramprediction.sweep.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The {@code select} section: its configurations and candidates, trial ids equal to a plain sweep's,
 * and its rules (each error naming file, line, path, rule and value).
 */
class SelectConfigTest {

    private static final String FILE = "conf/sweeps/x.yaml";

    private static final String HEAD = """
            name: sel
            dataset: {train_size: 1000, valid_size: 200}
            model: {hidden: [16]}
            method: [Full, SE]
            fraction: 0.25
            columns: 1
            grid:
              training.learning_rate: [0.01, 0.1, 0.05]
            """;

    private static SweepSpec parse(String yaml) {
        return SweepConfigLoader.parse(yaml, FILE);
    }

    private static ConfigException fail(String yaml) {
        return assertThrows(ConfigException.class, () -> parse(yaml));
    }

    @Test
    void everyConfigurationHasItsCandidatesInFileOrderWithOneTrialPerRepeat() {
        SweepSpec s = parse(HEAD + "select: {over: [training.learning_rate], metric: best_valid_error, repeats: 3}\n");
        SweepSelect select = s.select();
        assertEquals(List.of("training.learning_rate"), select.over());
        assertEquals(SelectMetric.BEST_VALID_ERROR, select.metric());
        assertEquals(3, s.repeats());
        assertEquals(2 * 3 * 3, s.trials().size(), "every grid point x repeat, as a plain sweep");
        assertEquals(List.of("method=Full", "method=SE"),
                select.groups().stream().map(SelectGroup::configuration).toList());
        for (SelectGroup g : select.groups()) {
            assertEquals(List.of("training.learning_rate=0.01", "training.learning_rate=0.1",
                    "training.learning_rate=0.05"), g.candidates().stream().map(SelectCandidate::value).toList());
            for (SelectCandidate c : g.candidates()) {
                assertEquals(List.of(0, 1, 2), c.trials().stream().map(TrialSpec::repeat).toList());
                assertEquals(1, c.trials().stream().map(t -> t.training().learningRate()).distinct().count());
                assertEquals(g.configuration(), "method=" + c.first().method());
            }
        }
    }

    @Test
    void selectedTrialsHaveTheIdsOfAPlainSweepWithTheSameRepeats() {
        SweepSpec selected = parse(HEAD + "select: {over: [training.learning_rate], repeats: 3}\n");
        SweepSpec plain = parse(HEAD + "repeats: 3\n");
        assertNull(plain.select());
        assertEquals(plain.trials(), selected.trials());
        Set<String> candidates = selected.select().groups().stream().flatMap(g -> g.candidates().stream())
                .flatMap(c -> c.trials().stream()).map(TrialSpec::trialId).collect(Collectors.toSet());
        assertEquals(plain.trials().stream().map(TrialSpec::trialId).collect(Collectors.toSet()), candidates);
    }

    @Test
    void aSettingAMethodIgnoresGivesOneCandidate() {
        SweepSpec s = parse("""
                name: sel
                dataset: {train_size: 1000, valid_size: 200}
                model: {hidden: [16]}
                method: [Full, SE]
                fraction: [0.1, 0.25]
                columns: 1
                select: {over: [fraction], repeats: 2}
                """);
        assertEquals(List.of("method=Full", "method=SE"),
                s.select().groups().stream().map(SelectGroup::configuration).toList());
        assertEquals(List.of("fraction=1"), s.select().groups().get(0).candidates().stream()
                .map(SelectCandidate::value).toList(), "Full has fraction 1 whatever the file says");
        assertEquals(2, s.select().groups().get(1).candidates().size());
    }

    @Test
    void severalOverKeysAndOtherAxesMakeTheConfiguration() {
        SweepSpec s = parse(HEAD + """
                  dictionary.ridge: [0.001, 0.01]
                  training.batch_size: [50, 100]
                select: {over: [training.learning_rate, training.batch_size], repeats: 2}
                """);
        // Full ignores ridge: one configuration; SE: one per ridge
        assertEquals(List.of("method=Full dictionary.ridge=0.001", "method=SE dictionary.ridge=0.001",
                "method=SE dictionary.ridge=0.01"), s.select().groups().stream().map(SelectGroup::configuration).toList());
        SelectGroup g = s.select().groups().get(1);
        assertEquals(6, g.candidates().size());
        assertEquals("training.learning_rate=0.01 training.batch_size=50", g.candidates().get(0).value());
        assertEquals("training.learning_rate=0.01 training.batch_size=100", g.candidates().get(1).value());
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
    void aTestMetricIsRefusedNamingTheRule() {
        ConfigException e = fail(HEAD + "select: {over: [training.learning_rate], metric: test_error, repeats: 3}\n");
        assertError(e, 9, "select.metric", "test_error", "must be a validation metric, one of [best_valid_error]");
        assertTrue(e.rule().contains("only validation data may choose"), e.rule());
        assertError(fail(HEAD + "select: {over: [training.learning_rate], metric: accuracy, repeats: 3}\n"), 9,
                "select.metric", "accuracy", "must be one of [best_valid_error]");
    }

    @Test
    void overMustNameAVariedKey() {
        ConfigException unknown = fail(HEAD + "select: {over: [training.lr], repeats: 3}\n");
        assertError(unknown, 9, "select.over[0]", "training.lr", "must name a key the sweep varies");
        assertTrue(unknown.rule().contains("[method, training.learning_rate]"), unknown.rule());
        assertError(fail(HEAD + "select: {over: [fraction], repeats: 3}\n"), 9, "select.over[0]", "fraction",
                "must name a key with at least 2 values to choose from (fraction has 1)");
        assertError(fail(HEAD + "select: {over: [training.epochs], repeats: 3}\n"), 9, "select.over[0]",
                "training.epochs", "must name a key the sweep varies");
        assertError(fail(HEAD + "select: {over: [], repeats: 3}\n"), 9, "select.over", "a list []",
                "must be a non-empty list of sweep keys");
        assertError(fail(HEAD + "select: {over: training.learning_rate, repeats: 3}\n"), 9, "select.over",
                "training.learning_rate", "must be a non-empty list of sweep keys");
        assertError(fail(HEAD + "select: {repeats: 3}\n"), 9, "select.over", null, "is required");
    }

    @Test
    void repeatsComeFromTheSectionOnly() {
        ConfigException both = fail(HEAD + "repeats: 2\nselect: {over: [training.learning_rate], repeats: 3}\n");
        assertError(both, 9, "repeats", "2", "must not be given with select (select.repeats replaces it");
        assertError(fail(HEAD + "select: {over: [training.learning_rate], repeats: 0}\n"), 9, "select.repeats", "0",
                "must be >= 1");
        assertError(fail(HEAD + "select: {over: [training.learning_rate]}\n"), 9, "select.repeats", null,
                "is required");
        assertError(fail(HEAD + "select: {over: [training.learning_rate], repeats: 2, seeds: 3}\n"), 9, "select",
                "seeds", "keys must be one of [over, metric, repeats]");
    }
}
