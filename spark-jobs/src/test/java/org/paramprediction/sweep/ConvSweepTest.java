package org.paramprediction.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paramprediction.SharedSpark;
import org.paramprediction.sweep.config.ConfigException;
import org.paramprediction.sweep.config.SweepConfigLoader;
import org.paramprediction.sweep.config.SweepSpec;

/** Convnet sweeps on a Fashion-MNIST subset: every method on tied and channel-wise filter banks, through Parquet. */
class ConvSweepTest {

    static final String CONV = """
            name: %s
            dataset: {train_size: 1000, valid_size: 200, test_size: 300}
            model:
              conv:
                - {filters: 8, kernel: 5, pad: 2, pool: 2}
                - {filters: 16, kernel: 5, pad: 2, pool: 2}
              hidden: [32]
            dictionary: {channels: %s}
            training: {epochs: 2, stage_epochs: 1, learning_rate: 0.02, batch_size: 50}
            method: %s
            fraction: 0.4
            columns: 2
            repeats: 1
            output: {keep_weights: true}
            """;

    @TempDir
    Path tmp;

    private static void run(SweepSpec sweep, Path out) {
        new SweepRunner(SharedSpark.session(), new PrintStream(new ByteArrayOutputStream()))
                .run(sweep, out.toString(), false, false);
    }

    @Test
    void tiedAndChannelWiseConvnetSweepsTrainEveryMethodAndRecordTheLayers() {
        Path out = tmp.resolve("tied");
        run(SweepConfigLoader.parse(CONV.formatted("conv-tied", "tied", "[Full, SE, SE-Emp, RandFixU, DCT, Downsized]"),
                "conv.yaml"), out);
        List<Map<String, Object>> rows = ParquetQueries.query(out, "SELECT method, status, error, test_error,"
                + " n_params_dynamic, fraction_learned, layer_kinds, layer_inputs, layer_units, conv, channels, config"
                + " FROM {trials} ORDER BY method");
        assertEquals(6, rows.size());
        Map<String, Map<String, Object>> byMethod = rows.stream()
                .collect(Collectors.toMap(r -> (String) r.get("method"), r -> r));
        for (Map<String, Object> r : rows) {
            assertEquals("OK", r.get("status"), r.toString());
            assertEquals("[conv, conv, dense]", String.valueOf(r.get("layer_kinds")));
            String inputs = "Downsized".equals(r.get("method")) ? "[1x28x28, 7x14x14, 14x7x7]" : "[1x28x28, 8x14x14, 16x7x7]";
            assertEquals(inputs, String.valueOf(r.get("layer_inputs")));
            assertEquals("[8x5x5/p2/pool2, 16x5x5/p2/pool2]", r.get("conv"));
            assertEquals("tied", r.get("channels"));
            assertTrue(String.valueOf(r.get("config")).contains("\"conv\":[{\"filters\":8,\"kernel\":5,\"pad\":2,"
                    + "\"pool\":2,\"stride\":1}"), r.toString());
            assertTrue(((Number) r.get("test_error")).doubleValue() < 0.8, "above chance (0.9): " + r);
        }
        // 40 steps on 1,000 images: the Full convnet is about half way there; chance is 0.9
        assertTrue(((Number) byMethod.get("Full").get("test_error")).doubleValue() < 0.65, byMethod.get("Full").toString());
        // tied: 10 of the 25 positions of every filter learned; the dense layer above is Full
        assertEquals("[0.4, 0.4, 1.0]", String.valueOf(byMethod.get("SE").get("fraction_learned")));
        long factored = ((Number) byMethod.get("RandFixU").get("n_params_dynamic")).longValue();
        long downsized = ((Number) byMethod.get("Downsized").get("n_params_dynamic")).longValue();
        // 7 and 14 filters instead of 8 and 16 (steps of 1/8 with 8 filters in conv 1): 24,960 vs 26,834
        assertEquals("[7, 14, 32]", String.valueOf(byMethod.get("Downsized").get("layer_units")));
        assertTrue(Math.abs(downsized - factored) < 0.1 * factored, downsized + " vs " + factored);

        // the report draws conv sweeps too: error vs fraction, and conv 1's filters predicted from alpha
        Path reportDir = tmp.resolve("report");
        List<org.paramprediction.report.Figure> figures = new org.paramprediction.report.Report("conv-tied",
                out.toString(), reportDir, 0.5).write(SharedSpark.session());
        org.paramprediction.report.Figure filters = figures.stream()
                .filter(f -> f.title().startsWith("Learned features")).findFirst().orElseThrow();
        assertTrue(filters.file() != null && java.nio.file.Files.exists(reportDir.resolve(filters.file())),
                filters.toString());
        assertTrue(java.nio.file.Files.exists(reportDir.resolve("index.html")));

        Path cw = tmp.resolve("channel-wise");
        run(SweepConfigLoader.parse(CONV.formatted("conv-cw", "empirical", "[SE-Emp, Emp-Emp]"), "cw.yaml"), cw);
        List<Map<String, Object>> channelWise = ParquetQueries.query(cw,
                "SELECT status, error, channels, fraction_learned, test_error FROM {trials}");
        assertEquals(2, channelWise.size());
        for (Map<String, Object> r : channelWise) {
            assertEquals("OK", r.get("status"), r.toString());
            assertEquals("empirical", r.get("channels"));
            // channel-wise: round(0.4 * 25) = 10 of conv 1's 25 values, round(0.4 * 200) = 80 of conv 2's 200
            assertEquals("[0.4, 0.4, 1.0]", String.valueOf(r.get("fraction_learned")), r.toString());
        }
    }

    @Test
    void aDataParallelConvnetTrialRebuildsItsConvLayersOnTheWorkersAndColumnsAreRefused() {
        String config = CONV.formatted("conv-dp", "tied", "SE-Emp").replace("repeats: 1",
                "repeats: 1\ndistributed: {mode: data_parallel, partitions: 2, steps_per_round: 5}");
        Path out = tmp.resolve("dp");
        run(SweepConfigLoader.parse(config, "dp.yaml"), out);
        List<Map<String, Object>> rows = ParquetQueries.query(out,
                "SELECT status, error, distributed_mode, test_error FROM {trials}");
        assertEquals("OK", rows.get(0).get("status"), rows.toString());
        assertEquals("data_parallel", rows.get(0).get("distributed_mode"));
        assertTrue(((Number) rows.get(0).get("test_error")).doubleValue() < 0.8, rows.toString());
        assertTrue(ParquetQueries.count(out, "SELECT count(*) FROM {rounds}") > 0);
        ConfigException columns = assertThrows(ConfigException.class, () -> SweepConfigLoader.parse(
                config.replace("mode: data_parallel", "mode: columns"), "columns.yaml"));
        assertTrue(columns.getMessage().contains("columns as tasks trains dense layers only"), columns.getMessage());
    }

    @Test
    void aChannelWiseSeConvLayerOverManyChannelsIsABadConfig() {
        ConfigException e = assertThrows(ConfigException.class, () -> SweepConfigLoader.parse(
                CONV.formatted("bad", "empirical", "SE"), "bad.yaml"));
        assertTrue(e.getMessage().contains("tie the channels") && e.getMessage().contains("bad.yaml"), e.getMessage());
    }
}
