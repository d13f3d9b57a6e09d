package org.paramprediction.bench;

import java.util.Locale;

/** How the printed table shows numbers: whole numbers in full, others to about four significant digits. */
final class BenchNumbers {

    private BenchNumbers() {}

    static String format(Double x) {
        if (x == null) {
            return "";
        }
        double a = Math.abs(x);
        if (x == Math.rint(x) && a < 1e15) {
            return String.format(Locale.ROOT, "%d", x.longValue());
        }
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%.0f", x);
        }
        if (a >= 1e-3) {
            return String.format(Locale.ROOT, "%.4g", x).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
        }
        return String.format(Locale.ROOT, "%.2e", x);
    }
}
