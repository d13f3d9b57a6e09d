package org.paramprediction.report;

import static org.paramprediction.report.QueryRows.integer;
import static org.paramprediction.report.QueryRows.num;
import static org.paramprediction.report.QueryRows.text;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;

/**
 * The tuning of a sweep with {@code select} ({@link ReportQuery#TUNING}, over the {@code selections}
 * table), on its own page so that the main plots show the chosen configurations only: every
 * configuration's candidates with their validation metric, the chosen one marked, how often each
 * value was chosen and failed, and, when the candidates are the values of one numeric key (e.g. the
 * learning rate), a chart of each value's metric above the best of its configuration.
 */
final class TuningPage {

    static final String TITLE = "Tuning: validation error of every candidate";
    static final String FILE = "tuning.html";

    private final Path dir;

    TuningPage(Path dir) {
        this.dir = dir;
    }

    /**
     * The chart: per series and column count, each value's metric minus the best of its
     * configuration (in points), averaged over the configurations (fractions) where it did not
     * fail; skipped without select, or when the candidates are not the values of one numeric key.
     */
    Figure draw(QueryRows tuning) {
        if (tuning.isEmpty()) {
            return Figure.skipped(TITLE, "the sweep has no select section (or its phase 1 is not complete)");
        }
        String key = numericKey(tuning);
        if (key == null) {
            return Figure.skipped(TITLE, "the candidates are not the values of one numeric key; "
                    + "every candidate is listed in " + FILE);
        }
        Map<String, Double> best = new LinkedHashMap<>();
        QueryRows ok = tuning.where(r -> "OK".equals(text(r, "status")));
        ok.rows().forEach(r -> best.merge(text(r, "configuration"), num(r, "metric_value"), Math::min));
        List<Panels.Section> sections = new ArrayList<>();
        for (int c : ok.distinct("columns", Integer.class).stream().sorted().toList()) {
            Map<String, TreeMap<Double, double[]>> above = new LinkedHashMap<>(); // series -> x -> [sum, n]
            for (Map<String, Object> r : ok.where(r -> integer(r, "columns") == c).rows()) {
                double[] acc = above.computeIfAbsent(text(r, "series"), k -> new TreeMap<>())
                        .computeIfAbsent(x(r), k -> new double[2]);
                acc[0] += 100 * (num(r, "metric_value") - best.get(text(r, "configuration")));
                acc[1]++;
            }
            List<Curve> curves = new ArrayList<>();
            above.forEach((series, byX) -> curves.add(Curve.of(series, List.copyOf(byX.keySet()),
                    byX.values().stream().map(a -> a[0] / a[1]).toList())));
            sections.add(new Panels.Section(ErrorPlots.columns(c), curves, List.of()));
        }
        List<XYChart> charts = new Panels(key + " (log)", "validation error above the best candidate, points", true)
                .charts(sections);
        return new Figure(Panels.save(charts, dir, "tuning.png"), TITLE,
                "Phase 1 of select: for each series and column count, the best validation error of each " + key
                        + " minus the best of its configuration, in points, averaged over the configurations "
                        + "(fractions) where that value did not fail (0: the best value everywhere). Failures "
                        + "and every candidate are in the tables. Query: report/sql/" + ReportQuery.TUNING.fileName()
                        + ".", charts);
    }

