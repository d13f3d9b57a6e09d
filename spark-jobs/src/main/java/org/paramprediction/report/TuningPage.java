package org.paramprediction.report;

import static org.paramprediction.report.QueryRows.integer;
import static org.paramprediction.report.QueryRows.num;
import static org.paramprediction.report.QueryRows.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.knowm.xchart.XYChart;

/**
 * The tuning of a sweep with {@code select} ({@link ReportQuery#TUNING}), on its own page so that
 * the main plots show the chosen configurations only: a chart of validation error against the
 * learning rate, and the table of every configuration's candidates with the chosen one marked.
 *
 * <p>The chart shows, per series and column count, the validation error of each learning rate
 * minus the best of its configuration (in points), averaged over the fractions: 0 where a rate
 * was the best at every fraction. One curve per method keeps it legible ({@link Panels}).
 */
final class TuningPage {

    static final String TITLE = "Tuning: validation error against learning rate";
    static final String FILE = "tuning.html";

    private final Path dir;

    TuningPage(Path dir) {
        this.dir = dir;
    }

    /** The chart (skipped without select); {@link #html} gives the page around it. */
    Figure draw(QueryRows tuning) {
        QueryRows ok = tuning.where(r -> "OK".equals(text(r, "status")));
        if (ok.isEmpty()) {
            return Figure.skipped(TITLE, "the sweep has no select section (or no phase-1 trial finished)");
        }
        Map<String, Double> best = new LinkedHashMap<>();
        for (Map<String, Object> r : ok.rows()) {
            best.merge(configuration(r), num(r, "best_valid_error"), Math::min);
        }
        List<Panels.Section> sections = new ArrayList<>();
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (int c : ok.distinct("columns", Integer.class).stream().sorted().toList()) {
            // series -> learning rate -> [sum of regrets, count]
            Map<String, Map<Double, double[]>> regret = new LinkedHashMap<>();
            for (Map<String, Object> r : ok.where(r -> integer(r, "columns") == c).rows()) {
                double lr = num(r, "learning_rate");
                lo = Math.min(lo, lr);
                hi = Math.max(hi, lr);
                double[] acc = regret.computeIfAbsent(text(r, "series"), k -> new LinkedHashMap<>())
                        .computeIfAbsent(lr, k -> new double[2]);
                acc[0] += 100 * (num(r, "best_valid_error") - best.get(configuration(r)));
                acc[1]++;
            }
            List<Curve> curves = new ArrayList<>();
            regret.forEach((series, byRate) -> {
                List<Double> x = new ArrayList<>(new TreeSet<>(byRate.keySet()));
                curves.add(Curve.of(series, x, x.stream().map(lr -> byRate.get(lr)[0] / byRate.get(lr)[1]).toList()));
            });
            sections.add(new Panels.Section(ErrorPlots.columns(c), curves, List.of()));
        }
        List<XYChart> charts = new Panels("learning rate (log)", "validation error above the best rate, points", true)
                .charts(sections);
        return new Figure(Panels.save(charts, dir, "tuning.png"), TITLE,
                "Phase 1 of select: for each method and column count, the best validation error of each learning "
                        + "rate minus the best of its configuration, in points, averaged over the fractions (0: the "
                        + "best rate at every fraction). Only validation error decides. Every candidate is listed "
                        + "in " + FILE + ". Query: report/sql/" + ReportQuery.TUNING.fileName() + ".", charts);
    }

