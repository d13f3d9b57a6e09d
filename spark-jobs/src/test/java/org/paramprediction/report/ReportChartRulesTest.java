package org.paramprediction.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.chartpart.ChartPart;
import org.knowm.xchart.style.Styler;
import org.junit.jupiter.api.Test;

/**
 * The legibility rules, checked on the chart objects the report draws from a generated sweep with
 * every method (more series than one chart may hold): at most {@value Panels#MAX_SERIES} series a
 * chart, no colour twice in a chart, a method's colour and marker the same in every chart, panels
 * of a figure on the same axes, legends beside the plot and no taller than the image, and "1 versus more
 * columns" drawn as the paired gain.
 */
class ReportChartRulesTest {

    /** SQL's AVG/STDDEV against a Java mean of the same few doubles. */
    private static final double TOLERANCE = 1e-9;
    /** The plot keeps at least this share of a chart's width beside its legend. */
    private static final double MIN_PLOT_SHARE = 0.55;

    private static List<XYChart> charts() {
        return ManyMethodsSweep.figures().stream().flatMap(f -> f.panels().stream()).toList();
    }

    @Test
    void noChartHasMoreThanEightSeriesAndTheBigFiguresAreSmallMultiples() {
        List<Figure> figures = ManyMethodsSweep.figures();
        assertTrue(figures.stream().filter(Figure::written).count() >= 8, figures.toString());
        for (XYChart c : charts()) {
            assertTrue(c.getSeriesMap().size() <= Panels.MAX_SERIES,
                    c.getTitle() + " has " + c.getSeriesMap().size() + " series: " + c.getSeriesMap().keySet());
        }
        // 14 factored series at 1 column (4 SE methods x 2 length scales, 6 others) plus Full and Downsized
        Figure c1 = figure("Test error against fraction learned, 1 column");
        assertTrue(c1.panels().size() >= 3, "split into panels: " + titles(c1));
        Set<String> drawn = new HashSet<>();
        c1.panels().forEach(p -> drawn.addAll(p.getSeriesMap().keySet()));
        assertEquals(16, drawn.size(), "every series of the figure is in some panel: " + drawn);
        for (XYChart p : c1.panels()) {
            assertTrue(p.getSeriesMap().containsKey("Full") && p.getSeriesMap().containsKey("Downsized"),
                    "references in every panel: " + p.getTitle());
        }
    }

    @Test
    void noColourRepeatsWithinAChart() {
        for (XYChart c : charts()) {
            Map<Color, String> seen = new HashMap<>();
            for (XYSeries s : c.getSeriesMap().values()) {
                assertEquals(s.getLineColor(), s.getMarkerColor(), s.getName() + " in " + c.getTitle());
                String before = seen.put((Color) s.getLineColor(), s.getName());
                assertTrue(before == null, c.getTitle() + ": " + before + " and " + s.getName() + " share "
                        + s.getLineColor());
            }
        }
    }

    @Test
    void everyMethodHasTheSameColourAndMarkerInEveryChart() {
        Map<String, String> styleOf = new TreeMap<>();
        Map<String, String> firstChart = new HashMap<>();
        for (XYChart c : charts()) {
            for (XYSeries s : c.getSeriesMap().values()) {
                String style = s.getLineColor() + " " + s.getMarker().getClass().getSimpleName();
                String before = styleOf.putIfAbsent(s.getName(), style);
                firstChart.putIfAbsent(s.getName(), c.getTitle());
                assertTrue(before == null || before.equals(style), s.getName() + " is " + before + " in "
                        + firstChart.get(s.getName()) + " but " + style + " in " + c.getTitle());
            }
        }
        for (String method : ManyMethodsSweep.METHODS) {
            assertTrue(styleOf.containsKey(method), method + " is drawn: " + styleOf.keySet());
        }
        assertTrue(styleOf.containsKey("SE-Emp (tied l)"), styleOf.keySet().toString());
        assertFalse(styleOf.get("SE-Emp").equals(styleOf.get("SE-Emp (tied l)")), "variants differ");
    }

    @Test
    void panelsOfAFigureShareTheirAxes() {
        for (Figure f : ManyMethodsSweep.figures()) {
            for (XYChart p : f.panels()) {
                XYChart first = f.panels().get(0);
                assertEquals(List.of(first.getStyler().getXAxisMin(), first.getStyler().getXAxisMax(),
                        first.getStyler().getYAxisMin(), first.getStyler().getYAxisMax()), List.of(
                        p.getStyler().getXAxisMin(), p.getStyler().getXAxisMax(), p.getStyler().getYAxisMin(),
                        p.getStyler().getYAxisMax()), f.title() + ": " + p.getTitle());
            }
        }
    }

