package org.paramprediction.sweep.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * Asynchronous successive halving (Li et al., MLSys 2020), deciding at once as Ray Tune's ASHA does
 * rather than waiting for a rung to fill: a trial that reaches rung {@code k} is judged against the
 * {@code n_k} trials that have reached rung {@code k} so far, itself included, and goes on if fewer
 * than {@code ceil(n_k / eta)} of them that still train rank better, else it stops (a trial that
 * ended on its own counts in {@code n_k} but takes no slot). (Ray cuts at an interpolated
 * percentile of the earlier results; this rank rule keeps the same share without interpolation.) The
 * first trial to reach a rung therefore goes on, and the bar rises as more trials arrive. A NaN
 * result always stops; a trial at the last rung, or one that ended on its own ({@link RungResult#finished}), is complete; a trial may report rung {@code k > 0}
 * only after being promoted from rung {@code k - 1}.
 *
 * <p>Deterministic for a given order of reports (ties rank by trial id): replaying the recorded
 * reports in their recorded order ({@link #replay}) makes the same decisions.
 */
public final class Asha {

    private final Rungs rungs;
    private final List<List<RungResult>> reached = new ArrayList<>();
    private final List<java.util.Set<String>> promoted = new ArrayList<>();

    public Asha(Rungs rungs) {
        this.rungs = rungs;
        for (int k = 0; k < rungs.count(); k++) {
            reached.add(new ArrayList<>());
            promoted.add(new java.util.HashSet<>());
        }
    }

    /** A trial reached rung {@code r.rung()}: PROMOTE, STOP, or COMPLETE at the last rung. */
    public Decision report(RungResult r) {
        if (r.rung() < 0 || r.rung() > rungs.last()) {
            throw new IllegalArgumentException("rung must be in [0, " + rungs.last() + "] but was " + r.rung());
        }
        if (r.rung() > 0 && !promoted.get(r.rung() - 1).contains(r.trialId())) {
            throw new IllegalStateException("trial " + r.trialId() + " reported rung " + r.rung() + " without being"
                    + " promoted from rung " + (r.rung() - 1));
        }
        List<RungResult> at = reached.get(r.rung());
        if (at.stream().anyMatch(x -> x.trialId().equals(r.trialId()))) {
            throw new IllegalStateException("trial " + r.trialId() + " reported rung " + r.rung() + " twice");
        }
        at.add(r);
        if (r.rung() == rungs.last() || r.finished()) {
            return Decision.COMPLETE;
        }
        if (Double.isNaN(r.metric())) {
            return Decision.STOP;
        }
        // a trial that ended on its own needs no slot: it counts in n_k but never keeps another out
        long better = at.stream().filter(x -> !x.finished() && x.compareTo(r) < 0).count();
        int goOn = (at.size() + rungs.reduction() - 1) / rungs.reduction();
        if (better < goOn) {
            promoted.get(r.rung()).add(r.trialId());
            return Decision.PROMOTE;
        }
        return Decision.STOP;
    }

    /** A scheduler that has seen {@code reports} in this order, with the decisions it returns for each. */
    public static List<Decision> replay(Asha fresh, List<RungResult> reports) {
        List<Decision> out = new ArrayList<>(reports.size());
        for (RungResult r : reports) {
            out.add(fresh.report(r));
        }
        return out;
    }
}
