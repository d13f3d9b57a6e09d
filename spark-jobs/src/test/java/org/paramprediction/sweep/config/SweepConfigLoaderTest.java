package org.paramprediction.sweep.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.paramprediction.train.TrainingConfig;

class SweepConfigLoaderTest {

    /** conf/sweeps of the repository (tests run in spark-jobs/, the IDE may run them at the root). */
    static Path sweeps() {
        Path p = Path.of("..", "conf", "sweeps");
        return Files.isDirectory(p) ? p : Path.of("conf", "sweeps");
    }

    static final String MINIMAL = """
            name: tiny
            method: SE-Emp
            fraction: 0.1
            columns: 5
            repeats: 1
            """;

    @Test
    void quickstartExpandsToTenTrialsOnTheFullSplit() {
        SweepSpec s = SweepConfigLoader.load(sweeps().resolve("quickstart.yaml"));
        assertEquals("quickstart", s.name());
        assertEquals(10, s.trials().size());
        assertEquals(List.of(Method.FULL, Method.SE_EMP, Method.RAND_FIX_U), s.methods());
        assertEquals(List.of(0.05, 0.1), s.fractions());
        assertEquals(2, s.trials().stream().filter(t -> t.method().equals("Full")).count());
        for (TrialSpec t : s.trials()) {
            assertEquals(50000, t.trainSize());
            assertEquals(10000, t.validSize());
            assertNull(t.testSize());
            assertEquals(3, t.training().maxEpochs());
            assertEquals(2, t.training().stageEpochs());
            assertEquals(List.of(500, 500), t.hidden());
        }
    }

    @Test
    void fullReferenceLoadsWithEveryDefaultAndOneTrialPerMethod() {
        SweepSpec s = SweepConfigLoader.load(sweeps().resolve("example-full-reference.yaml"));
        assertEquals(Method.values().length, s.trials().size());
        assertEquals(List.of(Method.values()), s.methods());
        SweepSpec minimal = SweepConfigLoader.parse(MINIMAL, "minimal.yaml");
        TrialSpec seEmp = s.trials().stream().filter(t -> t.method().equals("SE-Emp")).findFirst().orElseThrow();
        // every key of the reference file is its default: same result-affecting config as the minimal file
        assertEquals(minimal.trials().get(0).canonicalConfig(), seEmp.canonicalConfig());
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        TrialSpec t = SweepConfigLoader.parse(MINIMAL, "minimal.yaml").trials().get(0);
        assertEquals("/usr/share/datasets/fashion-mnist", t.dataRoot());
        assertEquals(50000, t.trainSize());
        assertEquals(10000, t.validSize());
        assertNull(t.testSize());
        assertNull(t.permutationSeed());
        assertEquals(List.of(500, 500), t.hidden());
        assertEquals("relu", t.activation());
        assertEquals(0.001, t.ridge());
        assertEquals(2.0, t.lengthScale());
        assertEquals(0.0, t.lengthScaleFactor());
        assertTrue(t.orthonormal());
        assertEquals(TrainingConfig.defaults(), t.training());
        assertEquals(0, t.repeat());
    }

    @Test
    void fullCollapsesAcrossFractionsAndColumns() {
        SweepSpec s = SweepConfigLoader.parse("""
                name: collapse
                method: [Full, SE]
                fraction: [0.05, 0.1, 0.2]
                columns: [1, 5]
                repeats: 2
                """, "collapse.yaml");
        List<TrialSpec> full = s.trials().stream().filter(t -> t.method().equals("Full")).toList();
        assertEquals(2, full.size());
        assertEquals(List.of(0, 1), full.stream().map(TrialSpec::repeat).toList());
        full.forEach(t -> assertEquals(1.0, t.fraction()));
        full.forEach(t -> assertEquals(1, t.columns()));
        assertEquals(2 + 3 * 2 * 2, s.trials().size());
    }

    @Test
    void pcaAndAllDctNetworksCollapseToOneColumnInAProductWithOtherColumnCounts() {
        SweepSpec s = SweepConfigLoader.parse("""
                name: collapse
                method: [SE, PCA, DCT]
                fraction: 0.1
                columns: [1, 5]
                grid:
                  model.hidden: [[100], [100, 100]]
                repeats: 1
                """, "collapse.yaml");
        String got = s.trials().stream().map(t -> t.method() + "/" + t.hidden().size() + "/" + t.columns())
                .collect(Collectors.joining(" "));
        // SE: 2 column counts x 2 shapes; PCA: 1 column at both shapes; DCT: 1 column with one hidden layer,
        // both column counts with two (its layer 2 is empirical)
        assertEquals("SE/1/1 SE/2/1 SE/1/5 SE/2/5 PCA/1/1 PCA/2/1 DCT/1/1 DCT/2/1 DCT/2/5", got);
        TrialSpec pca = s.trials().stream().filter(t -> t.method().equals("PCA")).findFirst().orElseThrow();
        assertTrue(pca.canonicalConfig().contains("\"columns\":1,"), pca.canonicalConfig());
    }

