package org.paramprediction.report;

import static org.paramprediction.report.QueryRows.integer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * "1 versus more columns" ({@link ReportQuery#COLUMNS_GAIN}): for each factored method and
 * fraction, the test error with the fewest columns minus the error with more, in percentage
 * points, mean ± sd over the pairs of trials of the same repeat; a section per larger column
 * count, panels by family of methods, a dashed zero line. The points of one fraction are spread a
 * little sideways so that their error bars do not hide each other.
 */
final class ColumnGainPlot {

    static final String TITLE = "1 versus more columns";
    /** Sideways spread between neighbouring series of a panel, in decades of the log fraction axis. */
    static final double DODGE_DECADES = 0.015;

    /** The zero line reaches this factor beyond the smallest and largest fraction (past the spread points). */
    private static final double ZERO_LINE_MARGIN = 1.25;

    private final Path dir;

    ColumnGainPlot(Path dir) {
        this.dir = dir;
    }

    Figure draw(QueryRows gain) {
        if (gain.isEmpty()) {
            return Figure.skipped(TITLE, "no factored method ran with more than one column count");
        }
        int base = gain.distinct("base_columns", Integer.class).stream().min(Integer::compare).orElseThrow();
        double lo = gain.rows().stream().mapToDouble(r -> QueryRows.num(r, "fraction")).min().orElseThrow();
        double hi = gain.rows().stream().mapToDouble(r -> QueryRows.num(r, "fraction")).max().orElseThrow();
        List<Curve> zero = List.of(Curve.horizontal(SeriesStyle.ZERO, lo / ZERO_LINE_MARGIN, hi * ZERO_LINE_MARGIN,
                0.0));
        List<Panels.Section> sections = new ArrayList<>();
        for (int c : gain.distinct("columns", Integer.class).stream().sorted().toList()) {
            List<Curve> curves = Curve.bySeries(gain.where(r -> integer(r, "columns") == c), "fraction",
                    "gain_points_mean", "gain_points_sd");
            sections.add(new Panels.Section(ErrorPlots.columns(c) + " vs " + base, curves, zero));
        }
        List<XYChart> charts = new Panels("fraction of weights learned (log; points spread sideways)",
                "gain in test error, points (mean ± sd)", true).dodged(DODGE_DECADES).charts(sections);
        return new Figure(Panels.save(charts, dir, "columns.png"), TITLE,
                "Test error with " + ErrorPlots.columns(base) + " minus test error with more, in percentage points, "
                        + "for each factored method and fraction: above zero, more columns help. Trials are paired "
                        + "by repeat index (their seeds differ), mean ± sample sd over the pairs. Query: "
                        + "report/sql/" + ReportQuery.COLUMNS_GAIN.fileName() + ".", charts);
    }
}
