package org.paramprediction.bench;

/**
 * A goal from issue 6 that a figure of the table is checked against, e.g. {@code >= 0.85}. The row
 * that carries it says which number is checked: its {@code ratio} when it has a baseline, else its
 * {@code value} (see {@link BenchRow#withTarget}).
 */
public record Target(Comparison comparison, double threshold) {

    /** How the figure must compare with the threshold. */
    public enum Comparison {
        AT_LEAST(">="),
        AT_MOST("<="),
        ABOVE(">"),
        BELOW("<");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }
    }

    public static Target atLeast(double threshold) {
        return new Target(Comparison.AT_LEAST, threshold);
    }

    public static Target atMost(double threshold) {
        return new Target(Comparison.AT_MOST, threshold);
    }

    public static Target above(double threshold) {
        return new Target(Comparison.ABOVE, threshold);
    }

    public static Target below(double threshold) {
        return new Target(Comparison.BELOW, threshold);
    }

    /** Whether {@code figure} meets the target; a missing (NaN) figure never does. */
    public boolean test(double figure) {
        if (Double.isNaN(figure)) {
            return false;
        }
        return switch (comparison) {
            case AT_LEAST -> figure >= threshold;
            case AT_MOST -> figure <= threshold;
            case ABOVE -> figure > threshold;
            case BELOW -> figure < threshold;
        };
    }

    /** The text of the table's {@code target} column, e.g. {@code ">= 0.85"}. */
    public String text() {
        return comparison.symbol + " " + BenchNumbers.format(threshold);
    }
}
