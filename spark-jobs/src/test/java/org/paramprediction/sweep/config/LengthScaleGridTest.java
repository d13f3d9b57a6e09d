package org.paramprediction.sweep.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A grid over both length scales compares a fixed with a tied SE length scale. */
class LengthScaleGridTest {

    private static final String FIXED_VS_TIED = """
            name: ls
            method: [SE, RandFixU]
            fraction: [0.05, 0.1]
            columns: 1
            grid:
              dictionary.length_scale: [2.0, null]
              dictionary.length_scale_factor: [null, 1.0]
            repeats: 1
            """;

    @Test
    void onlyPairsWithExactlyOneLengthScaleBecomeTrials() {
        SweepSpec s = SweepConfigLoader.parse(FIXED_VS_TIED, "ls.yaml");
        List<TrialSpec> se = s.trials().stream().filter(t -> t.method().equals("SE")).toList();
        assertEquals(4, se.size(), "2 fractions x (fixed 2.0, tied 1.0)");
        assertEquals(List.of("2.0/0.0", "0.0/1.0", "2.0/0.0", "0.0/1.0"),
                se.stream().map(t -> t.lengthScale() + "/" + t.lengthScaleFactor()).toList());
        assertEquals(2, s.trials().stream().filter(t -> t.method().equals("RandFixU")).count(),
                "RandFixU ignores the length scale: one trial per fraction");
    }

    @Test
    void aGridWithNoValidPairIsRefusedNamingBothKeys() {
        ConfigException e = assertThrows(ConfigException.class, () -> SweepConfigLoader.parse(
                FIXED_VS_TIED.replace("[2.0, null]", "[2.0, 3.0]").replace("[null, 1.0]", "[1.0]"), "bad.yaml"));
        assertTrue(e.getMessage().contains("bad.yaml:6: grid.dictionary.length_scale and "
                + "grid.dictionary.length_scale_factor must give at least one pair"), e.getMessage());
    }

    @Test
    void bothScalesSetOutsideAGridAreStillAnError() {
        ConfigException e = assertThrows(ConfigException.class, () -> SweepConfigLoader.parse("""
                name: ls
                dictionary: {length_scale: 2.0, length_scale_factor: 1.0}
                method: SE
                fraction: 0.1
                columns: 1
                repeats: 1
                """, "both.yaml"));
        assertTrue(e.getMessage().contains("must not both be set"), e.getMessage());
    }
}
