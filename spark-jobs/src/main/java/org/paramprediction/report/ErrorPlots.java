package org.paramprediction.report;

import static org.paramprediction.report.QueryRows.integer;
import static org.paramprediction.report.QueryRows.num;
import static org.paramprediction.report.QueryRows.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * The plots of {@link ReportQuery#ERROR_BY_FRACTION}: test error against the fraction learned per
 * method (one figure per column count), and factored versus Downsized at equal dynamic parameters
 * (a panel per column count). Full is a dashed line, Downsized (1 column) is in every panel; where
 * there are more series than a panel holds, they are split into panels by family of methods
 * ({@link Panels}).
 */
final class ErrorPlots {

    static final String FULL = "Full";
    static final String DOWNSIZED = "Downsized";
    static final String ERROR_AXIS = "test error (mean ± sd over seeds)";
    static final String FRACTION_AXIS = "fraction of weights learned (log)";

    /** Budgets spanning more than this ratio are drawn on a log axis. */
    private static final double LOG_AXIS_SPAN = 10;

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
        double lo = factored.rows().stream().mapToDouble(r -> num(r, "fraction")).min().orElseThrow();
        List<Curve> references = new ArrayList<>(Curve.bySeries(method(DOWNSIZED), "fraction", "test_error_mean",
                "test_error_sd"));
        references.addAll(fullLines(lo, 1.0, "test_error_mean"));
        Panels panels = new Panels(FRACTION_AXIS, ERROR_AXIS, true);
        List<Figure> out = new ArrayList<>();
        for (int c : factored.distinct("columns", Integer.class).stream().sorted().toList()) {
            String what = columns(c);
            List<XYChart> charts = panels.charts(List.of(new Panels.Section(what, Curve.bySeries(
                    factored.where(r -> integer(r, "columns") == c), "fraction", "test_error_mean", "test_error_sd"),
                    references)));
            String file = Panels.save(charts, dir, "error_vs_fraction_c" + c + ".png");
            out.add(new Figure(file, "Test error against fraction learned, " + what,
                    "Mean test error (at the best validation epoch) over seeds, error bars one standard deviation. "
                            + "Dashed black: Full. Downsized (grey squares) is drawn at the fraction whose budget it "
                            + "matches. Panels share their axes and split the methods by family.", charts));
        }
        return out;
    }

    Figure budget() {
        String title = "Factored versus Downsized at equal dynamic parameters";
        QueryRows downsized = method(DOWNSIZED);
        if (downsized.isEmpty()) {
            return Figure.skipped(title, "the sweep has no OK Downsized trial (add Downsized to method)");
        }
        QueryRows factored = rows.where(ErrorPlots::factored);
        List<Curve> references = new ArrayList<>(Curve.bySeries(downsized, "params_dynamic_mean", "test_error_mean",
                "test_error_sd"));
        double lo = rows.rows().stream().mapToDouble(r -> num(r, "params_dynamic_mean")).min().orElseThrow();
        double hi = rows.rows().stream().mapToDouble(r -> num(r, "params_dynamic_mean")).max().orElseThrow();
        references.addAll(fullLines(lo, hi, "test_error_mean"));
        List<Panels.Section> sections = new ArrayList<>();
        for (int c : factored.distinct("columns", Integer.class).stream().sorted().toList()) {
            sections.add(new Panels.Section(columns(c), Curve.bySeries(factored.where(r -> integer(r, "columns") == c),
                    "params_dynamic_mean", "test_error_mean", "test_error_sd"), references));
        }
        if (sections.isEmpty()) {
            sections.add(new Panels.Section("", List.of(), references));
        }
        boolean log = hi > LOG_AXIS_SPAN * lo; // a log axis only where the budgets span more than a decade
        List<XYChart> charts = new Panels("dynamic (learned) parameters" + (log ? " (log)" : ""), ERROR_AXIS, log)
                .charts(sections);
        return new Figure(Panels.save(charts, dir, "budget.png"), title,
                "Every configuration at its number of learned parameters (V, biases, classifier; U too for LowRank; "
                        + "for RICA trials RICA's V, or W for Full and Downsized, without the classifier), "
                        + "a panel per column count. Downsized (grey squares) is a Full network shrunk to the budget "
                        + "of the factored network at the same fraction; dashed black: Full's error.", charts);
    }

    /** Full as a dashed horizontal line (one per Full series, e.g. natural and permuted pixels). */
    private List<Curve> fullLines(double x0, double x1, String y) {
        return method(FULL).rows().stream().map(r -> Curve.horizontal(text(r, "series"), x0, x1, num(r, y))).toList();
    }

    private QueryRows method(String name) {
        return rows.where(r -> text(r, "method").equals(name));
    }

    static String columns(int c) {
        return c + " column" + (c == 1 ? "" : "s");
    }
}