    /** {@code tuning.html}: the chart, how often each value was chosen and failed, and every candidate. */
    String html(String sweepId, Figure chart, QueryRows tuning) {
        List<String> values = tuning.distinct("value", String.class);
        StringBuilder s = new StringBuilder();
        s.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Sweep ")
                .append(IndexPage.escape(sweepId)).append(": tuning</title>\n<style>body{font-family:sans-serif;"
                        + "max-width:1360px;margin:2em auto;padding:0 1em}img{max-width:100%;border:1px solid #ddd}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;"
                        + "text-align:right}td.l{text-align:left}</style>\n</head>\n<body>\n");
        s.append("<h1>Sweep <code>").append(IndexPage.escape(sweepId)).append("</code>: tuning</h1>\n<p>")
                .append("<a href=\"index.html\">Back to the report</a>. ").append(IndexPage.escape(chart.caption()))
                .append("</p>\n");
        if (chart.written()) {
            s.append("<img src=\"").append(IndexPage.escape(chart.file())).append("\" alt=\"").append(TITLE)
                    .append("\">\n");
        }
        s.append("<h2>Each value</h2>\n<table>\n<tr><th>value</th><th>candidate in</th><th>chosen</th>"
                + "<th>failed</th></tr>\n");
        for (String v : values) {
            QueryRows of = tuning.where(r -> text(r, "value").equals(v));
            s.append(String.format(Locale.ROOT, "<tr><td class=\"l\">%s</td><td>%d</td><td>%d</td><td>%d</td></tr>%n",
                    IndexPage.escape(v), of.rows().size(), of.where(TuningPage::chosen).rows().size(),
                    of.where(r -> !"OK".equals(text(r, "status"))).rows().size()));
        }
        s.append("</table>\n<h2>Every candidate</h2>\n<p>The metric of each candidate's phase-1 trial (repeat 0); "
                + "bold: the chosen value, whose other seeds ran in phase 2; FAILED: the trial failed (never "
                + "chosen).</p>\n<table>\n<tr><th>configuration</th><th>columns</th><th>fraction</th>");
        values.forEach(v -> s.append("<th>").append(IndexPage.escape(v)).append("</th>"));
        s.append("</tr>\n");
        for (List<Map<String, Object>> candidates : byConfiguration(tuning).values()) {
            Map<String, Object> first = candidates.get(0);
            s.append(String.format(Locale.ROOT, "<tr><td class=\"l\">%s</td><td>%d</td><td>%.3f</td>",
                    IndexPage.escape(text(first, "configuration")), integer(first, "columns"), num(first, "fraction")));
            for (String v : values) {
                Map<String, Object> r = candidates.stream().filter(x -> text(x, "value").equals(v)).findFirst()
                        .orElse(null);
                String cell = r == null ? "" : "OK".equals(text(r, "status"))
                        ? String.format(Locale.ROOT, "%.4f", num(r, "metric_value")) : "FAILED";
                s.append("<td>").append(r != null && chosen(r) ? "<b>" + cell + "</b>" : cell).append("</td>");
            }
            s.append("</tr>\n");
        }
        s.append("</table>\n</body>\n</html>\n");
        return s.toString();
    }

    /** Every configuration's chosen value, as a Markdown table for summary.md; empty without select. */
    static String chosenMarkdown(QueryRows tuning) {
        if (tuning.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("\n## Selected values\n\nPer configuration, the candidate with the best "
                + "validation metric of its phase-1 trial (repeat 0); \"none\" when every candidate failed. Every "
                + "candidate: " + FILE + ". Query: `report/sql/" + ReportQuery.TUNING.fileName() + "`.\n\n"
                + "| configuration | chosen | valid error | candidates | failed |\n|---|---|---:|---:|---:|\n");
        for (List<Map<String, Object>> candidates : byConfiguration(tuning).values()) {
            Map<String, Object> won = candidates.stream().filter(TuningPage::chosen).findFirst().orElse(null);
            s.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %d |%n", text(candidates.get(0), "configuration"),
                    won == null ? "none" : text(won, "value"),
                    won == null ? "-" : String.format(Locale.ROOT, "%.4f", num(won, "metric_value")),
                    candidates.size(), candidates.stream().filter(r -> !"OK".equals(text(r, "status"))).count()));
        }
        return s.toString();
    }

    private static Map<String, List<Map<String, Object>>> byConfiguration(QueryRows tuning) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        tuning.rows().forEach(r -> out.computeIfAbsent(text(r, "configuration"), k -> new ArrayList<>()).add(r));
        return out;
    }

    private static boolean chosen(Map<String, Object> r) {
        return Boolean.TRUE.equals(r.get("selected"));
    }

    /** The key when every candidate value reads {@code key=number} with one key, else null. */
    private static String numericKey(QueryRows tuning) {
        String key = null;
        for (Map<String, Object> r : tuning.rows()) {
            String[] kv = text(r, "value").split("=", -1);
            if (kv.length != 2 || (key != null && !key.equals(kv[0])) || !isNumber(kv[1])) {
                return null;
            }
            key = kv[0];
        }
        return key;
    }

    private static boolean isNumber(String s) {
        try {
            return new BigDecimal(s).signum() > 0; // on a log axis
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double x(Map<String, Object> r) {
        return Double.parseDouble(text(r, "value").split("=", -1)[1]);
    }
}
