package org.paramprediction.report;

import static org.paramprediction.report.QueryRows.integer;
import static org.paramprediction.report.QueryRows.num;
import static org.paramprediction.report.QueryRows.text;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The rung picture of a sweep with a scheduler ({@link ReportQuery#SCHEDULER_CURVES}): every
 * trial's validation error against epochs, the trials that went on in their series' colour and the
 * stopped ones faded, so the picture shows where each was cut; and the summary's note of what the
 * scheduler saved ({@link ReportQuery#SCHEDULER_SAVINGS}).
 */
final class SchedulerPicture {

    static final String TITLE = "Scheduler: validation error of every trial, stopped trials faded";
    private static final Color FADED = new Color(200, 200, 200);

    private final Path dir;

    SchedulerPicture(Path dir) {
        this.dir = dir;
    }

    Figure draw(QueryRows curves) {
        if (curves.isEmpty()) {
            return Figure.skipped(TITLE, "the sweep has no scheduler section");
        }
        Map<String, List<Map<String, Object>>> byTrial = new LinkedHashMap<>();
        curves.rows().forEach(r -> byTrial.computeIfAbsent(text(r, "trial_id"), k -> new ArrayList<>()).add(r));
        XYChart chart = Charts.xy(TITLE, "epoch", "validation error");
        chart.getStyler().setMarkerSize(4);
        Set<String> named = new HashSet<>();
        // stopped trials first, so the complete ones are drawn over them
        for (boolean stopped : new boolean[] {true, false}) {
            for (Map.Entry<String, List<Map<String, Object>>> e : byTrial.entrySet()) {
                Map<String, Object> first = e.getValue().get(0);
                if ("STOPPED".equals(text(first, "status")) != stopped) {
                    continue;
                }
                String series = text(first, "series");
                List<Double> x = e.getValue().stream().map(r -> (double) integer(r, "epoch")).toList();
                List<Double> y = e.getValue().stream().map(r -> num(r, "valid_error")).toList();
                boolean legend = !stopped && named.add(series);
                String name = legend ? series : e.getKey();
                XYSeries s = chart.addSeries(name, x, y);
                s.setMarker(SeriesMarkers.NONE);
                if (stopped) {
                    s.setLineColor(FADED);
                    s.setLineStyle(new BasicStroke(1f));
                } else {
                    SeriesStyle style = SeriesStyle.of(series);
                    s.setLineColor(style.colour());
                    s.setLineStyle(new BasicStroke(2f));
                }
                s.setShowInLegend(legend);
            }
        }
        long stopped = byTrial.values().stream().filter(r -> "STOPPED".equals(text(r.get(0), "status"))).count();
        return new Figure(Charts.save(chart, dir, "scheduler.png"), TITLE, String.format(Locale.ROOT,
                "The validation error after each epoch of every trial: the %d trials the scheduler stopped in grey "
                        + "(each ends at the rung that stopped it), the %d that went on (or ended on their own) in their "
                        + "method's colour. Query: report/sql/%s.", stopped, byTrial.size() - stopped,
                ReportQuery.SCHEDULER_CURVES.fileName()), List.of(chart));
    }

    /** The summary's scheduler section, or "" without a scheduler. */
    static String markdown(QueryRows savings) {
        if (savings.isEmpty()) {
            return "";
        }
        Map<String, Object> r = savings.rows().get(0);
        long epochs = (long) num(r, "epochs");
        long grid = (long) num(r, "grid_epochs");
        return String.format(Locale.ROOT, "%n## Scheduler%n%n`%s`: %d trials, %d stopped, %d complete, %d failed. "
                + "%,d epochs of final training were trained, against at most %,d for the same grid without the "
                + "scheduler (every trial to max_epochs): %.1fx fewer. Best validation error of a complete trial: "
                + "%.4f. Query: `report/sql/%s`.%n", text(r, "scheduler"), integer(r, "trials"), integer(r, "stopped"),
                integer(r, "complete"), integer(r, "failed"), epochs, grid, grid / (double) Math.max(1, epochs),
                num(r, "best_valid_error"), ReportQuery.SCHEDULER_SAVINGS.fileName());
    }
}
