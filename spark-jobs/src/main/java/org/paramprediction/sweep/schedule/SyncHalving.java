package org.paramprediction.sweep.schedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Synchronous successive halving: rung {@code k} is judged only when every trial that was sent to it
 * has reached it; then {@link Rungs#keep} of them (at least 1) go on, the best of those still
 * training, and the rest stop. A trial that ended on its own (early stopping) counts in the rung's
 * size, is COMPLETE, and takes no slot: the next best still-training trial gets it, so each rung
 * trains as many trials on as its size allows. The
 * decisions depend only on the set of results at each rung, never on the order in which trials
 * finished, so a rerun makes exactly the same decisions (ties rank by trial id, NaN last).
 */
public final class SyncHalving {

    private final Rungs rungs;
    private final List<Map<String, RungResult>> reached = new ArrayList<>();
    private final List<List<String>> sent = new ArrayList<>();

    /** @param trialIds the trials that start at rung 0 */
    public SyncHalving(Rungs rungs, List<String> trialIds) {
        if (trialIds.stream().distinct().count() != trialIds.size()) {
            throw new IllegalArgumentException("trial ids must be distinct: " + trialIds);
        }
        this.rungs = rungs;
        for (int k = 0; k < rungs.count(); k++) {
            reached.add(new LinkedHashMap<>());
            sent.add(new ArrayList<>());
        }
        sent.get(0).addAll(trialIds);
    }

    /** The trials sent to rung {@code k} (all trials for rung 0). */
    public List<String> sentTo(int k) {
        return List.copyOf(sent.get(k));
    }

    /**
     * A trial reached rung {@code r.rung()}. Returns the decisions this completes: empty while the rung
     * still waits for trials; else one decision per trial of the rung, in rank order (COMPLETE at the
     * last rung).
     */
    public Map<String, Decision> report(RungResult r) {
        int k = r.rung();
        if (k < 0 || k > rungs.last()) {
            throw new IllegalArgumentException("rung must be in [0, " + rungs.last() + "] but was " + k);
        }
        if (!sent.get(k).contains(r.trialId())) {
            throw new IllegalStateException("trial " + r.trialId() + " was not sent to rung " + k);
        }
        if (reached.get(k).putIfAbsent(r.trialId(), r) != null) {
            throw new IllegalStateException("trial " + r.trialId() + " reported rung " + k + " twice");
        }
        if (reached.get(k).size() < sent.get(k).size()) {
            return Map.of();
        }
        List<RungResult> sorted = new ArrayList<>(reached.get(k).values());
        sorted.sort(null);
        Map<String, Decision> out = new LinkedHashMap<>();
        int keep = rungs.keep(sorted.size());
        int promoted = 0;
        for (RungResult x : sorted) {
            String id = x.trialId();
            if (k == rungs.last() || x.finished()) {
                out.put(id, Decision.COMPLETE); // needs no slot: the next best still-training trial gets it
            } else if (promoted < keep) {
                out.put(id, Decision.PROMOTE);
                sent.get(k + 1).add(id);
                promoted++;
            } else {
                out.put(id, Decision.STOP);
            }
        }
        return out;
    }
}