    /** {@code tuning.html}: the chart and every configuration's candidates, the chosen one in bold. */
    String html(String sweepId, Figure chart, QueryRows tuning) {
        List<Double> rates = new ArrayList<>(new TreeSet<>(tuning.distinct("learning_rate", Double.class)));
        Map<String, List<Map<String, Object>>> byConfiguration = new LinkedHashMap<>();
        tuning.rows().forEach(r -> byConfiguration.computeIfAbsent(configuration(r), k -> new ArrayList<>()).add(r));
        StringBuilder s = new StringBuilder();
        s.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Sweep ")
                .append(IndexPage.escape(sweepId)).append(": tuning</title>\n<style>body{font-family:sans-serif;"
                        + "max-width:1360px;margin:2em auto;padding:0 1em}img{max-width:100%;border:1px solid #ddd}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;"
                        + "text-align:right}td.l{text-align:left}</style>\n</head>\n<body>\n");
        s.append("<h1>Sweep <code>").append(IndexPage.escape(sweepId)).append("</code>: tuning</h1>\n")
                .append("<p><a href=\"index.html\">Back to the report</a>. ").append(IndexPage.escape(chart.caption()))
                .append("</p>\n");
        if (chart.written()) {
            s.append("<img src=\"").append(chart.file()).append("\" alt=\"").append(TITLE).append("\">\n");
        }
        s.append("<h2>Every candidate</h2>\n<p>Best validation error of each candidate's phase-1 trial (repeat 0); "
                + "bold: the chosen learning rate, whose other seeds ran in phase 2; FAILED: the trial failed "
                + "(never chosen).</p>\n<table>\n<tr><th>series</th><th>columns</th><th>fraction</th>");
        rates.forEach(lr -> s.append("<th>lr ").append(rate(lr)).append("</th>"));
        s.append("</tr>\n");
        for (List<Map<String, Object>> candidates : byConfiguration.values()) {
            Map<String, Object> first = candidates.get(0);
            s.append(String.format(Locale.ROOT, "<tr><td class=\"l\">%s</td><td>%d</td><td>%.3f</td>",
                    IndexPage.escape(text(first, "series")), integer(first, "columns"), num(first, "fraction")));
            for (double lr : rates) {
                Map<String, Object> r = candidates.stream().filter(x -> num(x, "learning_rate") == lr).findFirst()
                        .orElse(null);
                String cell = r == null ? "" : "OK".equals(text(r, "status"))
                        ? String.format(Locale.ROOT, "%.4f", num(r, "best_valid_error")) : "FAILED";
                boolean chosen = r != null && Boolean.TRUE.equals(r.get("selected"));
                s.append("<td>").append(chosen ? "<b>" + cell + "</b>" : cell).append("</td>");
            }
            s.append("</tr>\n");
        }
        s.append("</table>\n</body>\n</html>\n");
        return s.toString();
    }

    /** The chosen learning rate of every configuration, as a Markdown table (series x fractions) for summary.md. */
    static String chosenMarkdown(QueryRows tuning) {
        QueryRows chosen = tuning.where(r -> Boolean.TRUE.equals(r.get("selected")));
        if (chosen.isEmpty()) {
            return "";
        }
        List<Double> fractions = new ArrayList<>(new TreeSet<>(chosen.distinct("fraction", Double.class)));
        StringBuilder s = new StringBuilder("\n## Selected learning rates\n\nChosen by the best validation error of "
                + "the phase-1 trial (repeat 0) among every candidate; all candidates: " + FILE + ". Query: `report/sql/"
                + ReportQuery.TUNING.fileName() + "`.\n\n| series | columns |");
        fractions.forEach(f -> s.append(String.format(Locale.ROOT, " f=%s |", rate(f))));
        s.append("\n|---|---:|").append("---:|".repeat(fractions.size())).append('\n');
        Map<String, Map<Double, Double>> rows = new LinkedHashMap<>();
        for (Map<String, Object> r : chosen.rows()) {
            rows.computeIfAbsent(text(r, "series") + "\t" + integer(r, "columns"), k -> new LinkedHashMap<>())
                    .put(num(r, "fraction"), num(r, "learning_rate"));
        }
        rows.forEach((key, byFraction) -> {
            String[] k = key.split("\t");
            s.append("| ").append(k[0]).append(" | ").append(k[1]).append(" |");
            fractions.forEach(f -> s.append(' ').append(byFraction.containsKey(f) ? rate(byFraction.get(f)) : "")
                    .append(" |"));
            s.append('\n');
        });
        return s.toString();
    }

    private static String configuration(Map<String, Object> r) {
        return text(r, "series") + "\t" + integer(r, "columns") + "\t" + num(r, "fraction");
    }

    private static String rate(double v) {
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
