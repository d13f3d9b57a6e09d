package org.paramprediction.sweep;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.paramprediction.console.Console;
import org.paramprediction.io.BadInputException;
import org.paramprediction.results.ResultStore;
import org.paramprediction.results.RungTable;
import org.paramprediction.results.TrialOutcome;
import org.paramprediction.sweep.config.SweepScheduler;
import org.paramprediction.sweep.config.SweepSpec;
import org.paramprediction.sweep.config.TrialSpec;
import org.paramprediction.sweep.schedule.Asha;
import org.paramprediction.sweep.schedule.Decision;
import org.paramprediction.sweep.schedule.RungResult;
import org.paramprediction.sweep.schedule.Rungs;
import org.paramprediction.sweep.schedule.SyncHalving;
import org.paramprediction.sweep.segment.CheckpointStore;
import org.paramprediction.sweep.segment.SegmentOutcome;

/**
 * Runs a sweep with a {@code scheduler} section: every trial trains in segments, rung to rung
 * ({@link SegmentExecutor}, one-task Spark jobs on the task slots), and at each rung the scheduler
 * ({@link Asha} or {@link SyncHalving}) promotes it to the next segment or stops it.
 *
 * <p>Record and commit order. A decision is committed to the {@code rungs} table (with a sequence
 * number) before it is acted on; a trial that ends on its own (early stopping, its last rung, or
 * FAILED) is committed to {@code trials} as soon as it arrives, and a stopped one right after its STOP
 * decision. Killed anywhere, {@code --resume} replays the recorded decisions in sequence order into a
 * fresh scheduler (checking that it makes the same ones), then takes up each trial where its record
 * ends: a result without a decision is decided from its segment's outcome file (no segment is trained
 * twice), a STOP not yet committed is committed from that file, a promoted trial continues from its
 * checkpoint, and a trial never started starts. No decision is made twice.
 */
final class ScheduledSweep {

    private final SweepRunner runner;
    private final Console console;

    private SweepScheduler scheduler;
    private Rungs rungs;
    private Asha asha;
    private SyncHalving sync;
    private ResultStore store;
    private CheckpointStore checkpoints;
    private SweepRunner.Prepared prepared;
    private Progress progress;
    private final Map<String, TrialSpec> trials = new LinkedHashMap<>();
    /** Results reported to the scheduler whose decision is not made yet (sync_halving waits for a full rung). */
    private final Map<String, SegmentOutcome> awaiting = new HashMap<>();
    private final Map<String, Double> seconds = new HashMap<>();
    private final Deque<Segment> queue = new ArrayDeque<>();
    private int sequence;
    private int stopped;
    private long epochsTrained;

    /** Trial {@code trialId}'s segment up to rung {@code rung}. */
    private record Segment(String trialId, int rung) {}

    ScheduledSweep(SweepRunner runner, Console console) {
        this.runner = runner;
        this.console = console;
    }

    SweepRunner.Result run(SweepSpec sweep, String out, ResultStore store, Map<String, String> committed,
            boolean retryFailed) {
        if (retryFailed) {
            throw new BadInputException("--retry-failed cannot rerun trials of a sweep with a scheduler (" + sweep.file()
                    + "): the scheduler's recorded decisions were made with their results; run the sweep into another "
                    + "output directory instead");
        }
        this.scheduler = sweep.scheduler();
        this.rungs = scheduler.rungs();
        this.store = store;
        sweep.trials().forEach(t -> trials.put(t.trialId(), t));
        List<String> ids = List.copyOf(trials.keySet());
        asha = scheduler.type() == SweepScheduler.Type.ASHA ? new Asha(rungs) : null;
        sync = scheduler.type() == SweepScheduler.Type.SYNC_HALVING ? new SyncHalving(rungs, ids) : null;
        store.prepare(java.util.Set.of());

        Map<String, Row> last = replay(store.committedRungs());
        int done = committed.size();
        List<TrialSpec> open = sweep.trials().stream().filter(t -> !committed.containsKey(t.trialId())).toList();
        console.line("scheduler: %s, rungs at %s epochs; %d decisions recorded, %d of %d trials committed",
                scheduler.describe(), rungs.epochs(), sequence, done, trials.size());
        progress = runner.progress(sweep, trials.size(), done, open);
        if (open.isEmpty() && pendingCommitted(committed, last).isEmpty()) {
            return new SweepRunner.Result(trials.size(), trials.size(), 0, 0);
        }
        prepared = runner.prepare(open.isEmpty() ? sweep.trials() : open, sweep, out);
        checkpoints = new CheckpointStore(out, sweep.name(), prepared.ctx().hadoop());
        List<SegmentOutcome> pending = pendingCommitted(committed, last);
        for (String id : ids) {
            if (committed.containsKey(id)) {
                checkpoints.delete(id); // a trial's files outlive its row only after a crash
            }
        }
        for (TrialSpec t : open) {
            takeUp(t, last.get(t.trialId()), pending);
        }
        pending.sort(java.util.Comparator.comparing(SegmentOutcome::trialId));
        for (SegmentOutcome o : pending) {
            arrived(o, false);
        }
        runSegments();
        store.compact();
        long failed = store.committedStatus().values().stream().filter(TrialOutcome.FAILED::equals).count();
        console.line("scheduler: %d trials stopped early; %d epochs trained in this run", stopped, epochsTrained);
        return new SweepRunner.Result(trials.size(), done, trials.size() - done, (int) failed);
    }

