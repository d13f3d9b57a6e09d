package org.paramprediction.sweep.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * Asynchronous successive halving as Ray Tune's ASHA scheduler decides it (Li et al., MLSys 2020):
 * never waiting for a rung to fill, a trial that reaches rung {@code k} is judged at once against the
 * {@code n_k} trials that have reached rung {@code k} so far, itself included: it goes on if it ranks
 * among the best {@code ceil(n_k / eta)}, else it stops. The first trial to reach a rung therefore
 * goes on, and the bar rises as more trials arrive. A trial at the last rung is complete.
 *
 * <p>Deterministic for a given order of reports (ties rank by trial id, NaN last): a rerun after a
 * crash that replays the recorded reports in their recorded order ({@link #replay}) makes the same
 * decisions, and the runner records every decision before acting on it.
 */
public final class Asha {

    private final Rungs rungs;
    private final List<List<RungResult>> reached = new ArrayList<>();

    public Asha(Rungs rungs) {
        this.rungs = rungs;
        for (int k = 0; k < rungs.count(); k++) {
            reached.add(new ArrayList<>());
        }
    }

    /** A trial reached rung {@code r.rung()}: PROMOTE, STOP, or COMPLETE at the last rung. */
    public Decision report(RungResult r) {
        if (r.rung() < 0 || r.rung() > rungs.last()) {
            throw new IllegalArgumentException("rung must be in [0, " + rungs.last() + "] but was " + r.rung());
        }
        List<RungResult> at = reached.get(r.rung());
        if (at.stream().anyMatch(x -> x.trialId().equals(r.trialId()))) {
            throw new IllegalStateException("trial " + r.trialId() + " reported rung " + r.rung() + " twice");
        }
        at.add(r);
        if (r.rung() == rungs.last()) {
            return Decision.COMPLETE;
        }
        long better = at.stream().filter(x -> x.compareTo(r) < 0).count();
        int goOn = (at.size() + rungs.reduction() - 1) / rungs.reduction();
        return better < goOn ? Decision.PROMOTE : Decision.STOP;
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
