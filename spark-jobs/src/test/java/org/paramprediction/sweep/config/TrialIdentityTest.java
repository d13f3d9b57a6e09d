package org.paramprediction.sweep.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.paramprediction.layer.Activation;
import org.paramprediction.train.TrainingConfig;

class TrialIdentityTest {

    private static final String TINY = """
            name: golden
            method: SE-Emp
            fraction: 0.1
            columns: 5
            repeats: 2
            """;

    @Test
    void goldenIdsAndSeedsOfATinyConfig() {
        List<TrialSpec> trials = SweepConfigLoader.parse(TINY, "golden.yaml").trials();
        assertEquals("{\"columns\":5,\"dataset\":{\"permutation_seed\":null,\"root\":\"/usr/share/datasets/"
                + "fashion-mnist\",\"test_size\":null,\"train_size\":50000,\"valid_size\":10000},\"dictionary\":"
                + "{\"length_scale\":2,\"length_scale_factor\":null,\"orthonormal\":true,\"ridge\":0.001},"
                + "\"fraction\":0.1,\"method\":\"SE-Emp\",\"model\":{\"activation\":\"relu\",\"hidden\":[500,500]},"
                + "\"repeat\":0,\"training\":{\"batch_size\":100,\"epochs\":20,\"learning_rate\":0.02,"
                + "\"learning_rate_decay\":0.95,\"max_column_norm\":4,\"momentum_end\":0.9,"
                + "\"momentum_ramp_epochs\":5,\"momentum_start\":0.5,\"patience\":5,\"stage_epochs\":3,"
                + "\"weight_decay\":0.00001}}", trials.get(0).canonicalConfig());
        // worked out independently with Python: hashlib.sha256(canonical.encode()).hexdigest()[:16] and
        // int.from_bytes(sha256(("seed:" + canonical).encode()).digest()[:8], "big") & (2**63 - 1)
        assertEquals("ee865c5e8b7ad6f7", trials.get(0).trialId());
        assertEquals(5879964077027461283L, trials.get(0).seed());
        assertEquals(trials.get(0).canonicalConfig().replace("\"repeat\":0", "\"repeat\":1"),
                trials.get(1).canonicalConfig());
        assertEquals("04edfc5affdfe9ff", trials.get(1).trialId());
        assertEquals(8751811718235597094L, trials.get(1).seed());
    }

    @Test
    void idsAndSeedsDependOnlyOnTheConfigNotOnSweepNameOrFile() {
        TrialSpec a = SweepConfigLoader.parse(TINY, "a.yaml").trials().get(0);
        TrialSpec b = SweepConfigLoader.parse(TINY.replace("golden", "other"), "b.yaml").trials().get(0);
        assertEquals(a.trialId(), b.trialId());
        assertEquals(a.seed(), b.seed());
        assertEquals("golden", a.sweepId());
        assertEquals("other", b.sweepId());
    }

    @Test
    void repeatsAndSettingsGiveDistinctIdsAndSeeds() {
        SweepSpec s = SweepConfigLoader.parse("""
                name: distinct
                method: [SE, SE-Emp, RandFixU]
                fraction: [0.05, 0.1]
                columns: [1, 5]
                repeats: 3
                """, "d.yaml");
        Set<String> ids = new HashSet<>();
        Set<Long> seeds = new HashSet<>();
        for (TrialSpec t : s.trials()) {
            ids.add(t.trialId());
            seeds.add(t.seed());
            assertTrue(t.seed() > 0);
            assertEquals(16, t.trialId().length());
        }
        assertEquals(36, ids.size());
        assertEquals(36, seeds.size());
    }

