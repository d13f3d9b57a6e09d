package org.paramprediction.report;

import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * One entry of the report's index: a written PNG ({@code file} relative to the report directory)
 * with its title and caption, or, when {@code file} is null, a plot that was skipped and why.
 * {@code panels} are the XChart charts drawn into the PNG (one, or the panels of small multiples;
 * empty for pictures that are not charts), kept so that tests can check what was drawn.
 */
public record Figure(String file, String title, String caption, List<XYChart> panels) {

    public Figure {
        panels = List.copyOf(panels);
    }

    /** A figure that is not an XChart chart (e.g. a picture of filters). */
    public Figure(String file, String title, String caption) {
        this(file, title, caption, List.of());
    }

    public static Figure skipped(String title, String reason) {
        return new Figure(null, title, reason);
    }

    public boolean written() {
        return file != null;
    }
}
