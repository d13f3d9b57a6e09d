package org.paramprediction.sweep.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paramprediction.dictionary.DictionaryKind;
import org.paramprediction.dictionary.KernelKind;
import org.paramprediction.train.DictionarySpec;

class MethodTest {

    private static final double FRACTION = 0.1;
    private static final int COLUMNS = 5;
    private static final double RIDGE = 0.01;
    private static final double LENGTH_SCALE = 2.0;

    private static List<DictionarySpec> threeLayers(Method m, boolean orthonormal) {
        return m.layers(3, FRACTION, COLUMNS, RIDGE, LENGTH_SCALE, 0, orthonormal);
    }

    /** "kind/kernel" of each of three layers. */
    private static List<String> labels(Method m) {
        return threeLayers(m, false).stream()
                .map(d -> d.kind() == DictionaryKind.KERNEL_RIDGE ? d.kernel().name() : d.kind().name())
                .toList();
    }

    @Test
    void eachMethodGivesThePaperLayers() {
        Map<Method, List<String>> expected = Map.ofEntries(
                Map.entry(Method.FULL, List.of("FULL", "FULL", "FULL")),
                Map.entry(Method.LOW_RANK, List.of("LOW_RANK", "LOW_RANK", "LOW_RANK")),
                Map.entry(Method.RAND_CON, List.of("RAND_CON", "RAND_CON", "RAND_CON")),
                Map.entry(Method.RAND_FIX_U, List.of("RAND_FIX_U", "RAND_FIX_U", "RAND_FIX_U")),
                Map.entry(Method.SE, List.of("SE", "SE", "SE")),
                Map.entry(Method.SE_EMP, List.of("SE", "EMPIRICAL", "EMPIRICAL")),
                Map.entry(Method.SE_EMP2, List.of("SE", "EMPIRICAL_SQUARED", "EMPIRICAL_SQUARED")),
                Map.entry(Method.SE_RAND, List.of("SE", "RANDOM", "RANDOM")),
                Map.entry(Method.EMP_EMP, List.of("EMPIRICAL", "EMPIRICAL", "EMPIRICAL")),
                Map.entry(Method.PCA, List.of("PCA", "PCA", "PCA")),
                Map.entry(Method.DCT, List.of("DCT", "EMPIRICAL", "EMPIRICAL")),
                Map.entry(Method.DOWNSIZED, List.of("FULL", "FULL", "FULL")));
        for (Method m : Method.values()) {
            assertEquals(expected.get(m), labels(m), m.displayName());
        }
    }

    @Test
    void kernelParametersGoOnlyToKernelLayers() {
        DictionarySpec se = threeLayers(Method.SE_EMP, false).get(0);
        assertEquals(KernelKind.SE, se.kernel());
        assertEquals(RIDGE, se.ridge());
        assertEquals(LENGTH_SCALE, se.lengthScale());
        DictionarySpec emp = threeLayers(Method.SE_EMP, false).get(1);
        assertEquals(RIDGE, emp.ridge());
        assertEquals(0.0, emp.lengthScale());
        DictionarySpec rand = threeLayers(Method.RAND_FIX_U, false).get(0);
        assertEquals(0.0, rand.ridge());
        assertEquals(FRACTION, rand.fraction());
        assertEquals(COLUMNS, rand.columns());
        DictionarySpec tied = Method.SE.layers(1, FRACTION, COLUMNS, RIDGE, 0, 1.5, false).get(0);
        assertEquals(1.5, tied.lengthScaleFactor());
    }

    @Test
    void orthonormalIsNeverAppliedToFullOrLowRank() {
        for (Method m : Method.values()) {
            boolean applied = threeLayers(m, true).stream().allMatch(DictionarySpec::orthonormal);
            boolean none = threeLayers(m, true).stream().noneMatch(DictionarySpec::orthonormal);
            assertTrue(m.usesOrthonormal() ? applied : none, m.displayName());
        }
        assertFalse(Method.FULL.usesOrthonormal());
        assertFalse(Method.LOW_RANK.usesOrthonormal());
    }

    @Test
    void fullIgnoresFractionAndColumns() {
        assertFalse(Method.FULL.usesFraction());
        DictionarySpec d = Method.FULL.layers(2, 0.05, 7, RIDGE, LENGTH_SCALE, 0, true).get(1);
        assertEquals(DictionarySpec.full(), d);
        for (Method m : Method.values()) {
            assertEquals(m != Method.FULL, m.usesFraction());
        }
    }

