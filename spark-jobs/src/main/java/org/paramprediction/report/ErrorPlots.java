package org.paramprediction.report;

import static org.paramprediction.report.QueryRows.integer;
import static org.paramprediction.report.QueryRows.num;
import static org.paramprediction.report.QueryRows.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * The plots of {@link ReportQuery#ERROR_BY_FRACTION}: test error against the fraction learned per
 * method (one plot per column count), 1 versus more columns, and factored versus Downsized at
 * equal dynamic parameters. Full is drawn as a dashed line, Downsized (1 column) in every panel.
 */
final class ErrorPlots {

    static final String FULL = "Full";
    static final String DOWNSIZED = "Downsized";

    private final QueryRows rows;
    private final Path dir;

    ErrorPlots(QueryRows rows, Path dir) {
        this.rows = rows;
        this.dir = dir;
    }

    /** Factored methods: every method but Full and Downsized. */
    static boolean factored(Map<String, Object> r) {
        String m = text(r, "method");
        return !m.equals(FULL) && !m.equals(DOWNSIZED);
    }

    List<Figure> errorVsFraction() {
        QueryRows factored = rows.where(ErrorPlots::factored);
        if (factored.isEmpty()) {
            return List.of(Figure.skipped("Test error against fraction learned",
                    "the sweep has no OK trial of a factored method (only Full or Downsized)"));
        }
        List<Figure> out = new ArrayList<>();
        for (int c : factored.distinct("columns", Integer.class).stream().sorted().toList()) {
            XYChart chart = Charts.xy("Test error vs fraction learned, " + c + " column" + (c == 1 ? "" : "s"),
                    "fraction of weights learned (log)", "test error (mean ± sd over seeds)");
            chart.getStyler().setXAxisLogarithmic(true);
            addSeries(chart, factored.where(r -> integer(r, "columns") == c), "fraction", "");
            addSeries(chart, rows.where(r -> text(r, "method").equals(DOWNSIZED)), "fraction", "");
            addFullLine(chart, factored);
            String file = Charts.save(chart, dir, "error_vs_fraction_c" + c + ".png");
            out.add(new Figure(file, "Test error against fraction learned, " + c + " column" + (c == 1 ? "" : "s"),
                    "Mean test error (at the best validation epoch) over seeds, error bars one standard deviation. "
                            + "Dashed: Full. Downsized is drawn at the fraction whose budget it matches."));
        }
        return out;
    }

    Figure columns() {
        QueryRows factored = rows.where(ErrorPlots::factored);
        List<String> multi = factored.distinct("series", String.class).stream()
                .filter(s -> factored.where(r -> text(r, "series").equals(s)).distinct("columns", Integer.class).size() > 1)
                .toList();
        String title = "1 versus more columns";
        if (multi.isEmpty()) {
            return Figure.skipped(title, "no factored method ran with more than one column count");
        }
        XYChart chart = Charts.xy("Columns: test error vs fraction learned", "fraction of weights learned (log)",
                "test error (mean ± sd over seeds)");
        chart.getStyler().setXAxisLogarithmic(true);
        addSeries(chart, factored.where(r -> multi.contains(text(r, "series"))), "fraction", " c=");
        addFullLine(chart, factored);
        return new Figure(Charts.save(chart, dir, "columns.png"), title,
                "Each factored method at every column count it ran with (c = columns per layer); dashed: Full.");
    }

    Figure budget() {
        String title = "Factored versus Downsized at equal dynamic parameters";
        QueryRows downsized = rows.where(r -> text(r, "method").equals(DOWNSIZED));
        if (downsized.isEmpty()) {
            return Figure.skipped(title, "the sweep has no OK Downsized trial (add Downsized to method)");
        }
        XYChart chart = Charts.xy("Test error vs dynamic parameters", "dynamic (learned) parameters (log)",
                "test error (mean ± sd over seeds)");
        chart.getStyler().setXAxisLogarithmic(true);
        addSeries(chart, rows.where(ErrorPlots::factored), "params_dynamic_mean", " c=");
        addSeries(chart, downsized, "params_dynamic_mean", "");
        addSeries(chart, rows.where(r -> text(r, "method").equals(FULL)), "params_dynamic_mean", "");
        return new Figure(Charts.save(chart, dir, "budget.png"), title,
                "Every configuration at its number of learned parameters (V, biases, classifier; U too for LowRank). "
                        + "Downsized is a Full network shrunk to the budget of the factored network at the same fraction.");
    }

    /** One series per series label (and per column count when {@code columnsTag} is not empty). */
    private static void addSeries(XYChart chart, QueryRows data, String x, String columnsTag) {
        Map<String, List<Map<String, Object>>> groups = new java.util.LinkedHashMap<>();
        for (Map<String, Object> r : data.rows()) {
            String name = text(r, "series") + (columnsTag.isEmpty() ? "" : columnsTag + integer(r, "columns"));
            groups.computeIfAbsent(name, k -> new ArrayList<>()).add(r);
        }
        groups.forEach((name, points) -> {
            points.sort(Comparator.comparingDouble(r -> num(r, x)));
            Charts.line(chart, name, points.stream().map(r -> num(r, x)).toList(),
                    points.stream().map(r -> num(r, "test_error_mean")).toList(),
                    points.stream().map(r -> num(r, "test_error_sd")).toList());
        });
    }

    private void addFullLine(XYChart chart, QueryRows factored) {
        double lo = factored.rows().stream().mapToDouble(r -> num(r, "fraction")).min().orElse(0.01);
        for (Map<String, Object> full : rows.where(r -> text(r, "method").equals(FULL)).rows()) {
            Charts.reference(chart, text(full, "series"), lo, 1.0, num(full, "test_error_mean"));
        }
    }
}
