package org.paramprediction.sweep;

import java.io.PrintStream;
import java.util.Locale;
import org.paramprediction.results.TrialOutcome;

/**
 * Console progress of a sweep: one line per finished trial with the running status (done / total,
 * running, failed, best validation error so far and its configuration, elapsed, ETA).
 */
public final class Progress {

    private final PrintStream out;
    private final int total;
    private final long start = System.nanoTime();
    private int done;
    private int ran;
    private int toRun;
    private int failed;
    private double bestValid = Double.POSITIVE_INFINITY;
    private String bestLabel = "-";

    public Progress(PrintStream out, int total) {
        this.out = out;
        this.total = total;
    }

    /** Trials already committed count as done; the ETA is from the trials run in this run. */
    public void started(int alreadyDone, int toRun) {
        this.done = alreadyDone;
        this.toRun = toRun;
        out.printf(Locale.ROOT, "sweep: %d trials, %d already committed, %d to run%n", total, alreadyDone, toRun);
    }

    public void finished(TrialOutcome o, int running) {
        done++;
        ran++;
        if (!o.ok()) {
            failed++;
        } else if (o.bestValidError() < bestValid) {
            bestValid = o.bestValidError();
            bestLabel = label(o);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double eta = elapsed / ran * (toRun - ran);
        String result = o.ok()
                ? String.format(Locale.ROOT, "valid %.4f test %.4f", o.bestValidError(), o.testError())
                : "error: " + firstLine(o.error());
        out.printf(Locale.ROOT, "[%d/%d] %-6s %-28s %s  %.1f s | running %d, failed %d, best valid %.4f (%s), "
                        + "elapsed %s, ETA %s%n",
                done, total, o.status(), label(o), result, o.seconds(), running, failed, bestValid, bestLabel,
                clock(elapsed), clock(eta));
    }

    public int failed() {
        return failed;
    }

    static String label(TrialOutcome o) {
        var s = o.spec();
        return String.format(Locale.ROOT, "%s f=%.3g c=%d r=%d", s.method(), s.fraction(), s.columns(), s.repeat());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
