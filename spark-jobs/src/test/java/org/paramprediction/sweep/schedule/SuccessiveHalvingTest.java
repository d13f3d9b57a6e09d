package org.paramprediction.sweep.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Rungs, ASHA's decisions (rank among the best ceil(n/eta) so far) and synchronous halving's, on hand-worked cases. */
class SuccessiveHalvingTest {

    @Test
    void rungsAreMinTimesReductionToTheKBelowMaxThenMax() {
        assertEquals(List.of(1, 3, 9, 27), new Rungs(1, 3, 27).epochs());
        assertEquals(List.of(1, 3, 9, 20), new Rungs(1, 3, 20).epochs());
        assertEquals(List.of(2, 4, 8, 16, 30), new Rungs(2, 2, 30).epochs());
        assertEquals(List.of(5), new Rungs(5, 3, 5).epochs());
        assertEquals(3, new Rungs(1, 3, 27).keep(9));
        assertEquals(1, new Rungs(1, 3, 27).keep(2), "at least one goes on");
        assertEquals(0, new Rungs(1, 3, 27).keep(0));
        assertThrows(IllegalArgumentException.class, () -> new Rungs(0, 3, 27));
        assertThrows(IllegalArgumentException.class, () -> new Rungs(1, 1, 27));
        assertThrows(IllegalArgumentException.class, () -> new Rungs(9, 3, 3));
    }

    @Test
    void ashaPromotesATrialInTheBestCeilNOverEtaOfItsRungSoFar() {
        Asha a = new Asha(new Rungs(1, 3, 9));
        // n = 1: the first goes on; n = 2, 3: only the best of them; n = 4..6: the best two
        assertEquals(Decision.PROMOTE, a.report(new RungResult("t1", 0, 0.5)));
        assertEquals(Decision.PROMOTE, a.report(new RungResult("t2", 0, 0.4)));
        assertEquals(Decision.STOP, a.report(new RungResult("t3", 0, 0.6)));
        assertEquals(Decision.PROMOTE, a.report(new RungResult("t4", 0, 0.3)));
        assertEquals(Decision.STOP, a.report(new RungResult("t5", 0, 0.7)));
        assertEquals(Decision.STOP, a.report(new RungResult("t6", 0, 0.45)), "third of six");
        assertEquals(Decision.STOP, a.report(new RungResult("t7", 0, Double.NaN)), "NaN ranks last");
        assertEquals(Decision.PROMOTE, a.report(new RungResult("t1", 1, 0.45)), "rungs are judged separately");
        assertEquals(Decision.COMPLETE, a.report(new RungResult("t1", 2, 0.44)));
        assertThrows(IllegalStateException.class, () -> a.report(new RungResult("t2", 0, 0.4)));
        assertThrows(IllegalArgumentException.class, () -> a.report(new RungResult("t9", 3, 0.4)));
        assertThrows(IllegalStateException.class, () -> a.report(new RungResult("t3", 1, 0.1)), "t3 was stopped");

        Asha b = new Asha(new Rungs(1, 3, 9));
        assertEquals(Decision.STOP, b.report(new RungResult("x", 0, Double.NaN)), "NaN stops, even first");
    }

    @Test
    void ashaTiesRankByTrialIdAndAReplayMakesTheSameDecisions() {
        Asha a = new Asha(new Rungs(1, 2, 4));
        assertEquals(Decision.PROMOTE, a.report(new RungResult("b", 0, 0.5)));
        assertEquals(Decision.PROMOTE, a.report(new RungResult("a", 0, 0.5)), "a ranks before b on a tie");
        assertEquals(Decision.STOP, a.report(new RungResult("c", 0, 0.5)));

        List<RungResult> reports = simulatedReports(81, new Rungs(1, 3, 27), 7L);
        List<Decision> first = Asha.replay(new Asha(new Rungs(1, 3, 27)), reports);
        assertEquals(first, Asha.replay(new Asha(new Rungs(1, 3, 27)), reports));
    }

    @Test
    void syncHalvingDecidesAFullRungTheSameWayWhateverTheArrivalOrder() {
        Rungs rungs = new Rungs(1, 3, 9);
        List<String> ids = IntStream.range(0, 9).mapToObj(i -> "t" + i).toList();
        Map<String, Double> metric = new HashMap<>();
        for (int i = 0; i < 9; i++) {
            metric.put(ids.get(i), (i * 7 % 9) / 10.0); // t0 0.0, t1 0.7, t2 0.5, t3 0.3, t4 0.1, t5 0.8, ...
        }
        Map<String, Decision> reference = null;
        for (long seed = 0; seed < 5; seed++) {
            List<String> order = new ArrayList<>(ids);
            Collections.shuffle(order, new Random(seed));
            SyncHalving s = new SyncHalving(rungs, ids);
            Map<String, Decision> decided = Map.of();
            for (int i = 0; i < order.size(); i++) {
                decided = s.report(new RungResult(order.get(i), 0, metric.get(order.get(i))));
                if (i < order.size() - 1) {
                    assertTrue(decided.isEmpty(), "a rung is judged only when full");
                }
            }
            assertEquals(9, decided.size());
            assertEquals(List.of("t0", "t4", "t8"), decided.entrySet().stream()
                    .filter(e -> e.getValue() == Decision.PROMOTE).map(Map.Entry::getKey).toList());
            assertEquals(List.of("t0", "t4", "t8"), s.sentTo(1));
            if (reference != null) {
                assertEquals(reference, decided);
            }
            reference = decided;
        }
        SyncHalving s = new SyncHalving(rungs, ids);
        assertThrows(IllegalStateException.class, () -> s.report(new RungResult("t0", 1, 0.1)), "not sent there");
    }

