package org.paramprediction.console;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * A remaining-time estimate that says what it rests on. For each kind of work still to do it is
 * {@code left x mean / slots}: the items left, times the mean time of the items of that kind finished
 * so far, divided by how many run at once. It knows nothing of early stopping or of slower items to
 * come. A kind with nothing finished yet cannot be estimated: the total is then a lower bound ({@code
 * ETA > ...}) and names what is not timed yet. Examples:
 * <pre>
 * ETA ~0:01:33 (8 trials x 23.3 s mean / 2 slots)
 * ETA ~0:09:13 (4 trials x 23.3 s mean / 2 slots + 12 distributed x 42.2 s mean)
 * ETA > 0:00:47 (4 trials x 23.3 s mean / 2 slots; 12 distributed not timed yet)
 * ETA unknown (12 distributed not timed yet)
 * </pre>
 */
public final class Eta {

    private Eta() {}

    /**
     * One kind of work: {@code left} items of {@code what} (a plural noun), whose finished items took
     * {@code meanSeconds} on average (NaN when none has finished), run {@code slots} at a time.
     */
    public record Part(String what, int left, double meanSeconds, int slots) {
        public Part {
            if (left < 0 || slots < 1) {
                throw new IllegalArgumentException("left must be >= 0 and slots >= 1 but were " + left + ", " + slots);
            }
        }

        boolean timed() {
            return Double.isFinite(meanSeconds);
        }

        double seconds() {
            return left * meanSeconds / slots;
        }

        /** {@code what}, singular for one item left ({@code 1 trial}; a word without a plural s stays). */
        String noun() {
            return left == 1 && what.endsWith("s") ? what.substring(0, what.length() - 1) : what;
        }

        String basis() {
            return String.format(Locale.ROOT, "%d %s x %.1f s mean", left, noun(), meanSeconds)
                    + (slots > 1 ? " / " + slots + " slots" : "");
        }
    }

    /** The estimate over every part with items left, labelled with its basis. */
    public static String describe(List<Part> parts) {
        double seconds = 0;
        StringJoiner timed = new StringJoiner(" + ");
        StringJoiner untimed = new StringJoiner(", ");
        boolean anyLeft = false;
        for (Part p : parts) {
            if (p.left() == 0) {
                continue;
            }
            anyLeft = true;
            if (p.timed()) {
                seconds += p.seconds();
                timed.add(p.basis());
            } else {
                untimed.add(p.left() + " " + p.noun());
            }
        }
        if (!anyLeft) {
            return "ETA 0:00:00";
        }
        if (timed.length() == 0) {
            return "ETA unknown (" + untimed + " not timed yet)";
        }
        if (untimed.length() == 0) {
            return "ETA ~" + clock(seconds) + " (" + timed + ")";
        }
        return "ETA > " + clock(seconds) + " (" + timed + "; " + untimed + " not timed yet)";
    }

    /** {@code h:mm:ss}, rounded to the second (hours are not wrapped: 27 h is {@code 27:00:00}). */
    public static String clock(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
