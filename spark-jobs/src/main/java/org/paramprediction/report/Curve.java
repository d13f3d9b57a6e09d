package org.paramprediction.report;

import static org.paramprediction.report.QueryRows.num;
import static org.paramprediction.report.QueryRows.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of a report chart: its series label (the key of its {@link SeriesStyle}), its points,
 * and the half-length of each point's error bar (0 or NaN for none).
 */
record Curve(String series, List<Double> x, List<Double> y, List<Double> bar) {

    Curve {
        if (x.size() != y.size() || y.size() != bar.size()) {
            throw new IllegalArgumentException("curve " + series + ": x, y and bar must have one value per point but "
                    + "had " + x.size() + ", " + y.size() + " and " + bar.size());
        }
        x = List.copyOf(x);
        y = List.copyOf(y);
        bar = bar.stream().map(v -> Double.isNaN(v) ? 0.0 : v).toList();
    }

    /** A curve without error bars. */
    static Curve of(String series, List<Double> x, List<Double> y) {
        return new Curve(series, x, y, y.stream().map(v -> 0.0).toList());
    }

    /** A horizontal line at {@code y} from {@code x0} to {@code x1} (a reference such as Full). */
    static Curve horizontal(String series, double x0, double x1, double y) {
        return of(series, List.of(x0, x1), List.of(y, y));
    }

    /**
     * One curve per value of the {@code series} column of {@code rows}, in order of first
     * appearance, points sorted by {@code x}; {@code bar} may be null for no error bars.
     */
    static List<Curve> bySeries(QueryRows rows, String x, String y, String bar) {
        Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        rows.rows().forEach(r -> groups.computeIfAbsent(text(r, "series"), k -> new ArrayList<>()).add(r));
        List<Curve> out = new ArrayList<>();
        groups.forEach((series, points) -> {
            List<Map<String, Object>> sorted = points.stream()
                    .sorted(Comparator.comparingDouble(r -> num(r, x))).toList();
            out.add(new Curve(series, sorted.stream().map(r -> num(r, x)).toList(),
                    sorted.stream().map(r -> num(r, y)).toList(),
                    sorted.stream().map(r -> bar == null ? 0.0 : num(r, bar)).toList()));
        });
        return out;
    }

    /** The same curve with every x multiplied by {@code factor} (to set points of a dot plot apart). */
    Curve scaledX(double factor) {
        return new Curve(series, x.stream().map(v -> v * factor).toList(), y, bar);
    }

    SeriesStyle style() {
        return SeriesStyle.of(series);
    }
}
