package org.paramprediction.sweep;

import java.util.List;
import java.util.Locale;
import org.paramprediction.console.Console;
import org.paramprediction.console.Eta;
import org.paramprediction.results.TrialOutcome;
import org.paramprediction.sweep.config.DistributedSpec;
import org.paramprediction.sweep.config.TrialSpec;

/**
 * Console progress of a sweep: a start line saying what will run, one line per finished trial with
 * the running status (done / total, running, failed, best validation error so far and its
 * configuration, elapsed, and an {@link Eta} from the mean time of the trials finished in this run:
 * single-task trials share the task slots, distributed ones run one at a time), and before each
 * distributed trial one short header line.
 */
public final class Progress {

    private final Console out;
    private final int total;
    private final int slots;
    private final long start = System.nanoTime();
    private final TrialLabels labels;
    private int done;
    private int failed;
    private double bestValid = Double.POSITIVE_INFINITY;
    private String bestLabel = "-";
    private final Kind tasks = new Kind();
    private final Kind distributed = new Kind();

    /** Trials of one kind: how many are left in this run and the time of those finished. */
    private static final class Kind {
        int left;
        int finished;
        double seconds;

        double mean() {
            return finished == 0 ? Double.NaN : seconds / finished;
        }
    }

    /**
     * @param slots the task slots single-task trials share (a distributed trial uses all of them)
     */
    public Progress(Console out, int total, int slots) {
        this(out, total, slots, TrialLabels.NONE);
    }

    /** @param labels the words that tell the sweep's trials apart beyond method, fraction and columns */
    Progress(Console out, int total, int slots, TrialLabels labels) {
        this.out = out;
        this.total = total;
        this.slots = Math.max(1, slots);
        this.labels = labels;
    }

    /** Trials already committed count as done; the ETA is from the trials run in this run. */
    public void started(int alreadyDone, int singleTask, int distributedTrials) {
        this.done = alreadyDone;
        tasks.left = singleTask;
        distributed.left = distributedTrials;
        int toRun = singleTask + distributedTrials;
        StringBuilder what = new StringBuilder();
        if (singleTask > 0) {
            what.append(String.format(Locale.ROOT, "%d as one-task jobs on %d task slots", singleTask, slots));
        }
        if (distributedTrials > 0) {
            what.append(what.length() > 0 ? ", then " : "")
                    .append(distributedTrials).append(" distributed, one at a time");
        }
        out.line("sweep: %d trials, %d already committed, %d to run%s", total, alreadyDone, toRun,
                toRun == 0 ? "" : " (" + what + ")");
    }

    /** The header of a distributed trial about to run: one short line, e.g. {@code trial 7/18: SE-Emp ...}. */
    public void distributedStarting(TrialSpec t) {
        out.line("trial %d/%d: %s, %s", done + 1, total, baseLabel(t), describe(t.distributed()));
    }

    public void finished(TrialOutcome o, int running) {
        done++;
        Kind kind = o.spec().distributed() == null ? tasks : distributed;
        kind.left = Math.max(0, kind.left - 1);
        kind.finished++;
        kind.seconds += wallSeconds(o);
        boolean stopped = TrialOutcome.STOPPED.equals(o.status());
        if (!o.ok() && !stopped) {
            failed++;
        } else if (o.ok() && o.bestValidError() < bestValid) {
            bestValid = o.bestValidError();
            bestLabel = labelled(o.spec());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        String result = o.ok()
                ? String.format(Locale.ROOT, "valid %.4f test %.4f", o.bestValidError(), o.testError())
                : stopped ? String.format(Locale.ROOT, "stopped at rung %d, valid %.4f", o.rung(), o.bestValidError())
                : "error: " + firstLine(o.error());
        out.line("[%d/%d] %-6s %-28s %s  %.1f s | running %d, failed %d, best valid %.4f (%s), elapsed %s, %s",
                done, total, o.status(), labelled(o.spec()), result, o.seconds(), running, failed, bestValid, bestLabel,
                Eta.clock(elapsed), eta());
    }

    public int failed() {
        return failed;
    }

    /** The estimate of what is left: single-task trials over the slots, then distributed ones in turn. */
    String eta() {
        return Eta.describe(List.of(new Eta.Part("trials", tasks.left, tasks.mean(), slots),
                new Eta.Part("distributed", distributed.left, distributed.mean(), 1)));
    }

    /** {@link #label}, then what tells the trial apart in its sweep, e.g. {@code ... r=0 learning_rate=0.05}. */
    private String labelled(TrialSpec s) {
        String extra = labels.extra(s);
        return extra.isEmpty() ? label(s) : label(s) + " " + extra;
    }

    /** Method, fraction, columns and repeat, e.g. {@code SE-Emp f=0.100 c=5 r=0}. */
    static String baseLabel(TrialSpec s) {
        return String.format(Locale.ROOT, "%s f=%.3g c=%d r=%d", s.method(), s.fraction(), s.columns(), s.repeat());
    }

    /** {@link #baseLabel}, and for a distributed trial its mode, e.g. {@code ... r=0 data_parallel/4}. */
    static String label(TrialSpec s) {
        String label = baseLabel(s);
        DistributedSpec d = s.distributed();
        return d == null ? label : label + (d.dataParallel() ? " data_parallel/" + d.partitions() : " columns");
    }

    /** How a distributed trial is trained, in words. */
    static String describe(DistributedSpec d) {
        return d.dataParallel()
                ? String.format(Locale.ROOT, "data-parallel over %d partitions (%d steps per round)", d.partitions(),
                        d.stepsPerRound())
                : String.format(Locale.ROOT, "columns as tasks, then fine-tune %s for %d epochs", d.finetune(),
                        d.finetuneEpochs());
    }

    /** The trial's wall time in its task (data loading and evaluation included), else its training time. */
    private static double wallSeconds(TrialOutcome o) {
        long ms = o.endMillis() - o.startMillis();
        return ms > 0 ? ms / 1e3 : o.seconds();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
