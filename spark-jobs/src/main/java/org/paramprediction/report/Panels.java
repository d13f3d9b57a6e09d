package org.paramprediction.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * Small multiples: the curves of one figure split into panels of at most {@value #MAX_SERIES}
 * series each (the references, drawn in every panel, counted), by family of methods ({@link
 * SeriesStyle#family()}); every panel of a figure has the same axes, and the panels are composed
 * into one PNG, {@value #PER_ROW} a row. Colours, markers and lines come from {@link SeriesStyle},
 * so a method looks the same in every panel and every figure.
 */
final class Panels {

    /** At most this many series in one panel, references included. */
    static final int MAX_SERIES = 8;
    static final int PER_ROW = 2;
    static final int PANEL_WIDTH = 660;
    static final int PANEL_HEIGHT = 440;
    /** Room left of the smallest and right of the largest x on a log axis, in decades. */
    private static final double LOG_X_MARGIN_DECADES = 0.05;
    /** Share of the data range added above and below the y axis. */
    private static final double Y_MARGIN = 0.04;

    /** A part of a figure (e.g. one column count): its curves, and the references drawn in each of its panels. */
    record Section(String title, List<Curve> curves, List<Curve> references) {

        Section {
            curves = List.copyOf(curves);
            references = List.copyOf(references);
            if (references.size() >= MAX_SERIES) {
                throw new IllegalArgumentException("section " + title + ": " + references.size()
                        + " references leave no room for data in a panel of " + MAX_SERIES + " series");
            }
        }
    }

    private final String xTitle;
    private final String yTitle;
    private final boolean logX;
    private final double dodgeDecades;

    Panels(String xTitle, String yTitle, boolean logX) {
        this(xTitle, yTitle, logX, 0);
    }

    private Panels(String xTitle, String yTitle, boolean logX, double dodgeDecades) {
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        this.logX = logX;
        this.dodgeDecades = dodgeDecades;
    }

    /**
     * The same panels with the data curves of each panel spread sideways, {@code decades} apart on
     * the log x axis and centred on the true x, so that points of one x and their error bars sit
     * side by side (a dot plot).
     */
    Panels dodged(double decades) {
        if (!logX) {
            throw new IllegalStateException("spreading points sideways needs a log x axis");
        }
        return new Panels(xTitle, yTitle, logX, decades);
    }

    /** The charts of the panels of {@code sections}, with shared axes; one large panel when there is only one. */
    List<XYChart> charts(List<Section> sections) {
        List<String> titles = new ArrayList<>();
        List<List<Curve>> panels = new ArrayList<>();
        for (Section s : sections) {
            List<List<Curve>> groups = pack(s.curves(), MAX_SERIES - s.references().size());
            for (List<Curve> group : groups.isEmpty() ? List.of(List.<Curve>of()) : groups) {
                List<Curve> panel = new ArrayList<>(dodge(group));
                panel.addAll(s.references());
                panels.add(panel);
                titles.add(groups.size() > 1 ? title(s.title(), group) : s.title());
            }
        }
        boolean single = panels.size() == 1;
        int width = single ? Charts.WIDTH : PANEL_WIDTH;
        int height = single ? Charts.HEIGHT : PANEL_HEIGHT;
        double[] xRange = range(panels, false);
        double[] yRange = range(panels, true);
        List<XYChart> charts = new ArrayList<>();
        for (int i = 0; i < panels.size(); i++) {
            XYChart c = Charts.xy(titles.get(i), xTitle, yTitle, width, height);
            c.getStyler().setXAxisLogarithmic(logX);
            c.getStyler().setXAxisMin(xRange[0]);
            c.getStyler().setXAxisMax(xRange[1]);
            c.getStyler().setYAxisMin(yRange[0]);
            c.getStyler().setYAxisMax(yRange[1]);
            for (Curve curve : panels.get(i)) {
                add(c, curve);
            }
            charts.add(c);
        }
        return charts;
    }

    /** Writes the panels as one PNG {@code dir/name} and returns the name. */
    static String save(List<XYChart> charts, Path dir, String name) {
        if (charts.size() == 1) {
            return Charts.save(charts.get(0), dir, name);
        }
        int columns = Math.min(PER_ROW, charts.size());
        int rows = (charts.size() + columns - 1) / columns;
        int w = charts.get(0).getWidth();
        int h = charts.get(0).getHeight();
        BufferedImage image = new BufferedImage(columns * w, rows * h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int i = 0; i < charts.size(); i++) {
            g.drawImage(BitmapEncoder.getBufferedImage(charts.get(i)), (i % columns) * w, (i / columns) * h, null);
        }
        g.dispose();
        Path file = dir.resolve(name);
        try {
            ImageIO.write(image, "png", file.toFile());
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Curves into groups of at most {@code capacity}: all in one when they fit, else by family
     * (in {@link SeriesStyle#FAMILIES} order): a family and its variants (e.g. SE methods with a
     * fixed and with a tied length scale) share a panel while they fit, another family starts a
     * new one, a family larger than a panel is split over several.
     */
    static List<List<Curve>> pack(List<Curve> curves, int capacity) {
        if (curves.size() <= capacity) {
            return curves.isEmpty() ? List.of() : List.of(curves);
        }
        Map<String, List<Curve>> families = new LinkedHashMap<>();
        curves.stream().sorted(Comparator.comparingInt((Curve c) -> c.style().familyRank())
                .thenComparing(c -> c.style().family()))
                .forEach(c -> families.computeIfAbsent(c.style().family(), k -> new ArrayList<>()).add(c));
        List<List<Curve>> out = new ArrayList<>();
        List<Curve> current = new ArrayList<>();
        int rank = -1;
        for (List<Curve> family : families.values()) {
            int r = family.get(0).style().familyRank();
            if (!current.isEmpty() && (r != rank || current.size() + family.size() > capacity)) {
                out.add(current);
                current = new ArrayList<>();
            }
            rank = r;
            for (Curve c : family) {
                if (current.size() == capacity) {
                    out.add(current);
                    current = new ArrayList<>();
                }
                current.add(c);
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private List<Curve> dodge(List<Curve> group) {
        List<Curve> out = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            out.add(group.get(i).scaledX(Math.pow(10, (i - (group.size() - 1) / 2.0) * dodgeDecades)));
        }
        return out;
    }

    private static String title(String section, List<Curve> group) {
        Set<String> families = new LinkedHashSet<>(); // by family, variants (tied, permuted, ...) aside
        group.forEach(c -> families.add(SeriesStyle.FAMILIES.get(Math.min(c.style().familyRank(),
                SeriesStyle.FAMILIES.size() - 1))));
        String what = families.size() == 1 ? families.iterator().next() : String.join(" + ", families);
        return section.isEmpty() || what.isEmpty() ? section + what : section + ": " + what;
    }

    /** [min, max] over every point (with its error bar for y) of every panel; a margin on y. */
    private double[] range(List<List<Curve>> panels, boolean y) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (List<Curve> panel : panels) {
            for (Curve c : panel) {
                for (int i = 0; i < c.x().size(); i++) {
                    double v = y ? c.y().get(i) : c.x().get(i);
                    double bar = y ? c.bar().get(i) : 0;
                    if (Double.isFinite(v) && (y || !logX || v > 0)) {
                        lo = Math.min(lo, v - bar);
                        hi = Math.max(hi, v + bar);
                    }
                }
            }
        }
        if (!(lo <= hi)) {
            return new double[] {0, 1};
        }
        if (!y && logX) {
            double pad = Math.pow(10, LOG_X_MARGIN_DECADES);
            return new double[] {lo / pad, hi * pad};
        }
        if (!y) {
            return lo < hi ? new double[] {lo, hi} : new double[] {lo - 0.5, hi + 0.5};
        }
        double pad = Y_MARGIN * Math.max(hi - lo, Math.abs(hi) * 1e-3 + 1e-9);
        return new double[] {lo - pad, hi + pad};
    }

    private static void add(XYChart chart, Curve c) {
        XYSeries s = chart.addSeries(c.series(), c.x(), c.y(), c.bar());
        c.style().applyTo(s);
    }
}