    @Test
    void expansionOrderIsMethodFractionColumnsGridThenRepeat() {
        SweepSpec s = SweepConfigLoader.parse("""
                name: order
                method: [SE, RandFixU]
                fraction: [0.1, 0.2]
                columns: 1
                grid:
                  training.learning_rate: [0.01, 0.02]
                repeats: 2
                """, "order.yaml");
        String got = s.trials().stream()
                .map(t -> t.method() + "/" + t.fraction() + "/" + t.training().learningRate() + "/" + t.repeat())
                .collect(Collectors.joining(" "));
        assertEquals("SE/0.1/0.01/0 SE/0.1/0.01/1 SE/0.1/0.02/0 SE/0.1/0.02/1 "
                + "SE/0.2/0.01/0 SE/0.2/0.01/1 SE/0.2/0.02/0 SE/0.2/0.02/1 "
                + "RandFixU/0.1/0.01/0 RandFixU/0.1/0.01/1 RandFixU/0.1/0.02/0 RandFixU/0.1/0.02/1 "
                + "RandFixU/0.2/0.01/0 RandFixU/0.2/0.01/1 RandFixU/0.2/0.02/0 RandFixU/0.2/0.02/1", got);
        assertEquals(List.of("training.learning_rate"), s.gridKeys());
    }

    @Test
    void gridMultipliesEveryKeyAndIgnoredSettingsDoNotSplitTrials() {
        SweepSpec s = SweepConfigLoader.parse("""
                name: grid
                method: [Full, SE-Emp, RandFixU]
                fraction: 0.1
                columns: 5
                grid:
                  training.learning_rate: [0.01, 0.02, 0.04]
                  dictionary.length_scale: [1.0, 2.0]
                  model.hidden: [[500, 500], [1000, 1000]]
                repeats: 2
                """, "grid.yaml");
        // SE-Emp: 3 lr x 2 length scales x 2 shapes x 2 repeats; Full and RandFixU ignore the length scale
        assertEquals(24 + 12 + 12, s.trials().size());
        assertEquals(List.of(1000, 1000), s.trials().get(s.trials().size() - 1).hidden());
    }

    @Test
    void gridOverATopLevelScalarReplacesIt() {
        SweepSpec s = SweepConfigLoader.parse("""
                name: gridfraction
                method: SE
                fraction: 0.5
                columns: 1
                grid:
                  fraction: [0.05, 0.1, 0.2]
                repeats: 1
                """, "gf.yaml");
        assertEquals(List.of(0.05, 0.1, 0.2), s.trials().stream().map(TrialSpec::fraction).toList());
        assertEquals(List.of(0.05, 0.1, 0.2), s.fractions());
    }

    @Test
    void lengthScaleFactorReplacesTheDefaultLengthScale() {
        SweepSpec s = SweepConfigLoader.parse(MINIMAL + "dictionary:\n  length_scale_factor: 1.5\n", "f.yaml");
        TrialSpec t = s.trials().get(0);
        assertEquals(0.0, t.lengthScale());
        assertEquals(1.5, t.lengthScaleFactor());
        assertEquals(1.5, t.dictionaries().get(0).lengthScaleFactor());
    }

    @Test
    void optionalDatasetSettingsAndEmptySectionsAreAccepted() {
        SweepSpec s = SweepConfigLoader.parse(MINIMAL + """
                dataset:
                  root: hdfs://nn:8020/data/fashion-mnist
                  train_size: 5000
                  valid_size: 1000
                  test_size: 2000
                  permutation_seed: 12345678901
                model:
                grid: {}
                """, "opt.yaml");
        TrialSpec t = s.trials().get(0);
        assertEquals("hdfs://nn:8020/data/fashion-mnist", t.dataRoot());
        assertEquals(2000, t.testSize());
        assertEquals(12345678901L, t.permutationSeed());
        assertEquals(List.of(500, 500), t.hidden());
    }

    @Test
    void trialsYieldModelsThatCoreModelAccepts() {
        SweepSpec s = SweepConfigLoader.load(sweeps().resolve("example-full-reference.yaml"));
        for (TrialSpec t : s.trials()) {
            var model = t.modelSpec(org.paramprediction.data.Shape.image(28, 28), 10);
            assertEquals(2, model.hidden().size());
            for (int l = 0; l < 2; l++) {
                var d = model.hidden().get(l).dictionary();
                int inputs = model.layerInputs(l);
                long[] seeds = new long[d.columns()];
                var recipes = d.recipes(inputs, model.layerGridRows(l), model.layerGridCols(l), seeds,
                        d.needsCovariance() ? "cov" : null);
                assertEquals(d.columns(), recipes.size(), t.label());
            }
        }
        assertFalse(s.trials().isEmpty());
    }

    @Test
    void sweepSpecSurvivesJavaSerialization() throws Exception {
        SweepSpec s = SweepConfigLoader.load(sweeps().resolve("quickstart.yaml"));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(s);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(s, in.readObject());
        }
    }
}
