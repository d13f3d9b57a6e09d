package org.paramprediction.sweep.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code variants}: a sweep that is the union of several products (scikit-learn's list of
 * parameter grids). Each variant's keys replace or add axes; trials with the same id are kept
 * once; {@code select} groups configurations across variants; every error names its variant.
 */
class VariantsConfigTest {

    private static final String FILE = "conf/sweeps/v.yaml";

    private static final String HEAD = """
            name: var
            dataset: {train_size: 1000, valid_size: 200}
            model: {hidden: [16, 16]}
            method: [Full, SE-Emp]
            fraction: [0.1, 0.5]
            columns: 1
            grid:
              training.learning_rate: [0.01, 0.05]
            """;

    private static SweepSpec parse(String yaml) {
        return SweepConfigLoader.parse(yaml, FILE);
    }

    private static String key(TrialSpec t) {
        return t.method() + " f=" + t.fraction() + " c=" + t.columns() + " lr=" + t.training().learningRate()
                + " o=" + t.orthonormal() + " r=" + t.repeat();
    }

    @Test
    void theSweepIsTheUnionOfOneProductPerVariantWithVariantKeysReplacingOrAddingAxes() {
        SweepSpec s = parse(HEAD + """
                variants:
                  - {columns: [1]}
                  - {method: [SE-Emp], columns: [4], fraction: [0.1]}
                  - {method: [SE-Emp], dictionary.orthonormal: [false]}
                repeats: 1
                """);
        List<String> expected = List.of(
                // variant 0: the sweep's own product (Full normalised to one trial per learning rate)
                "Full f=1.0 c=1 lr=0.01 o=false r=0", "Full f=1.0 c=1 lr=0.05 o=false r=0",
                "SE-Emp f=0.1 c=1 lr=0.01 o=true r=0", "SE-Emp f=0.1 c=1 lr=0.05 o=true r=0",
                "SE-Emp f=0.5 c=1 lr=0.01 o=true r=0", "SE-Emp f=0.5 c=1 lr=0.05 o=true r=0",
                // variant 1: method and fraction replaced, columns replaced
                "SE-Emp f=0.1 c=4 lr=0.01 o=true r=0", "SE-Emp f=0.1 c=4 lr=0.05 o=true r=0",
                // variant 2: an added axis (the base value true replaced)
                "SE-Emp f=0.1 c=1 lr=0.01 o=false r=0", "SE-Emp f=0.1 c=1 lr=0.05 o=false r=0",
                "SE-Emp f=0.5 c=1 lr=0.01 o=false r=0", "SE-Emp f=0.5 c=1 lr=0.05 o=false r=0");
        assertEquals(expected, s.trials().stream().map(VariantsConfigTest::key).toList());
        assertEquals(List.of(1, 4), s.columns());
        assertEquals(List.of("training.learning_rate", "dictionary.orthonormal"), s.gridKeys());
    }

    @Test
    void aTrialInTwoVariantsIsKeptOnceWithTheIdOfAPlainSweep() {
        SweepSpec union = parse(HEAD + """
                variants:
                  - {fraction: [0.1]}
                  - {fraction: [0.1, 0.5]}
                repeats: 2
                """);
        SweepSpec plain = parse(HEAD + "repeats: 2\n");
        assertEquals(plain.trials().stream().map(TrialSpec::trialId).collect(Collectors.toSet()),
                union.trials().stream().map(TrialSpec::trialId).collect(Collectors.toSet()));
        assertEquals(plain.trials().size(), union.trials().size());
    }

    @Test
    void selectChoosesPerConfigurationAcrossVariantsAndKeepsARepeatedConfigurationOnce() {
        SweepSpec s = parse(HEAD + """
                variants:
                  - {fraction: [0.1]}
                  - {method: [SE-Emp], fraction: [0.1], dictionary.orthonormal: [true, false]}
                select: {over: [training.learning_rate], repeats: 3}
                """);
        List<String> configurations = s.select().groups().stream().map(SelectGroup::configuration).toList();
        assertEquals(List.of("method=Full", "method=SE-Emp", "method=SE-Emp dictionary.orthonormal=false"),
                configurations,
                "SE-Emp at 0.1 with orthonormal U is in both variants and chosen once");
        for (SelectGroup g : s.select().groups()) {
            assertEquals(List.of("training.learning_rate=0.01", "training.learning_rate=0.05"),
                    g.candidates().stream().map(SelectCandidate::value).toList());
            Set<Boolean> orthonormal = g.candidates().stream().flatMap(c -> c.trials().stream())
                    .map(TrialSpec::orthonormal).collect(Collectors.toSet());
            assertEquals(1, orthonormal.size(), g.configuration());
        }
    }

    @Test
    void selectOverAKeyVariedOnlyInAVariantIsAllowed() {
        SweepSpec s = parse("""
                name: var
                dataset: {train_size: 1000, valid_size: 200}
                model: {hidden: [16]}
                method: SE
                fraction: 0.1
                columns: 1
                variants:
                  - {training.learning_rate: [0.01, 0.05]}
                  - {training.learning_rate: [0.02], dictionary.ridge: [0.01]}
                select: {over: [training.learning_rate], repeats: 2}
                """);
        assertEquals(2, s.select().groups().size());
        assertEquals(1, s.select().groups().get(1).candidates().size());
    }

