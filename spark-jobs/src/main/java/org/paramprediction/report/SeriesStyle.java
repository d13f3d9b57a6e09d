package org.paramprediction.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.paramprediction.sweep.config.Method;

/**
 * The colour, marker and line of a report series, one fixed assignment keyed by the series label
 * (as the report's SQL writes it: the method, then a variant such as {@code " (tied l)"}, {@code
 * " [permuted]"} or {@code " {data_parallel}"}), so that a method looks the same in every chart of
 * every report.
 *
 * <p>Each {@link Method} has its own colour (Tableau 10 plus black and a dark blue) and marker.
 * A variant keeps its method's hue and marker and changes its shade and line: tied length scale
 * lighter and dashed, permuted pixels darker and dotted, distributed modes dash-dotted; raw U
 * greyed and dashed, alternating U/V a little lighter and dash-dotted, a growing fraction a little
 * darker and dotted. A label
 * whose method is unknown gets a colour from the same palette by a hash of its name.
 *
 * <p>Families group the methods into the panels of the small multiples ({@link Panels}).
 */
public record SeriesStyle(Color colour, Marker marker, BasicStroke line, String family) {

    /** The families, in drawing order. */
    static final List<String> FAMILIES = List.of("references", "SE kernel in layer 1", "data-driven and fixed bases",
            "random and low-rank baselines", "other");

    private record Base(Color colour, Marker marker, BasicStroke line, String family) {}

    private static final float WIDTH = 2.0f;
    private static final BasicStroke SOLID = new BasicStroke(WIDTH);
    private static final BasicStroke DASHED = stroke(SeriesLines.DASH_DASH);
    private static final BasicStroke DOTTED = stroke(SeriesLines.DOT_DOT);
    private static final BasicStroke DASH_DOT = stroke(SeriesLines.DASH_DOT);
    private static final Map<Method, Base> BASES = new EnumMap<>(Method.class);

    static {
        base(Method.FULL, 0x000000, SeriesMarkers.NONE, 0);
        base(Method.DOWNSIZED, 0x7f7f7f, SeriesMarkers.SQUARE, 0);
        base(Method.SE, 0x1f77b4, SeriesMarkers.CIRCLE, 1);
        base(Method.SE_EMP, 0xff7f0e, SeriesMarkers.DIAMOND, 1);
        base(Method.SE_EMP2, 0x2ca02c, SeriesMarkers.TRIANGLE_UP, 1);
        base(Method.SE_RAND, 0xd62728, SeriesMarkers.TRIANGLE_DOWN, 1);
        base(Method.EMP_EMP, 0x9467bd, SeriesMarkers.CIRCLE, 2);
        base(Method.PCA, 0x8c564b, SeriesMarkers.DIAMOND, 2);
        base(Method.DCT, 0xe377c2, SeriesMarkers.SQUARE, 2);
        base(Method.LOW_RANK, 0xbcbd22, SeriesMarkers.TRIANGLE_UP, 3);
        base(Method.RAND_CON, 0x17becf, SeriesMarkers.TRIANGLE_DOWN, 3);
        base(Method.RAND_FIX_U, 0x393b79, SeriesMarkers.CIRCLE, 3);
    }

    private static void base(Method m, int rgb, Marker marker, int family) {
        // Full is the reference of every chart: a black dashed line without markers
        BASES.put(m, new Base(new Color(rgb), marker, m == Method.FULL ? DASHED : SOLID, FAMILIES.get(family)));
    }

    /** Share of white mixed into a tied-length-scale variant, of black into a permuted one. */
    private static final double TINT = 0.45;
    /** Below this luminance (Full's black, RandFixU's navy) darkening is hard to see: such a colour is lightened. */
    private static final double DARK = 80;

    /** The label of the zero line of a chart of differences (a grey dashed reference). */
    static final String ZERO = "no difference";

