package org.paramprediction.sweep.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paramprediction.train.Alternation;
import org.paramprediction.train.Growth;

/** {@code training.alternate} and {@code dictionary.grow}: parsing, canonical JSON, unchanged ids, grid and errors. */
class FactorSettingsConfigTest {

    private static final String BASE = """
            name: golden
            method: SE-Emp
            fraction: 0.1
            columns: 5
            repeats: 2
            """;

    @Test
    void unsetOrNullKeysLeaveTheGoldenTrialIdsAsTheyWere() {
        List<TrialSpec> plain = SweepConfigLoader.parse(BASE, "golden.yaml").trials();
        assertEquals("ee865c5e8b7ad6f7", plain.get(0).trialId(), "the golden id of TrialIdentityTest");
        List<TrialSpec> explicitNull = SweepConfigLoader.parse(BASE
                + "training: {alternate: null}\ndictionary: {grow: null}\n", "golden.yaml").trials();
        assertEquals(plain.get(0).trialId(), explicitNull.get(0).trialId());
        assertFalse(plain.get(0).canonicalConfig().contains("alternate") || plain.get(0).canonicalConfig()
                .contains("grow"));
        assertNull(plain.get(0).alternate());
        assertNull(plain.get(0).grow());
    }

    @Test
    void setKeysEnterTheCanonicalConfigAndTheGrid() {
        TrialSpec t = SweepConfigLoader.parse(BASE + "training: {alternate: {v_epochs: 2, u_epochs: 1}}\n", "a.yaml")
                .trials().get(0);
        assertEquals(new Alternation(2, 1), t.alternate());
        assertTrue(t.canonicalConfig().contains("\"training\":{\"alternate\":{\"u_epochs\":1,\"v_epochs\":2},"),
                t.canonicalConfig());
        TrialSpec g = SweepConfigLoader.parse(BASE + """
                dictionary:
                  grow:
                    to: 0.5
                    every: 2
                    step: 0.05
                """, "g.yaml").trials().get(0);
        assertEquals(new Growth(0.5, 2, 0.05), g.grow());
        assertTrue(g.canonicalConfig().contains("\"grow\":{\"every\":2,\"step\":0.05,\"to\":0.5}"), g.canonicalConfig());
        List<TrialSpec> grid = SweepConfigLoader.parse(BASE.replace("repeats: 2", "repeats: 1") + """
                grid:
                  training.alternate: [null, {v_epochs: 2, u_epochs: 1}, {v_epochs: 1, u_epochs: 1}]
                """, "grid.yaml").trials();
        assertEquals(3, grid.size());
        assertEquals("ee865c5e8b7ad6f7", grid.get(0).trialId(), "null in the grid is the trial without the key");
        assertEquals(new Alternation(1, 1), grid.get(2).alternate());
    }

    @Test
    void badValuesAndCombinationsNameTheFieldTheRuleAndTheValue() {
        ConfigException e = assertThrows(ConfigException.class, () -> SweepConfigLoader.parse(BASE
                + "training: {alternate: {v_epochs: 0, u_epochs: 1, w_epochs: 3}}\n", "bad.yaml"));
        assertTrue(e.getMessage().contains("bad.yaml:6: training.alternate.v_epochs must be >= 1 but was 0"),
                e.getMessage());
        assertTrue(e.getMessage().contains("w_epochs"), e.getMessage());
        ConfigException grow = assertThrows(ConfigException.class, () -> SweepConfigLoader.parse(BASE.replace(
                "fraction: 0.1", "fraction: [0.1, 0.6]") + "dictionary: {grow: {to: 0.5, every: 2, step: 0.05}}\n",
                "bad.yaml"));
        assertTrue(grow.getMessage().contains("dictionary.grow to must be > fraction (0 < fraction < to <= 1), but"
                + " fraction is 0.6 and to 0.5"), grow.getMessage());
        ConfigException lowRank = assertThrows(ConfigException.class, () -> SweepConfigLoader.parse(BASE.replace(
                "SE-Emp", "LowRank") + "dictionary: {grow: {to: 0.5, every: 2, step: 0.05}}\n", "bad.yaml"));
        assertTrue(lowRank.getMessage().contains("LowRank draws a new random U"), lowRank.getMessage());
    }
}
