package org.paramprediction.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.paramprediction.SharedSpark;
import org.paramprediction.sweep.SweepRunner;
import org.paramprediction.sweep.config.SweepConfigLoader;
import org.paramprediction.sweep.config.SweepSpec;

/**
 * A generated sweep with more series than a chart may hold, and its report, once per test JVM:
 * every method, the SE length scale fixed and tied, two fractions, 1 and 2 columns, 2 seeds, on a
 * 500-image Fashion-MNIST subset with 20 hidden units a layer and 2 epochs (the numbers do not
 * matter, the charts' shapes do).
 */
final class ManyMethodsSweep {

    static final String SWEEP = "many-methods";
    static final List<String> METHODS = List.of("Full", "Downsized", "LowRank", "RandCon", "RandFixU", "SE", "SE-Emp",
            "SE-Emp2", "SE-Rand", "Emp-Emp", "PCA", "DCT");
    static final String CONFIG = """
            name: many-methods
            dataset: {train_size: 500, valid_size: 100, test_size: 100}
            model: {hidden: [20, 20], activation: relu}
            training: {epochs: 2, stage_epochs: 1, learning_rate: 0.05, batch_size: 50}
            method: [%s]
            fraction: [0.2, 0.5]
            columns: [1, 2]
            grid:
              dictionary.length_scale: [2.0, null]
              dictionary.length_scale_factor: [null, 1.0]
            repeats: 2
            """.formatted(String.join(", ", METHODS));

    private static Path output;
    private static Path report;
    private static List<Figure> figures;

    private ManyMethodsSweep() {}

    /** The sweep's output root (trials/, epochs/), run on first use. */
    static synchronized Path output() {
        if (output == null) {
            try {
                Path out = Files.createTempDirectory("many-methods");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> ReportFixture.deleteTree(out)));
                SweepSpec sweep = SweepConfigLoader.parse(CONFIG, "many-methods.yaml");
                SweepRunner.Result r = new SweepRunner(SharedSpark.session(),
                        new PrintStream(new ByteArrayOutputStream())).run(sweep, out.toString(), false, false);
                if (r.failed() > 0) {
                    throw new IllegalStateException("many-methods sweep: " + r);
                }
                output = out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return output;
    }

    /** The report's directory, written on first use. */
    static synchronized Path report() {
        figures();
        return report;
    }

    /** The figures of the sweep's report (written and skipped), with their charts. */
    static synchronized List<Figure> figures() {
        if (figures == null) {
            Path out = output().resolve("report");
            figures = new Report(SWEEP, output().toString(), out, 0.9).write(SharedSpark.session());
            report = out;
        }
        return figures;
    }
}
