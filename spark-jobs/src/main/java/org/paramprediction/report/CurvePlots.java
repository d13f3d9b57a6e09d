package org.paramprediction.report;

import static org.paramprediction.report.QueryRows.integer;
import static org.paramprediction.report.QueryRows.num;
import static org.paramprediction.report.QueryRows.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * Convergence: learning curves ({@link ReportQuery#LEARNING_CURVES}, one figure per fraction, the
 * factored methods at the sweep's largest column count with Full and the matching Downsized in
 * every panel), and epochs and seconds to reach a target validation error ({@link
 * ReportQuery#TIME_TO_ACCURACY}, a panel per column count, Full as a dashed line).
 */
final class CurvePlots {

    private static final String EPOCH_AXIS = "epoch";
    private static final String VALID_AXIS = "validation error (mean over seeds)";

    private final Path dir;

    CurvePlots(Path dir) {
        this.dir = dir;
    }

    List<Figure> learningCurves(QueryRows curves) {
        QueryRows factored = curves.where(r -> !reference(r));
        QueryRows full = curves.where(r -> method(r).equals(ErrorPlots.FULL));
        Panels panels = new Panels(EPOCH_AXIS, VALID_AXIS, false);
        if (factored.isEmpty()) {
            if (curves.isEmpty()) {
                return List.of(Figure.skipped("Learning curves", "no OK trial has epochs"));
            }
            List<Panels.Section> sections = new ArrayList<>();
            for (double f : curves.where(r -> !method(r).equals(ErrorPlots.FULL)).distinct("fraction", Double.class)
                    .stream().sorted().toList()) {
                sections.add(new Panels.Section("fraction " + tag(f), List.of(), epochCurves(curves.where(r ->
                        method(r).equals(ErrorPlots.DOWNSIZED) && num(r, "fraction") == f), full)));
            }
            if (sections.isEmpty()) {
                sections.add(new Panels.Section("", List.of(), epochCurves(full, new QueryRows(List.of()))));
            }
            List<XYChart> charts = panels.charts(sections);
            return List.of(new Figure(Panels.save(charts, dir, "learning_curves.png"), "Learning curves",
                    "Validation error after each epoch of the final training, mean over seeds.", charts));
        }
        int columns = factored.distinct("columns", Integer.class).stream().max(Integer::compare).orElseThrow();
        List<Figure> out = new ArrayList<>();
        for (double f : factored.distinct("fraction", Double.class).stream().sorted().toList()) {
            String tag = tag(f);
            List<Curve> references = epochCurves(curves.where(r -> method(r).equals(ErrorPlots.DOWNSIZED)
                    && num(r, "fraction") == f), full);
            List<Curve> data = epochCurves(factored.where(r -> num(r, "fraction") == f
                    && integer(r, "columns") == columns), new QueryRows(List.of()));
            List<XYChart> charts = panels.charts(List.of(new Panels.Section(
                    "fraction " + tag + ", " + ErrorPlots.columns(columns), data, references)));
            out.add(new Figure(Panels.save(charts, dir, "learning_curves_f" + tag + ".png"),
                    "Learning curves at fraction " + tag,
                    "Validation error after each epoch of the final training (stage 0), mean over the seeds still "
                            + "training at that epoch (early stopping ends some sooner); Full (dashed black) and the "
                            + "Downsized net of the same budget (grey squares) in every panel.", charts));
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
        List<XYChart> seconds = new Panels(ErrorPlots.FRACTION_AXIS, "seconds (mean ± sd over seeds that reached it)",
                true).charts(sections(reached, "seconds_mean", "seconds_sd"));
        List<XYChart> epochs = new Panels(ErrorPlots.FRACTION_AXIS, "epochs (mean over seeds that reached it)", true)
                .charts(sections(reached, "epochs_mean", null));
        String caption = "Only seeds that reached " + accuracy + " are averaged; summary.md lists how many did. "
                + "Seconds include pre-training stages and evaluation, not building dictionaries. Dashed black: Full; "
                + "grey squares: Downsized; a panel per column count.";
        return List.of(new Figure(Panels.save(seconds, dir, "time_to_accuracy.png"), "Seconds to " + accuracy
                + " validation accuracy", caption, seconds), new Figure(Panels.save(epochs, dir,
                "epochs_to_accuracy.png"), "Epochs to " + accuracy + " validation accuracy", caption, epochs));
    }

    /** A section per column count of the factored series; Downsized and Full (a dashed line) in each. */
    private static List<Panels.Section> sections(QueryRows reached, String y, String bar) {
        QueryRows factored = reached.where(r -> !reference(r));
        double lo = reached.rows().stream().mapToDouble(r -> num(r, "fraction")).min().orElseThrow();
        List<Curve> references = new ArrayList<>(Curve.bySeries(reached.where(r -> method(r).equals(
                ErrorPlots.DOWNSIZED)), "fraction", y, bar));
        reached.where(r -> method(r).equals(ErrorPlots.FULL)).rows().forEach(r -> references.add(
                Curve.horizontal(text(r, "series"), lo, 1.0, num(r, y))));
        List<Panels.Section> out = new ArrayList<>();
        for (int c : factored.distinct("columns", Integer.class).stream().sorted().toList()) {
            out.add(new Panels.Section(ErrorPlots.columns(c), Curve.bySeries(factored.where(r -> integer(r, "columns")
                    == c), "fraction", y, bar), references));
        }
        if (out.isEmpty()) {
            out.add(new Panels.Section("", List.of(), references));
        }
        return out;
    }

    /** Learning curves by series (one fraction and column count each), then those of {@code more}. */
    private static List<Curve> epochCurves(QueryRows rows, QueryRows more) {
        List<Curve> out = new ArrayList<>(Curve.bySeries(rows, "epoch", "valid_error_mean", null));
        out.addAll(Curve.bySeries(more, "epoch", "valid_error_mean", null));
        return out;
    }

    private static boolean reference(Map<String, Object> r) {
        String m = method(r);
        return m.equals(ErrorPlots.FULL) || m.equals(ErrorPlots.DOWNSIZED);
    }

    private static String method(Map<String, Object> r) {
        return SeriesStyle.method(text(r, "series"));
    }

    private static String tag(double f) {
        return String.format(Locale.ROOT, "%.3g", f);
    }
}