    /**
     * Replays the recorded decisions into the fresh scheduler in sequence order, checking each against
     * the record, and returns every trial's last row.
     */
    private Map<String, Row> replay(List<Row> rows) {
        Map<String, Row> last = new HashMap<>();
        Map<String, String> recorded = new HashMap<>();
        for (Row r : rows) {
            recorded.put(r.<String>getAs("trial_id") + "/" + r.<Integer>getAs("rung"), r.getAs("decision"));
        }
        for (Row r : rows) {
            String id = r.getAs("trial_id");
            if (!trials.containsKey(id)) {
                throw new BadInputException("the rungs table of this output records trial " + id + ", which the sweep "
                        + "file does not have; resume with the file the sweep started with, or use another output directory");
            }
            Double metric = r.getAs("metric_value");
            RungResult result = new RungResult(id, r.getAs("rung"), metric == null ? Double.NaN : metric,
                    r.getAs("finished"));
            for (Map.Entry<String, Decision> d : decide(result).entrySet()) {
                String want = recorded.get(d.getKey() + "/" + result.rung());
                if (!d.getValue().name().equals(want)) {
                    throw new IllegalStateException("replaying the rungs table: trial " + d.getKey() + " at rung "
                            + result.rung() + " was recorded as " + want + " but the scheduler decides "
                            + d.getValue() + " (was the table or the scheduler section changed?)");
                }
            }
            seconds.merge(id, r.<Double>getAs("seconds"), Double::sum);
            last.put(id, r);
            sequence = Math.max(sequence, r.<Integer>getAs("sequence") + 1);
        }
        return last;
    }

    /** Committed trials (ended on their own) whose last result the scheduler has not heard yet (a crash in between). */
    private List<SegmentOutcome> pendingCommitted(Map<String, String> committed, Map<String, Row> last) {
        List<SegmentOutcome> out = new ArrayList<>();
        Map<String, Row> rows = null;
        for (Map.Entry<String, String> c : committed.entrySet()) {
            Row r = last.get(c.getKey());
            boolean heard = r != null && !Decision.PROMOTE.name().equals(r.getAs("decision"));
            if (heard || TrialOutcome.STOPPED.equals(c.getValue()) || !trials.containsKey(c.getKey())) {
                continue;
            }
            if (rows == null) {
                rows = new HashMap<>();
                for (Row t : store.committedRows()) {
                    rows.put(t.getAs("trial_id"), t);
                }
            }
            Row t = rows.get(c.getKey());
            boolean ok = TrialOutcome.OK.equals(c.getValue());
            int rung = r == null ? 0 : r.<Integer>getAs("rung") + 1;
            out.add(new SegmentOutcome(c.getKey(), rung, t.<Integer>getAs("epochs_trained"),
                    ok ? t.<Double>getAs("best_valid_error") : Double.NaN, true, 0, null));
        }
        return out;
    }

    /** Where an uncommitted trial goes on, given its last recorded decision (or none). */
    private void takeUp(TrialSpec t, Row lastRow, List<SegmentOutcome> pending) {
        String id = t.trialId();
        String decision = lastRow == null ? null : lastRow.getAs("decision");
        int rung = lastRow == null ? -1 : lastRow.getAs("rung");
        if (decision != null && !Decision.PROMOTE.name().equals(decision)) {
            // decided but not committed: a STOP (or an end) whose trial row the crash prevented
            SegmentOutcome o = checkpoints.loadOutcome(id, rung);
            if (o == null) {
                throw new IllegalStateException("trial " + id + " was decided " + decision + " at rung " + rung
                        + " but its segment outcome " + checkpoints.trialDir(id) + "/rung-" + rung + ".outcome is "
                        + "missing or unreadable, so its row cannot be committed");
            }
            boolean stop = decision.equals(Decision.STOP.name());
            commit(o, stop ? TrialOutcome.STOPPED : o.outcome().status());
            stopped += stop ? 1 : 0;
            return;
        }
        SegmentOutcome reached = checkpoints.loadOutcome(id, rung + 1);
        if (reached != null) {
            pending.add(reached);
        } else {
            queue.add(new Segment(id, rung + 1));
        }
    }