    @Test
    void aTrialThatEndedOnItsOwnIsCompleteAndLeavesItsSlotToTheNextBest() {
        // 6 trials at rung 0 of (1, 3, 9): keep 2. t0 and t1 rank best but ended on their own (early
        // stopping): both COMPLETE, and the two slots go to t2 and t3, the best still training
        Rungs rungs = new Rungs(1, 3, 9);
        List<String> ids = List.of("t0", "t1", "t2", "t3", "t4", "t5");
        SyncHalving sync = new SyncHalving(rungs, ids);
        Map<String, Decision> decided = Map.of();
        for (int i = 0; i < ids.size(); i++) {
            decided = sync.report(new RungResult(ids.get(i), 0, 0.1 * (i + 1), i < 2));
        }
        assertEquals(Map.of("t0", Decision.COMPLETE, "t1", Decision.COMPLETE, "t2", Decision.PROMOTE,
                "t3", Decision.PROMOTE, "t4", Decision.STOP, "t5", Decision.STOP), decided);
        assertEquals(List.of("t2", "t3"), sync.sentTo(1));

        // ASHA, in the same order: t2 arrives third (ceil(3/3) = 1 slot; the better t0 and t1 ended:
        // it goes on), t3 fourth (ceil(4/3) = 2 slots, t2 better and training: goes on), t4 fifth
        // (ceil(5/3) = 2, t2 and t3 better: stops)
        Asha asha = new Asha(rungs);
        List<Decision> d = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            d.add(asha.report(new RungResult(ids.get(i), 0, 0.1 * (i + 1), i < 2)));
        }
        assertEquals(List.of(Decision.COMPLETE, Decision.COMPLETE, Decision.PROMOTE, Decision.PROMOTE, Decision.STOP,
                Decision.STOP), d);
    }

    @Test
    void onNoisyLearningCurvesBothKeepTheBestTrialAndTrainAThirdOfTheEpochs() {
        Rungs rungs = new Rungs(1, 3, 27);
        int n = 81;
        double[] quality = new Random(11L).doubles(n).toArray(); // final error of trial i, lower is better
        int best = IntStream.range(0, n).boxed().min((i, j) -> Double.compare(quality[i], quality[j])).orElseThrow();
        // ASHA: trials report in a fixed random order, each as soon as it reaches a rung
        Asha asha = new Asha(rungs);
        int ashaEpochs = 0;
        List<Integer> completed = new ArrayList<>();
        for (RungResult r : reportsInOrder(quality, rungs)) {
            // a report only happens if the trial was promoted to that rung (checked by replaying decisions)
            if (r.rung() > 0 && !promotedTo.getOrDefault(r.trialId(), List.of()).contains(r.rung())) {
                continue;
            }
            Decision d = asha.report(r);
            ashaEpochs += rungs.epochs().get(r.rung()) - (r.rung() == 0 ? 0 : rungs.epochs().get(r.rung() - 1));
            if (d == Decision.PROMOTE) {
                promotedTo.computeIfAbsent(r.trialId(), k -> new ArrayList<>()).add(r.rung() + 1);
            } else if (d == Decision.COMPLETE) {
                completed.add(Integer.parseInt(r.trialId()));
            }
        }
        assertTrue(ashaEpochs * 3 <= n * 27, "ASHA trained " + ashaEpochs + " of " + n * 27 + " epochs");
        assertTrue(completed.contains(best) || completed.stream().anyMatch(i -> quality[i] <= quality[best] + 0.05),
                "a trial near the best finishes: " + completed);

        SyncHalving sync = new SyncHalving(rungs, IntStream.range(0, n).mapToObj(String::valueOf).toList());
        int syncEpochs = 0;
        for (int k = 0; k <= rungs.last(); k++) {
            for (String id : sync.sentTo(k)) {
                syncEpochs += rungs.epochs().get(k) - (k == 0 ? 0 : rungs.epochs().get(k - 1));
                sync.report(new RungResult(id, k, curve(quality[Integer.parseInt(id)], rungs.epochs().get(k))));
            }
        }
        List<String> bestThree = IntStream.range(0, n).boxed().sorted((i, j) -> Double.compare(quality[i], quality[j]))
                .limit(3).map(String::valueOf).toList();
        assertEquals(bestThree, sync.sentTo(rungs.last()),
                "81 -> 27 -> 9 -> 3: on noise-free curves the three best complete, in rank order");
        assertTrue(syncEpochs * 3 <= n * 27, "sync trained " + syncEpochs);
    }

    private final Map<String, List<Integer>> promotedTo = new HashMap<>();

    /** Error after {@code epochs}: falls from 0.9 towards the trial's final error. */
    private static double curve(double quality, int epochs) {
        return quality + (0.9 - quality) * Math.exp(-epochs / 3.0);
    }

    /** Every (trial, rung) in the order a 4-slot cluster would see them if every trial went on. */
    private static List<RungResult> reportsInOrder(double[] quality, Rungs rungs) {
        List<RungResult> out = new ArrayList<>();
        for (int k = 0; k <= rungs.last(); k++) {
            for (int i = 0; i < quality.length; i++) {
                out.add(new RungResult(String.valueOf(i), k, curve(quality[i], rungs.epochs().get(k))));
            }
        }
        return out;
    }

    private static List<RungResult> simulatedReports(int n, Rungs rungs, long seed) {
        double[] q = new Random(seed).doubles(n).toArray();
        List<RungResult> rung0 = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rung0.add(new RungResult("t" + i, 0, curve(q[i], rungs.epochs().get(0))));
        }
        Collections.shuffle(rung0, new Random(seed));
        return rung0;
    }
}
