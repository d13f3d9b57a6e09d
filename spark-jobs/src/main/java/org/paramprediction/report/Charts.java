package org.paramprediction.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * The report's chart conventions (XChart): sizes, the legend outside on the right (it never covers
 * the data; {@link Panels} keeps it short enough to fit), error bars in the series' colour, PNG output.
 */
final class Charts {

    static final int WIDTH = 900;
    static final int HEIGHT = 560;

    private Charts() {}

    static XYChart xy(String title, String xTitle, String yTitle) {
        return xy(title, xTitle, yTitle, WIDTH, HEIGHT);
    }

    static XYChart xy(String title, String xTitle, String yTitle, int width, int height) {
        XYChart c = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setErrorBarsColorSeriesColor(true);
        c.getStyler().setChartTitleBoxVisible(false);
        c.getStyler().setPlotGridLinesVisible(true);
        c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        c.getStyler().setLegendBorderColor(java.awt.Color.LIGHT_GRAY);
        c.getStyler().setMarkerSize(7);
        return c;
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