    /** Runs the queued segments on the task slots until no trial is left to train. */
    private void runSegments() {
        JavaSparkContext sc = prepared.sc();
        int inFlight = 2 * SweepRunner.slots(sc);
        Map<JavaFutureAction<List<SegmentOutcome>>, Segment> running = new LinkedHashMap<>();
        SweepContext ctx = prepared.ctx();
        CheckpointStore cps = checkpoints;
        Rungs r = rungs;
        while (!queue.isEmpty() || !running.isEmpty()) {
            while (running.size() < inFlight && !queue.isEmpty()) {
                Segment s = queue.poll();
                TrialSpec t = trials.get(s.trialId());
                int rung = s.rung();
                sc.setJobDescription("trial " + t.trialId() + " rung " + rung + " " + t.label());
                running.put(sc.parallelize(List.of(t), 1).map(spec -> SegmentExecutor.run(spec, ctx, cps, r, rung))
                        .collectAsync(), s);
            }
            Iterator<Map.Entry<JavaFutureAction<List<SegmentOutcome>>, Segment>> it = running.entrySet().iterator();
            while (it.hasNext()) {
                var e = it.next();
                if (e.getKey().isDone()) {
                    it.remove();
                    arrived(outcome(e.getKey(), e.getValue()), true);
                }
            }
            SweepRunner.sleep(50);
        }
    }

    private SegmentOutcome outcome(JavaFutureAction<List<SegmentOutcome>> f, Segment s) {
        try {
            return f.get().get(0);
        } catch (ExecutionException e) {
            SweepRunner.stoppedSpark(prepared.sc(), s.trialId(), e);
            TrialSpec t = trials.get(s.trialId());
            return SegmentExecutor.failed(t, s.rung(), "Spark task failed: " + e.getCause(), List.of(),
                    System.currentTimeMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for trial " + s.trialId(), e);
        }
    }

    /**
     * A segment's result: a trial that ended is committed at once; then the scheduler hears the result,
     * and whatever it decides is recorded and acted on.
     *
     * @param fresh trained in this run (its epochs and time count; false: read back after a crash)
     */
    private void arrived(SegmentOutcome o, boolean fresh) {
        seconds.merge(o.trialId(), o.seconds(), Double::sum);
        if (fresh) { // a segment starts where the previous rung paused the trial
            epochsTrained += o.epochs() - (o.rung() == 0 ? 0 : rungs.epochs().get(o.rung() - 1));
        }
        TrialSpec t = trials.get(o.trialId());
        if (fresh || o.outcome() != null) {
            console.line("  rung %d (%d epochs) %-40s %s", o.rung(), rungs.epochs().get(o.rung()), t.label(),
                    o.finished() ? (o.outcome() != null && !o.outcome().ok() ? o.outcome().status()
                            : String.format(Locale.ROOT, "ended after %d epochs, valid %.4f", o.epochs(), o.metric()))
                            : String.format(Locale.ROOT, "valid %.4f", o.metric()));
        }
        if (o.finished() && o.outcome() != null) {
            commit(o, o.outcome().status());
        }
        awaiting.put(o.trialId(), o);
        Map<String, Decision> decisions = decide(new RungResult(o.trialId(), o.rung(), o.metric(), o.finished()));
        if (decisions.isEmpty()) {
            return;
        }
        List<Row> rows = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (Map.Entry<String, Decision> d : decisions.entrySet()) {
            SegmentOutcome s = awaiting.get(d.getKey());
            rows.add(RungTable.row(new RungTable.Source(trials.get(d.getKey()).sweepId(), d.getKey(), sequence++,
                    s.rung(), rungs.epochs().get(s.rung()), s.epochs(), scheduler.metric().key(),
                    Double.isNaN(s.metric()) ? null : s.metric(), d.getValue().name(), s.finished(),
                    s.finished() && Double.isNaN(s.metric()) ? TrialOutcome.FAILED : TrialOutcome.OK,
                    s.seconds(), scheduler.describe(), now)));
        }
        store.appendRungs(rows); // the decisions are durable before anything acts on them
        for (Map.Entry<String, Decision> d : decisions.entrySet()) {
            SegmentOutcome s = awaiting.remove(d.getKey());
            if (d.getValue() == Decision.PROMOTE && !s.finished()) {
                queue.add(new Segment(d.getKey(), s.rung() + 1));
            } else if (d.getValue() == Decision.STOP && !s.finished()) {
                commit(s, TrialOutcome.STOPPED);
                stopped++;
            } else {
                checkpoints.delete(d.getKey());
            }
        }
    }

    private Map<String, Decision> decide(RungResult r) {
        return asha != null ? Map.of(r.trialId(), asha.report(r)) : sync.report(r);
    }

    /** Commits the trial of {@code o} with {@code status}, its time summed over its segments, and deletes its files. */
    private void commit(SegmentOutcome o, String status) {
        TrialOutcome c = o.outcome().scheduled(status, o.rung(), scheduler.describe(),
                seconds.getOrDefault(o.trialId(), o.seconds()), o.outcome().startMillis());
        store.append(List.of(c), prepared.provenance());
        progress.finished(c, 0);
        checkpoints.delete(o.trialId());
    }
}
