package org.paramprediction.report;

import static org.paramprediction.report.QueryRows.integer;
import static org.paramprediction.report.QueryRows.num;
import static org.paramprediction.report.QueryRows.text;

import java.util.Locale;
import java.util.Map;

/** The Markdown summary table of {@link ReportQuery#SUMMARY}: one line per series, column count and fraction. */
final class SummaryMarkdown {

    private SummaryMarkdown() {}

    static String render(String sweepId, QueryRows summary) {
        StringBuilder s = new StringBuilder();
        s.append("# Sweep `").append(sweepId).append("`: summary\n\n");
        s.append("Test error at the best validation epoch, mean ± sample sd over the OK seeds; valid error is the "
                + "best validation error (mean); dynamic params are the learned parameters; s/trial is the mean wall "
                + "time of a trial. Query: `report/sql/summary.sql`.\n\n");
        s.append("| series | columns | fraction | trials | failed | test error (mean ± sd) | valid error | "
                + "dynamic params | epochs | s/trial |\n");
        s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map<String, Object> r : summary.rows()) {
            s.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %d | %d | %s | %s | %,d | %s | %.1f |%n",
                    text(r, "series"), integer(r, "columns"), num(r, "fraction"), integer(r, "trials"),
                    integer(r, "failed"), meanSd(num(r, "test_error_mean"), num(r, "test_error_sd")),
                    fixed(num(r, "valid_error_mean"), 4), (long) num(r, "params_dynamic"),
                    fixed(num(r, "epochs_mean"), 1), num(r, "seconds_mean")));
        }
        return s.toString();
    }

    /**
     * The tables of the paper's questions, each from its query: the smallest fraction within 0.5
     * points of Full, the paired comparisons, and 1 versus more columns. A table the sweep has no
     * rows for is left out.
     */
    static String claims(QueryRows withinFull, QueryRows paired, QueryRows columnsGain) {
        return withinFull(withinFull) + paired(paired) + columnsGain(columnsGain);
    }

    private static String withinFull(QueryRows rows) {
        StringBuilder s = new StringBuilder();
        if (rows.isEmpty()) {
            return "";
        }
        s.append("\n## How few weights: the smallest fraction within 0.5 points of Full\n\n")
                .append("Per series and column count, the smallest fraction whose mean test error is at most Full's ")
                .append("+ 0.5 points (Full on the same pixel order); \"none\" when no fraction run comes that close. ")
                .append("Query: `report/sql/").append(ReportQuery.WITHIN_FULL.fileName()).append("`.\n\n")
                .append("| series | columns | fraction within | test error there (mean ± sd) | Full (mean ± sd) | ")
                .append("gap, points | largest fraction run |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (Map<String, Object> r : rows.rows()) {
            boolean none = r.get("fraction_within") == null;
            s.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %.3f |%n", text(r, "series"),
                    integer(r, "columns"), none ? "none" : fixed(num(r, "fraction_within"), 3),
                    meanSd(num(r, "test_error_mean"), num(r, "test_error_sd")),
                    meanSd(num(r, "full_test_error_mean"), num(r, "full_test_error_sd")),
                    none ? "-" : signed(num(r, "gap_points")), num(r, "largest_fraction")));
        }
        return s.toString();
    }

    private static String paired(QueryRows rows) {
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("\n## Paired comparisons\n\n")
                .append("Each trial against its twin of the same repeat (seeds differ): gain = baseline's test error ")
                .append("minus the series', in points, mean ± sample sd over the pairs; positive: the series is ")
                .append("better. Query: `report/sql/").append(ReportQuery.PAIRED_COMPARISONS.fileName()).append("`.\n");
        String current = null;
        for (Map<String, Object> r : rows.rows()) {
            String comparison = text(r, "comparison");
            if (!comparison.equals(current)) {
                current = comparison;
                s.append("\n### ").append(comparison).append("\n\n| series | baseline | columns | fraction | pairs | ")
                        .append("test error | baseline | gain, points (mean ± sd) | dynamic params | baseline's | ")
                        .append("final fraction |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            }
            s.append(String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %d | %.4f | %.4f | %s | %,d | %,d | %.3f |%n",
                    text(r, "series"), text(r, "baseline"), integer(r, "columns"), num(r, "fraction"),
                    integer(r, "pairs"), num(r, "test_error_mean"), num(r, "baseline_test_error_mean"),
                    signedSd(num(r, "gain_points_mean"), num(r, "gain_points_sd")),
                    Math.round(num(r, "params_mean")), Math.round(num(r, "baseline_params_mean")),
                    num(r, "final_fraction_mean")));
        }
        return s.toString();
    }

    private static String columnsGain(QueryRows rows) {
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("\n## 1 versus more columns\n\n")
                .append("Test error with the fewest columns minus with more, paired by repeat, in points (positive: ")
                .append("more columns help). Query: `report/sql/").append(ReportQuery.COLUMNS_GAIN.fileName())
                .append("`.\n\n| series | columns vs | fraction | pairs | gain, points (mean ± sd) |\n")
                .append("|---|---|---:|---:|---:|\n");
        for (Map<String, Object> r : rows.rows()) {
            s.append(String.format(Locale.ROOT, "| %s | %d vs %d | %.3f | %d | %s |%n", text(r, "series"),
                    integer(r, "columns"), integer(r, "base_columns"), num(r, "fraction"), integer(r, "pairs"),
                    signedSd(num(r, "gain_points_mean"), num(r, "gain_points_sd"))));
        }
        return s.toString();
    }

    private static String signed(double v) {
        return String.format(Locale.ROOT, "%+.2f", v);
    }

    private static String signedSd(double mean, double sd) {
        return Double.isNaN(sd) ? signed(mean) : String.format(Locale.ROOT, "%+.2f ± %.2f", mean, sd);
    }

    private static String meanSd(double mean, double sd) {
        if (Double.isNaN(mean)) {
            return "-";
        }
        return Double.isNaN(sd) ? fixed(mean, 4) : String.format(Locale.ROOT, "%.4f ± %.4f", mean, sd);
    }

    private static String fixed(double v, int digits) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + digits + "f", v);
    }
}