    @Test
    void aVariantValueThatIsNotAListIsRefusedNamingTheVariant() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(HEAD + """
                variants:
                  - {columns: [1]}
                  - {columns: 4}
                repeats: 1
                """));
        assertEquals(1, e.errors().size(), e.getMessage());
        assertEquals("variants[1].columns", e.path());
        assertEquals(11, e.line());
        assertEquals("4", e.value());
        assertTrue(e.rule().startsWith("must be a list of values of columns"), e.rule());
    }

    @Test
    void badVariantsAreReportedTogetherWithFileLinePathRuleAndValue() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(HEAD + """
                variants:
                  - {fraction: [0.1, 1.5]}
                  - {dictionary.rdge: [0.1]}
                  - {}
                repeats: 1
                """));
        List<String> lines = e.errors().stream().map(ConfigError::toString).toList();
        assertEquals(3, lines.size(), e.getMessage());
        assertTrue(lines.get(0).startsWith(FILE + ":10: variants[0].fraction[1] must be in (0, 1] but was 1.5"),
                lines.get(0));
        assertTrue(lines.get(1).startsWith(FILE + ":11: variants[1] keys must be one of ["), lines.get(1));
        assertTrue(lines.get(1).endsWith("but was dictionary.rdge"), lines.get(1));
        assertTrue(lines.get(2).startsWith(FILE + ":12: variants[2] must give at least one key"), lines.get(2));

        ConfigException notAList = assertThrows(ConfigException.class,
                () -> parse(HEAD + "variants: {columns: [1]}\nrepeats: 1\n"));
        assertEquals("variants", notAList.path());
        assertTrue(notAList.rule().startsWith("must be a non-empty list of mappings"), notAList.rule());
    }

    @Test
    void anInvalidValueInOneVariantIsReportedNotThrown() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(HEAD + """
                variants:
                  - {columns: [1]}
                  - {fraction: [1.5]}
                repeats: 1
                """));
        assertEquals(1, e.errors().size(), e.getMessage());
        assertEquals("variants[1].fraction[0]", e.path());
        assertEquals("1.5", e.value());
    }

    @Test
    void aTiedLengthScaleInOneVariantLeavesTheFixedDefaultToTheOthers() {
        SweepSpec s = parse("""
                name: var
                dataset: {train_size: 1000, valid_size: 200}
                model: {hidden: [16]}
                method: SE
                fraction: 0.2
                columns: 1
                variants:
                  - {dictionary.length_scale_factor: [1.0]}
                  - {fraction: [0.1]}
                repeats: 1
                """);
        assertEquals(2, s.trials().size());
        TrialSpec tied = s.trials().get(0);
        assertEquals(0.0, tied.lengthScale());
        assertEquals(1.0, tied.lengthScaleFactor());
        TrialSpec fixed = s.trials().get(1);
        assertEquals(2.0, fixed.lengthScale(), "the default");
        assertEquals(0.0, fixed.lengthScaleFactor());
    }

    @Test
    void aConfigurationGivenByTwoVariantsInAnotherOrderIsChosenOnceAndDifferentCandidatesAreRefused() {
        String same = HEAD.replace("grid:\n  training.learning_rate: [0.01, 0.05]\n", "") + """
                variants:
                  - {training.learning_rate: [0.01, 0.05]}
                  - {method: [SE-Emp], training.learning_rate: [0.05, 0.01]}
                select: {over: [training.learning_rate], repeats: 2}
                """;
        List<String> configurations = parse(same).select().groups().stream().map(SelectGroup::configuration).toList();
        assertEquals(3, configurations.size(), configurations.toString()); // Full, SE-Emp at 0.1 and at 0.5
        assertEquals(configurations.stream().distinct().toList(), configurations);

        ConfigException e = assertThrows(ConfigException.class, () -> parse(same.replace("[0.05, 0.01]", "[0.05]")));
        assertEquals("select.over", e.path());
        assertTrue(e.rule().contains("different candidates in two places"), e.rule());
    }

    @Test
    void aHugeProductIsRefusedWithoutOverflow() {
        StringBuilder grid = new StringBuilder("grid:\n");
        String[] keys = {"training.learning_rate", "training.weight_decay", "training.momentum_start",
            "training.momentum_end", "training.learning_rate_decay", "dictionary.ridge", "training.max_column_norm"};
        for (String k : keys) {
            grid.append("  ").append(k).append(": [");
            for (int i = 1; i <= 999; i++) {
                grid.append(i == 1 ? "" : ", ").append("0.").append(String.format(Locale.ROOT, "%03d", i));
            }
            grid.append("]\n");
        }
        ConfigException e = assertThrows(ConfigException.class, () -> parse(HEAD.replaceFirst("grid:\n.*\n", "")
                + grid + "repeats: 1\n"));
        assertTrue(e.getMessage().contains("expands to more than 100000 trials"), e.getMessage());
    }
}
