package org.paramprediction.report;

import static org.paramprediction.report.QueryRows.num;
import static org.paramprediction.report.QueryRows.text;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Row;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.paramprediction.dictionary.Dictionary;
import org.paramprediction.dictionary.DictionaryBuilder;
import org.paramprediction.dictionary.DictionaryRecipe;
import org.paramprediction.io.RecipeJson;

/**
 * A picture like the paper's Figure 1: a few learned first-layer features (of the best Full trial,
 * or of the SE trial itself when no Full trial kept weights), the same features at the alpha points
 * of an SE trial's first-layer dictionary only, and the features predicted from those values by
 * the SE kernel ridge {@code U = K_xa (K_aa + lambda I)^-1} (the recipe rebuilt without
 * orthonormalisation, so that {@code U w_alpha} interpolates). Each panel is an XChart heat map;
 * the panels are laid out in one PNG.
 */
final class FeaturePicture {

    static final String TITLE = "Learned features and their prediction from a few weights (Figure 1)";
    private static final int FEATURES = 4;
    private static final int PANEL = 230;
    private static final double PAPER_FRACTION = 0.1;

    private final SweepTables tables;
    private final Path dir;

    FeaturePicture(SweepTables tables, Path dir) {
        this.tables = tables;
        this.dir = dir;
    }

    Figure draw(QueryRows candidates) {
        if (!tables.hasWeights()) {
            return Figure.skipped(TITLE, "the sweep kept no weights (set output.keep_weights: true in its config)");
        }
        QueryRows se = candidates.where(r -> !text(r, "method").equals(ErrorPlots.FULL));
        if (se.isEmpty()) {
            return Figure.skipped(TITLE, "no OK trial with an SE kernel in layer 1 on natural pixel order");
        }
        Map<String, Object> seTrial = se.rows().stream()
                .min(Comparator.comparingDouble((Map<String, Object> r) -> Math.abs(num(r, "fraction") - PAPER_FRACTION))
                        .thenComparingDouble(r -> num(r, "fraction")))
                .orElseThrow();
        Optional<Map<String, Object>> fullTrial = candidates.where(r -> text(r, "method").equals(ErrorPlots.FULL))
                .rows().stream().findFirst();
        List<String> ids = new ArrayList<>(List.of(text(seTrial, "trial_id")));
        fullTrial.ifPresent(f -> ids.add(text(f, "trial_id")));
        List<Row> rows = tables.weights(1, ids).orElse(List.of());
        Row seRow = rows.stream().filter(r -> r.getAs("trial_id").equals(text(seTrial, "trial_id")))
                .findFirst().orElse(null);
        if (seRow == null) {
            return Figure.skipped(TITLE, "no weights kept for SE trial " + text(seTrial, "trial_id"));
        }
        DictionaryRecipe recipe = RecipeJson.parse(seRow.getAs("recipe"));
        if (!recipe.hasGrid()) {
            return Figure.skipped(TITLE, "layer 1 of trial " + text(seTrial, "trial_id") + " has no image grid");
        }
        Row source = fullTrial.flatMap(f -> rows.stream()
                .filter(r -> r.getAs("trial_id").equals(text(f, "trial_id"))).findFirst()).orElse(seRow);
        if ((int) source.getAs("inputs") != recipe.inputs() && source != seRow) {
            return Figure.skipped(TITLE, "the Full trial's features have " + source.getAs("inputs") + " inputs but the"
                    + " SE dictionary is over " + recipe.inputs() + " positions (colour filters; the picture draws"
                    + " one-channel ones)");
        }
        Dictionary interpolator = DictionaryBuilder.build(recipe.withOrthonormal(false), null);
        float[][] features = features(source, recipe);
        String file = "figure1_features.png";
        write(compose(features, interpolator, recipe), file);
        String from = source == seRow ? "the " + text(seTrial, "method") + " trial itself (W = U V)"
                : "the best Full trial " + source.getAs("trial_id");
        return new Figure(file, TITLE, String.format(java.util.Locale.ROOT,
                "Rows: the %d first-layer features of largest norm of %s. Columns: the learned feature; its values "
                        + "at the %d alpha points of SE trial %s (%s, fraction %.3g, column 1) only; the feature "
                        + "predicted from those values by the SE kernel ridge of that dictionary. Colour: weight "
                        + "(blue negative, red positive), one symmetric scale per row.",
                features.length, from, recipe.atoms(), text(seTrial, "trial_id"), text(seTrial, "method"),
                num(seTrial, "fraction")));
    }