    /** The style of {@code series}, e.g. {@code SE-Emp (tied l)}. */
    public static SeriesStyle of(String series) {
        if (series.equals(ZERO)) {
            return new SeriesStyle(Color.GRAY, SeriesMarkers.NONE, DASHED, FAMILIES.get(0));
        }
        String method = method(series);
        Base base = BASES.entrySet().stream().filter(e -> e.getKey().displayName().equals(method))
                .map(Map.Entry::getValue).findFirst().orElseGet(() -> unknown(method));
        Color colour = base.colour();
        BasicStroke line = base.line();
        String family = base.family();
        if (series.contains("(tied l)")) {
            colour = mix(colour, Color.WHITE, TINT);
            line = DASHED;
            family += ", tied length scale";
        }
        // the reviewers' variants of a factored layer (raw U, alternating U/V, growing fraction)
        if (series.contains("(raw U)")) {
            colour = mix(colour, Color.GRAY, 0.5);
            line = DASHED;
            family += ", raw U";
        }
        if (series.contains("(alt U/V)")) {
            colour = mix(colour, Color.WHITE, 0.2);
            line = DASH_DOT;
            family += ", alternating U/V";
        }
        if (series.contains("(grow)")) {
            colour = darker(colour, 0.15);
            line = DOTTED;
            family += ", growing fraction";
        }
        if (series.contains("[permuted]")) {
            colour = darker(colour, TINT);
            line = DOTTED;
            family += ", permuted pixels";
        }
        int brace = series.indexOf('{');
        if (brace >= 0) {
            // each mode its own shade, so that the modes of one method differ in one chart
            String mode = series.substring(brace);
            double share = switch (mode) {
                case "{data_parallel}" -> 0.25;
                case "{columns}" -> 0.5;
                default -> 0.3 + 0.1 * Math.floorMod(mode.hashCode(), 4);
            };
            colour = darker(colour, share);
            line = DASH_DOT;
            family += ", " + series.substring(brace);
        }
        return new SeriesStyle(colour, base.marker(), line, family);
    }

    /** The method part of a series label: the text before the first variant mark. */
    static String method(String series) {
        int end = series.length();
        for (String mark : new String[] {" (", " [", " {"}) {
            int i = series.indexOf(mark);
            if (i >= 0) {
                end = Math.min(end, i);
            }
        }
        return series.substring(0, end);
    }

    /** The position of the series' family in {@link #FAMILIES} (variants sort after their family). */
    int familyRank() {
        for (int i = FAMILIES.size() - 1; i >= 0; i--) {
            if (family.startsWith(FAMILIES.get(i))) {
                return i;
            }
        }
        return FAMILIES.size();
    }

    /** Applies this style to a series of a chart. */
    void applyTo(XYSeries s) {
        s.setLineColor(colour);
        s.setMarkerColor(colour);
        s.setFillColor(colour);
        s.setMarker(marker);
        s.setLineStyle(line);
    }

    private static Base unknown(String method) {
        List<Base> palette = BASES.values().stream().toList();
        Base b = palette.get(Math.floorMod(method.hashCode(), palette.size()));
        return new Base(mix(b.colour(), Color.WHITE, 0.25), SeriesMarkers.OVAL, SOLID,
                FAMILIES.get(FAMILIES.size() - 1));
    }

    /** Mixed with black; a colour already near black (Full) is mixed with white instead, to grey. */
    private static Color darker(Color c, double share) {
        return luminance(c) < DARK ? mix(c, Color.WHITE, share * 0.75) : mix(c, Color.BLACK, share);
    }

    /** Relative luminance (0 to 255) by the Rec. 601 weights. */
    private static double luminance(Color c) {
        return 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue();
    }

    private static Color mix(Color c, Color with, double share) {
        return new Color(blend(c.getRed(), with.getRed(), share), blend(c.getGreen(), with.getGreen(), share),
                blend(c.getBlue(), with.getBlue(), share));
    }

    private static int blend(int a, int b, double share) {
        return (int) Math.round(a * (1 - share) + b * share);
    }

    private static BasicStroke stroke(BasicStroke pattern) {
        return new BasicStroke(WIDTH, pattern.getEndCap(), pattern.getLineJoin(), pattern.getMiterLimit(),
                pattern.getDashArray(), pattern.getDashPhase());
    }
}
