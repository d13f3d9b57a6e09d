package org.paramprediction.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's chart conventions (XChart): sizes, legend outside on the right, PNG output. */
final class Charts {

    static final int WIDTH = 900;
    static final int HEIGHT = 560;

    private Charts() {}

    static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setErrorBarsColorSeriesColor(true);
        c.getStyler().setChartTitleBoxVisible(false);
        c.getStyler().setPlotGridLinesVisible(true);
        return c;
    }

    /** A series of points joined by a line, with error bars ({@code sd}, NaN drawn as 0). */
    static XYSeries line(XYChart c, String name, List<Double> x, List<Double> y, List<Double> sd) {
        List<Double> bars = sd.stream().map(v -> Double.isNaN(v) ? 0.0 : v).toList();
        XYSeries s = c.addSeries(name, x, y, bars);
        s.setMarker(SeriesMarkers.CIRCLE);
        return s;
    }

    /** A dashed horizontal reference line at {@code y} across {@code [x0, x1]}. */
    static void reference(XYChart c, String name, double x0, double x1, double y) {
        XYSeries s = c.addSeries(name, new double[] {x0, x1}, new double[] {y, y});
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(SeriesLines.DASH_DASH);
    }

    /** Writes {@code chart} as {@code dir/name} (a .png name) and returns the name. */
    static String save(Chart<?, ?> chart, Path dir, String name) {
        try {
            BitmapEncoder.saveBitmap(chart, dir.resolve(name).toString(), BitmapFormat.PNG);
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(name) + ": " + e.getMessage(), e);
        }
    }
}