    @Test
    void legendsSitBesideThePlotAndFitTheImage() throws ReflectiveOperationException {
        Field legendField = Chart.class.getDeclaredField("legend");
        Field plotField = Chart.class.getDeclaredField("plot");
        legendField.setAccessible(true);
        plotField.setAccessible(true);
        for (XYChart c : charts()) {
            assertEquals(Styler.LegendPosition.OutsideE, c.getStyler().getLegendPosition(), c.getTitle());
            BitmapEncoder.getBufferedImage(c); // lays the chart out
            // XChart's legend bounds are its size (at 0, 0); drawn OutsideE, it sits right of the plot
            Rectangle2D legend = ((ChartPart) legendField.get(c)).getBounds();
            Rectangle2D plot = ((ChartPart) plotField.get(c)).getBounds();
            assertTrue(plot.getMaxX() + legend.getWidth() <= c.getWidth(), c.getTitle() + ": legend " + legend
                    + " does not fit right of the plot " + plot + " in width " + c.getWidth());
            assertTrue(legend.getHeight() <= c.getHeight(), c.getTitle() + ": legend " + legend
                    + " is taller than the image " + c.getHeight());
            assertTrue(plot.getWidth() >= MIN_PLOT_SHARE * c.getWidth(), c.getTitle() + ": the legend leaves the plot "
                    + plot.getWidth() + " of " + c.getWidth() + " px");
        }
    }

    @Test
    void columnsAreDrawnAsThePairedGainPerMethodAndFraction() {
        Figure columns = figure(ColumnGainPlot.TITLE);
        Map<String, double[]> drawn = new LinkedHashMap<>();
        for (XYChart p : columns.panels()) {
            assertTrue(p.getYAxisTitle().contains("points"), p.getYAxisTitle());
            p.getSeriesMap().values().stream().filter(s -> !s.getName().equals(SeriesStyle.ZERO))
                    .forEach(s -> drawn.put(s.getName(), s.getYData()));
        }
        Map<String, double[]> expected = pairedGains();
        assertEquals(expected.keySet(), drawn.keySet());
        expected.forEach((series, gains) -> {
            for (int i = 0; i < gains.length; i++) {
                assertEquals(gains[i], drawn.get(series)[i], TOLERANCE, series + " at fraction #" + i);
            }
        });
    }

    /** Per factored series, the mean over repeats of 100 (error at 1 column - error at 2), by fraction, from DuckDB. */
    private static Map<String, double[]> pairedGains() {
        List<Map<String, Object>> rows = ReportFixture.duckdb(ManyMethodsSweep.output(), ManyMethodsSweep.SWEEP,
                "SELECT method || CASE WHEN length_scale_factor > 0 THEN ' (tied l)' ELSE '' END AS series, fraction, "
                        + "repeat AS rep, columns, test_error FROM trials WHERE status = 'OK' "
                        + "AND method NOT IN ('Full', 'Downsized') ORDER BY series, fraction, rep");
        Map<String, Map<Double, Map<Integer, double[]>>> byKey = new TreeMap<>();
        for (Map<String, Object> r : rows) {
            double[] pair = byKey.computeIfAbsent((String) r.get("series"), k -> new TreeMap<>())
                    .computeIfAbsent(((Number) r.get("fraction")).doubleValue(), k -> new TreeMap<>())
                    .computeIfAbsent(((Number) r.get("rep")).intValue(), k -> new double[] {Double.NaN, Double.NaN});
            pair[((Number) r.get("columns")).intValue() - 1] = ((Number) r.get("test_error")).doubleValue();
        }
        Map<String, double[]> out = new TreeMap<>();
        byKey.forEach((series, fractions) -> {
            List<Double> gains = new ArrayList<>();
            fractions.values().forEach(reps -> {
                List<Double> d = reps.values().stream().filter(p -> !Double.isNaN(p[1]))
                        .map(p -> 100 * (p[0] - p[1])).toList();
                if (!d.isEmpty()) {
                    gains.add(d.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
                }
            });
            if (!gains.isEmpty()) {
                out.put(series, gains.stream().mapToDouble(Double::doubleValue).toArray());
            }
        });
        return out;
    }

    private static Figure figure(String title) {
        return ManyMethodsSweep.figures().stream().filter(f -> f.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no figure " + title + " in " + ManyMethodsSweep.figures()));
    }

    private static List<String> titles(Figure f) {
        return f.panels().stream().map(XYChart::getTitle).toList();
    }
}