    @Test
    void parseUsesTheCaseSensitiveDisplayNames() {
        for (Method m : Method.values()) {
            assertEquals(m, Method.parse(m.displayName()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Method.parse("se-emp"));
        assertEquals("method must be one of [Full, LowRank, RandCon, RandFixU, SE, SE-Emp, SE-Emp2, SE-Rand, "
                + "Emp-Emp, PCA, DCT, Downsized] but was se-emp", e.getMessage());
    }

    @Test
    void seLayersNeedExactlyOneLengthScale() {
        assertThrows(IllegalArgumentException.class, () -> Method.SE.layers(1, FRACTION, 1, RIDGE, 0, 0, false));
        assertThrows(IllegalArgumentException.class, () -> Method.SE.layers(1, FRACTION, 1, RIDGE, 2, 1, false));
        assertEquals(1, Method.PCA.layers(1, FRACTION, 1, RIDGE, 0, 0, false).size());
        assertThrows(IllegalArgumentException.class, () -> Method.PCA.layers(0, FRACTION, 1, RIDGE, 0, 0, false));
    }

    @Test
    void downsizedIsAFullNetShrunkToTheFactoredBudgetAndIgnoresColumns() {
        assertTrue(Method.DOWNSIZED.usesFraction());
        assertFalse(Method.DOWNSIZED.usesColumns());
        assertFalse(Method.DOWNSIZED.usesRidge() || Method.DOWNSIZED.usesLengthScale()
                || Method.DOWNSIZED.usesOrthonormal());
        SweepSpec s = SweepConfigLoader.parse("""
                name: downsized
                method: [Downsized, SE]
                fraction: 0.1
                columns: [1, 5]
                repeats: 1
                """, "downsized.yaml");
        List<TrialSpec> downsized = s.trials().stream().filter(t -> t.method().equals("Downsized")).toList();
        assertEquals(1, downsized.size(), "columns 1 and 5 are one Downsized trial");
        TrialSpec t = downsized.get(0);
        assertEquals(1, t.columns());
        assertEquals(0.1, t.fraction());
        assertFalse(t.orthonormal());
        org.paramprediction.train.ModelSpec spec = t.modelSpec(org.paramprediction.data.Shape.image(28, 28), 10);
        assertEquals(List.of(80, 80), spec.hidden().stream().map(l -> l.units()).toList());
        assertTrue(spec.hidden().stream().allMatch(l -> l.dictionary().equals(DictionarySpec.full())));
        assertEquals(List.of(500, 500), t.hidden(), "the trial keeps the size of the net it is compared with");
    }

    @Test
    void pcaAndAllDctNetworksGiveEveryColumnTheSameDictionarySoDoNotUseColumns() {
        assertFalse(Method.PCA.usesColumns(2, false), "PCA: the same principal directions in every column");
        assertFalse(Method.DCT.usesColumns(1, false), "one DCT layer and nothing above it");
        assertFalse(Method.DCT.usesColumns(2, true), "tied conv layers are all DCT");
        assertTrue(Method.DCT.usesColumns(2, false), "layer 2 is empirical: its columns draw their own atoms");
        assertTrue(Method.SE.usesColumns(1, false) && Method.RAND_FIX_U.usesColumns(1, true));
        assertFalse(Method.FULL.usesColumns(2, false) || Method.DOWNSIZED.usesColumns(2, false));
        // why: their recipes take no seed, so 3 columns would be 3 copies of one dictionary
        long[] seeds = {1, 2, 3};
        for (Method m : List.of(Method.PCA, Method.DCT)) {
            DictionarySpec first = m.layers(2, FRACTION, 3, RIDGE, 0, 0, false).get(0);
            assertEquals(1, first.recipes(16, 4, 4, seeds, "cov").stream().distinct().count(), m.displayName());
        }
        DictionarySpec above = Method.DCT.layers(2, FRACTION, 3, RIDGE, 0, 0, false).get(1);
        assertEquals(3, above.recipes(16, 0, 0, seeds, "cov").stream().distinct().count(), "DCT's layer 2");
    }
}
