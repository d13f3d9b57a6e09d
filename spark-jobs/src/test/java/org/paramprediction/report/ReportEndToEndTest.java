package org.paramprediction.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paramprediction.SharedSpark;
import org.paramprediction.cli.Main;
import org.paramprediction.sweep.SweepRunner;
import org.paramprediction.sweep.config.SweepConfigLoader;

/** The report job on real small sweeps: valid PNGs, an index linking each, skip notes, clear errors. */
class ReportEndToEndTest {

    private static final int MIN_WIDTH = 400;
    private static final int MIN_HEIGHT = 300;
    private static final int MIN_COLOURS = 8;

    @TempDir
    Path tmp;

    @Test
    void reportOfAFullSweepDrawsEveryPlotAndLinksEachPng() throws IOException {
        Path out = tmp.resolve("report");
        List<Figure> figures = new Report(ReportFixture.SWEEP, ReportFixture.output().toString(), out, 0.5)
                .write(SharedSpark.session());
        assertTrue(figures.stream().allMatch(Figure::written), "nothing skipped: " + figures);
        List<Path> pngs = pngs(out);
        // 2 error panels, columns, budget, 2 learning-curve fractions, time and epochs, Figure 1
        assertEquals(9, pngs.size(), pngs.toString());
        for (String expected : List.of("error_vs_fraction_c1.png", "error_vs_fraction_c2.png", "columns.png",
                "budget.png", "time_to_accuracy.png", "epochs_to_accuracy.png", "figure1_features.png")) {
            assertTrue(Files.exists(out.resolve(expected)), expected + " in " + pngs);
        }
        String index = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        for (Path png : pngs) {
            BufferedImage image = ImageIO.read(png.toFile());
            assertNotNull(image, png + " is a PNG");
            assertTrue(image.getWidth() >= MIN_WIDTH && image.getHeight() >= MIN_HEIGHT,
                    png + " is " + image.getWidth() + "x" + image.getHeight());
            assertTrue(colours(image) >= MIN_COLOURS, png + " has a drawing in it");
            assertTrue(index.contains("src=\"" + png.getFileName() + "\""), "index.html links " + png.getFileName());
        }
        String summary = Files.readString(out.resolve("summary.md"), StandardCharsets.UTF_8);
        assertTrue(summary.contains("| Downsized | 1 | 0.100 | 2 | 0 |"), summary);
        assertTrue(summary.contains("| SE-Emp | 2 | 0.250 | 2 | 0 |"), summary);
    }

    @Test
    void reportOfABareSweepSkipsWhatItCannotDrawWithANote() throws IOException {
        Path results = tmp.resolve("bare");
        new SweepRunner(SharedSpark.session(), new PrintStream(new ByteArrayOutputStream())).run(
                SweepConfigLoader.parse("""
                        name: bare
                        dataset: {train_size: 500, valid_size: 100, test_size: 100}
                        model: {hidden: [16], activation: relu}
                        training: {epochs: 2, learning_rate: 0.05, batch_size: 50}
                        method: [Full, RandFixU]
                        fraction: 0.2
                        columns: 1
                        repeats: 1
                        """, "bare.yaml"), results.toString(), false, false);
        Path out = tmp.resolve("bare-report");
        List<Figure> figures = new Report("bare", results.toString(), out, 0.0).write(SharedSpark.session());
        String index = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        for (String reason : List.of("more than one column count", "add Downsized to method", "no trial reached",
                "output.keep_weights")) {
            assertTrue(figures.stream().anyMatch(f -> !f.written() && f.caption().contains(reason)), reason);
            assertTrue(index.contains(reason), "index.html says " + reason);
        }
        assertTrue(Files.exists(out.resolve("error_vs_fraction_c1.png")));
        for (Path png : pngs(out)) {
            assertTrue(index.contains("src=\"" + png.getFileName() + "\""), png.toString());
        }
    }

    @Test
    void aMissingSweepExitsTwoNamingThePath() {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.run("report", "--sweep", "nope", "--results", tmp.toString(), "--out",
                    tmp.resolve("r").toString());
        } finally {
            System.setErr(oldErr);
        }
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, message);
        assertTrue(message.contains(tmp + "/trials/sweep_id=nope"), message);
    }

    private static List<Path> pngs(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
