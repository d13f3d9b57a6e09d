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
