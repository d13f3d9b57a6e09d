package org.paramprediction.report;

import static org.paramprediction.report.QueryRows.integer;
import static org.paramprediction.report.QueryRows.num;
import static org.paramprediction.report.QueryRows.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * Convergence: learning curves ({@link ReportQuery#LEARNING_CURVES}, one plot per fraction, the
 * factored methods at the sweep's largest column count with Full and the matching Downsized), and
 * epochs and seconds to reach a target validation error ({@link ReportQuery#TIME_TO_ACCURACY}).
 */
final class CurvePlots {

    private final Path dir;

    CurvePlots(Path dir) {
        this.dir = dir;
    }

    List<Figure> learningCurves(QueryRows curves) {
        QueryRows factored = curves.where(r -> !text(r, "series").startsWith(ErrorPlots.FULL)
                && !text(r, "series").startsWith(ErrorPlots.DOWNSIZED));
        QueryRows full = curves.where(r -> text(r, "series").startsWith(ErrorPlots.FULL));
        if (factored.isEmpty()) {
            if (full.isEmpty()) {
                return List.of(Figure.skipped("Learning curves", "no OK trial has epochs"));
            }
            XYChart chart = Charts.xy("Learning curves", "epoch", "validation error (mean over seeds)");
            addCurves(chart, curves);
            return List.of(new Figure(Charts.save(chart, dir, "learning_curves.png"), "Learning curves",
                    "Validation error after each epoch of the final training, mean over seeds."));
        }
        int columns = factored.distinct("columns", Integer.class).stream().max(Integer::compare).orElseThrow();
        List<Figure> out = new ArrayList<>();
        for (double f : factored.distinct("fraction", Double.class).stream().sorted().toList()) {
            String tag = String.format(Locale.ROOT, "%.3g", f);
            XYChart chart = Charts.xy("Learning curves at fraction " + tag + ", " + columns + " columns", "epoch",
                    "validation error (mean over seeds)");
            addCurves(chart, factored.where(r -> num(r, "fraction") == f && integer(r, "columns") == columns));
            addCurves(chart, curves.where(r -> text(r, "series").startsWith(ErrorPlots.DOWNSIZED)
                    && num(r, "fraction") == f));
            addCurves(chart, full);
            out.add(new Figure(Charts.save(chart, dir, "learning_curves_f" + tag + ".png"),
                    "Learning curves at fraction " + tag,
                    "Validation error after each epoch of the final training (stage 0), mean over the seeds still "
                            + "training at that epoch (early stopping ends some sooner); Full and the Downsized net "
                            + "of the same budget for comparison."));
        }
        return out;
    }

    List<Figure> timeToAccuracy(QueryRows reach, double targetValidError) {
        String accuracy = String.format(Locale.ROOT, "%.1f%%", 100 * (1 - targetValidError));
        QueryRows reached = reach.where(r -> integer(r, "reached") > 0);
        String title = "Time and epochs to " + accuracy + " validation accuracy";
        if (reached.isEmpty()) {
            return List.of(Figure.skipped(title, "no trial reached " + accuracy
                    + " validation accuracy (choose another with --target-accuracy)"));
        }
        XYChart seconds = Charts.xy("Seconds to " + accuracy + " validation accuracy", "fraction of weights learned (log)",
                "seconds (mean ± sd over seeds that reached it)");
        XYChart epochs = Charts.xy("Epochs to " + accuracy + " validation accuracy", "fraction of weights learned (log)",
                "epochs (mean over seeds that reached it)");
        seconds.getStyler().setXAxisLogarithmic(true);
        epochs.getStyler().setXAxisLogarithmic(true);
        for (Map.Entry<String, List<Map<String, Object>>> g : bySeries(reached, true).entrySet()) {
            List<Map<String, Object>> points = g.getValue();
            List<Double> x = points.stream().map(r -> num(r, "fraction")).toList();
            Charts.line(seconds, g.getKey(), x, points.stream().map(r -> num(r, "seconds_mean")).toList(),
                    points.stream().map(r -> num(r, "seconds_sd")).toList());
            Charts.line(epochs, g.getKey(), x, points.stream().map(r -> num(r, "epochs_mean")).toList(),
                    points.stream().map(r -> 0.0).toList());
        }
        String caption = "Only seeds that reached " + accuracy + " are averaged; summary.md lists how many did. "
                + "Seconds include pre-training stages and evaluation, not building dictionaries.";
        return List.of(new Figure(Charts.save(seconds, dir, "time_to_accuracy.png"), "Seconds to " + accuracy
                + " validation accuracy", caption), new Figure(Charts.save(epochs, dir, "epochs_to_accuracy.png"),
                "Epochs to " + accuracy + " validation accuracy", caption));
    }

    private static void addCurves(XYChart chart, QueryRows data) {
        for (Map.Entry<String, List<Map<String, Object>>> g : bySeries(data, false).entrySet()) {
            List<Map<String, Object>> points = g.getValue();
            points.sort(Comparator.comparingInt(r -> integer(r, "epoch")));
            Charts.line(chart, g.getKey(), points.stream().map(r -> (double) integer(r, "epoch")).toList(),
                    points.stream().map(r -> num(r, "valid_error_mean")).toList(),
                    points.stream().map(r -> 0.0).toList());
        }
    }

    /** Rows grouped by series label (with columns, and with fraction unless {@code acrossFractions}). */
    private static Map<String, List<Map<String, Object>>> bySeries(QueryRows data, boolean acrossFractions) {
        Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        for (Map<String, Object> r : data.rows()) {
            String name = text(r, "series") + " c=" + integer(r, "columns")
                    + (acrossFractions ? "" : String.format(Locale.ROOT, " f=%.3g", num(r, "fraction")));
            groups.computeIfAbsent(name, k -> new ArrayList<>()).add(r);
        }
        groups.values().forEach(l -> l.sort(Comparator.comparingDouble(r -> num(r, "fraction"))));
        return groups;
    }
}