    @Test
    void createNormalisesWhatTheMethodIgnores() {
        TrainingConfig tc = TrainingConfig.defaults();
        TrialSpec full = TrialSpec.create("s", 0, Method.FULL, 0.1, 5, "idx", "/d", 10, 10, null, null,
                List.of(8), Activation.RELU, 0.01, 2.0, 0, true, tc, null, null, null);
        TrialSpec full2 = TrialSpec.create("s", 0, Method.FULL, 0.3, 1, "idx", "/d", 10, 10, null, null,
                List.of(8), Activation.RELU, 0.5, 3.0, 0, false, tc, null, null, null);
        assertEquals(full.trialId(), full2.trialId());
        assertEquals(1.0, full.fraction());
        assertEquals(0.0, full.ridge());
        TrialSpec rand = TrialSpec.create("s", 0, Method.RAND_FIX_U, 0.1, 5, "idx", "/d", 10, 10, null, null,
                List.of(8), Activation.RELU, 0.01, 2.0, 0, true, tc, null, null, null);
        assertEquals(0.0, rand.ridge());
        assertEquals(0.0, rand.lengthScale());
        assertTrue(rand.orthonormal());
        TrialSpec lowRank = TrialSpec.create("s", 0, Method.LOW_RANK, 0.1, 5, "idx", "/d", 10, 10, null, null,
                List.of(8), Activation.RELU, 0.01, 2.0, 0, true, tc, null, null, null);
        assertEquals(false, lowRank.orthonormal());
    }

    @Test
    void canonicalConstructorRefusesAnIdThatDoesNotMatchTheConfig() {
        TrialSpec t = SweepConfigLoader.parse(TINY, "golden.yaml").trials().get(0);
        assertThrows(IllegalArgumentException.class, () -> new TrialSpec(t.sweepId(), "0000000000000000", t.repeat(),
                t.seed(), t.method(), t.fraction(), t.columns(), t.dataFormat(), t.dataRoot(), t.trainSize(), t.validSize(),
                t.testSize(), t.permutationSeed(), t.hidden(), t.activation(), t.ridge(), t.lengthScale(),
                t.lengthScaleFactor(), t.orthonormal(), t.training(), t.distributed(), t.conv(), t.canonicalConfig(), t.timeoutSeconds()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TrialSpec(t.sweepId(),
                t.trialId(), t.repeat(), t.seed(), t.method(), 0.2, t.columns(), t.dataFormat(), t.dataRoot(), t.trainSize(),
                t.validSize(), t.testSize(), t.permutationSeed(), t.hidden(), t.activation(), t.ridge(),
                t.lengthScale(), t.lengthScaleFactor(), t.orthonormal(), t.training(), t.distributed(), t.conv(), t.canonicalConfig(), t.timeoutSeconds()));
        assertTrue(e.getMessage().startsWith("canonicalConfig must be"), e.getMessage());
        // and the round trip through the canonical constructor works
        assertEquals(t, new TrialSpec(t.sweepId(), t.trialId(), t.repeat(), t.seed(), t.method(), t.fraction(),
                t.columns(), t.dataFormat(), t.dataRoot(), t.trainSize(), t.validSize(), t.testSize(), t.permutationSeed(),
                t.hidden(), t.activation(), t.ridge(), t.lengthScale(), t.lengthScaleFactor(), t.orthonormal(),
                t.training(), t.distributed(), t.conv(), t.canonicalConfig(), t.timeoutSeconds()));
    }

    @Test
    void seedIsTheFirstEightBytesOfTheHashWithTheSignBitCleared() {
        // worked out with coreutils: printf 'seed:x' | sha256sum -> 702f28b0d47c0b8a...,
        // printf 'x' | sha256sum -> 2d711642b726b044...
        assertEquals(0x702f28b0d47c0b8aL, TrialIdentity.seed("x"));
        assertEquals("2d711642b726b044", TrialIdentity.trialId("x"));
    }

    @Test
    void canonicalJsonSortsKeysAndEscapesStrings() {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("c", "q\"\n");
        m.put("b", null);
        m.put("a", List.of(1, 2L, 0.5, true));
        assertEquals("{\"a\":[1,2,0.5,true],\"b\":null,\"c\":\"q\\\"\\n\"}", CanonicalJson.render(m));
    }

    @Test
    void decimalsAreShortestRoundTrip() {
        assertEquals("0.1", CanonicalJson.decimal(0.1));
        assertEquals("0.00001", CanonicalJson.decimal(1e-5));
        assertEquals("2", CanonicalJson.decimal(2.0));
        assertEquals("50000", CanonicalJson.decimal(5e4));
        assertEquals("0.30000000000000004", CanonicalJson.decimal(0.1 + 0.2));
        assertEquals("0." + "0".repeat(299) + "1", CanonicalJson.decimal(1e-300));
        assertNotEquals(CanonicalJson.decimal(0.1), CanonicalJson.decimal(Math.nextUp(0.1)));
    }
}
