package org.paramprediction.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a sweep scales from one task slot to two: the same config ({@code conf/bench/speedup.yaml}, 8
 * identical trials) run as a child JVM on {@code local[1]} and then on {@code local[2]}. Reports the
 * wall time of each child and its sweep phase (from the trials' own start and end times), and the
 * speedup local[1] / local[2] of both.
 */
final class SpeedupSection implements SectionRunner {

    /** Issue 6: two task slots run a sweep at least 1.8x faster than one. */
    static final Target SPEEDUP = Target.atLeast(1.8);

    static final List<String> MASTERS = List.of("local[1]", "local[2]");

    @Override
    public List<BenchRow> run(BenchContext ctx) throws Exception {
        String config = ctx.plan().speedupConfig().toString();
        List<BenchRow> rows = new ArrayList<>();
        double[] wall = new double[MASTERS.size()];
        double[] phase = new double[MASTERS.size()];
        double[] later = new double[MASTERS.size()];
        for (int i = 0; i < MASTERS.size(); i++) {
            String master = MASTERS.get(i);
            String tag = master.replaceAll("[^a-z0-9]", "");
            try (ScratchDir scratch = ScratchDir.create("bench-speedup-" + tag + "-")) {
                List<String> args = List.of("sweep", config, "--out", scratch.path().resolve("out").toString(),
                        "--master", master);
                ctx.log().printf("speedup: %s on %s (child JVM)...%n", config, master);
                ChildJvm.Finished f = ChildJvm.requireSuccess(ChildJvm.run(ctx.childMain(), "3g", args,
                        ctx.plan().out().resolve("logs").resolve("speedup-" + tag + ".log"), false), args);
                SweepTrials trials = SweepTrials.read(ctx.spark(), scratch.path().resolve("out"));
                wall[i] = f.wallSeconds();
                phase[i] = trials.phaseSeconds();
                later[i] = trials.laterHalfSeconds();
                ctx.log().printf(Locale.ROOT, "speedup: %s wall %.1f s, sweep phase %.1f s%n", master, wall[i],
                        phase[i]);
                String item = master;
                BenchRow wallRow = BenchRow.of(BenchSection.SPEEDUP, item, "wall seconds", wall[i], "s")
                        .withNote("child JVM start to exit (JVM and Spark start, " + trials.trials()
                                + " trials, summary); log " + f.log());
                BenchRow phaseRow = BenchRow.of(BenchSection.SPEEDUP, item, "sweep phase seconds", phase[i], "s")
                        .withNote("first trial start to last trial end, from trials.start_time/end_time (Parquet)");
                if (i > 0) {
                    String ratio = "; ratio = " + MASTERS.get(0) + " / " + master + " (speedup)";
                    wallRow = wallRow.withBaseline(wall[0], wall[0] / wall[i]).withTarget(SPEEDUP)
                            .withNote(wallRow.note() + ratio);
                    phaseRow = phaseRow.withBaseline(phase[0], phase[0] / phase[i]).withTarget(SPEEDUP)
                            .withNote(phaseRow.note() + ratio);
                }
                BenchRow laterRow = BenchRow.of(BenchSection.SPEEDUP, item, "later-half sweep phase seconds", later[i],
                        "s").withNote("the later half of the trials by start time, first start to last end: the same "
                                + "trials after the JIT warm-up that slows the first ones");
                if (i > 0) {
                    laterRow = laterRow.withBaseline(later[0], later[0] / later[i])
                            .withNote(laterRow.note() + "; ratio = " + MASTERS.get(0) + " / " + master);
                }
                rows.add(wallRow);
                rows.add(phaseRow);
                rows.add(laterRow);
                rows.add(BenchRow.of(BenchSection.SPEEDUP, item, "mean trial seconds", trials.meanTrialSeconds(), "s")
                        .withNote("trials.seconds over " + trials.trials() + " trials of " + config));
            }
        }
        return rows;
    }
}