    /** The {@link #FEATURES} columns of {@code W} (inputs x units) with the largest L2 norms. */
    private static float[][] features(Row row, DictionaryRecipe seRecipe) {
        int inputs = row.getAs("inputs");
        int atoms = row.getAs("atoms");
        int units = row.getAs("units");
        float[] v = floats(row.getList(row.fieldIndex("v")));
        DictionaryRecipe own = RecipeJson.parse(row.getAs("recipe"));
        float[][] w = new float[units][inputs];
        if (own.kind() == org.paramprediction.dictionary.DictionaryKind.FULL) {
            for (int i = 0; i < inputs; i++) {
                for (int h = 0; h < units; h++) {
                    w[h][i] = v[i * units + h];
                }
            }
        } else {
            Dictionary u = DictionaryBuilder.build(own, null);
            for (int h = 0; h < units; h++) {
                for (int i = 0; i < inputs; i++) {
                    double s = 0;
                    for (int a = 0; a < atoms; a++) {
                        s += u.get(i, a) * v[a * units + h];
                    }
                    w[h][i] = (float) s;
                }
            }
        }
        return IntStream.range(0, units).boxed()
                .sorted(Comparator.comparingDouble((Integer h) -> -norm(w[h])).thenComparingInt(h -> h))
                .limit(Math.min(FEATURES, units)).map(h -> w[h]).toArray(float[][]::new);
    }

    private BufferedImage compose(float[][] features, Dictionary u, DictionaryRecipe recipe) {
        int[] alpha = u.alpha();
        BufferedImage out = new BufferedImage(3 * PANEL, features.length * PANEL, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        for (int k = 0; k < features.length; k++) {
            float[] w = features[k];
            float[] predicted = new float[w.length];
            for (int i = 0; i < w.length; i++) {
                double s = 0;
                for (int a = 0; a < alpha.length; a++) {
                    s += u.get(i, a) * w[alpha[a]];
                }
                predicted[i] = (float) s;
            }
            double scale = Math.max(1e-12, Math.max(maxAbs(w), maxAbs(predicted)));
            boolean[] all = new boolean[w.length];
            java.util.Arrays.fill(all, true);
            boolean[] atAlpha = new boolean[w.length];
            for (int a : alpha) {
                atAlpha[a] = true;
            }
            String row = "feature " + (k + 1);
            g.drawImage(panel(row + ": learned", w, all, recipe, scale), 0, k * PANEL, null);
            g.drawImage(panel(row + ": at alpha", w, atAlpha, recipe, scale), PANEL, k * PANEL, null);
            g.drawImage(panel(row + ": predicted", predicted, all, recipe, scale), 2 * PANEL, k * PANEL, null);
        }
        g.dispose();
        return out;
    }

    /** One heat map of an image-shaped vector; cells not in {@code shown} are left blank. */
    private static BufferedImage panel(String title, float[] values, boolean[] shown, DictionaryRecipe recipe,
            double scale) {
        int rows = recipe.gridRows();
        int cols = recipe.gridCols();
        List<Number[]> cells = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                if (shown[i]) {
                    cells.add(new Number[] {c, rows - 1 - r, values[i]});
                }
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(PANEL).height(PANEL).title(title).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setAxisTicksVisible(false);
        chart.getStyler().setAxisTitlesVisible(false);
        chart.getStyler().setChartTitleBoxVisible(false);
        chart.getStyler().setPlotContentSize(1.0);
        chart.getStyler().setMin(-scale);
        chart.getStyler().setMax(scale);
        chart.getStyler().setRangeColors(new Color[] {new Color(33, 102, 172), Color.WHITE, new Color(178, 24, 43)});
        chart.getStyler().setPlotBackgroundColor(new Color(225, 225, 225));
        chart.addSeries(title, IntStream.range(0, cols).boxed().toList(), IntStream.range(0, rows).boxed().toList(),
                cells);
        return BitmapEncoder.getBufferedImage(chart);
    }

    private void write(BufferedImage image, String file) {
        try {
            ImageIO.write(image, "png", dir.resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(file) + ": " + e.getMessage(), e);
        }
    }

    private static float[] floats(List<Object> list) {
        float[] out = new float[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) list.get(i)).floatValue();
        }
        return out;
    }

    private static double norm(float[] w) {
        double s = 0;
        for (float x : w) {
            s += (double) x * x;
        }
        return Math.sqrt(s);
    }

    private static double maxAbs(float[] w) {
        double m = 0;
        for (float x : w) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
