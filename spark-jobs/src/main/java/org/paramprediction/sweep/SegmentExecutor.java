package org.paramprediction.sweep;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.data.DataSplits;
import org.paramprediction.io.DatasetCache;
import org.paramprediction.io.Machine;
import org.paramprediction.results.TrialOutcome;
import org.paramprediction.sweep.config.TrialSpec;
import org.paramprediction.sweep.schedule.Rungs;
import org.paramprediction.sweep.segment.CheckpointStore;
import org.paramprediction.sweep.segment.SegmentOutcome;
import org.paramprediction.train.EpochMetrics;
import org.paramprediction.train.ModelSpec;
import org.paramprediction.train.StagedTraining;
import org.paramprediction.train.TrainingCheckpoint;

/**
 * Runs one segment of a scheduled trial inside a Spark task, on one BLAS thread: from the checkpoint
 * of rung {@code k - 1} (or from the start for rung 0) up to rung {@code k}'s epochs ({@link
 * StagedTraining#runSegment}). A trial that pauses there leaves its checkpoint and outcome in the
 * {@link CheckpointStore}; one that ends (early stopping, or the last rung) returns its final outcome.
 * As in {@link TrialExecutor}, anything that goes wrong is a FAILED outcome, never a failed task.
 */
final class SegmentExecutor {

    private SegmentExecutor() {}

    static SegmentOutcome run(TrialSpec t, SweepContext ctx, CheckpointStore store, Rungs rungs, int rung) {
        Nd4j.factory().blas().setMaxThreads(1);
        long start = System.currentTimeMillis();
        List<EpochMetrics> epochs = new ArrayList<>();
        try {
            TrainingCheckpoint from = rung == 0 ? null : store.loadCheckpoint(t.trialId(), rung - 1);
            if (from != null) {
                epochs.addAll(from.epochs());
            }
            DataSplits data = DatasetCache.get(TrialExecutor.dataRef(t), ctx.hadoop());
            ModelSpec spec = TrialExecutor.modelSpec(t, data.train());
            String refused = TrialExecutor.memoryRefusal(spec, t);
            if (refused != null) {
                return failed(t, rung, refused, epochs, start);
            }
            StagedTraining.Segment s = StagedTraining.runSegment(spec, t.training(), data,
                    new TrialCovarianceSource(ctx, TrialExecutor.dataRef(t), data.train()), t.seed(), DataType.FLOAT,
                    epochs::add, t.alternate(), from, rungs.epochs().get(rung));
            double seconds = (System.currentTimeMillis() - start) / 1e3;
            if (s.result() != null) {
                TrialOutcome o = TrialExecutor.completed(t, ctx, s.result(), start);
                SegmentOutcome done = new SegmentOutcome(t.trialId(), rung, s.result().finalEpochs().size(),
                        o.ok() ? o.bestValidError() : Double.NaN, true, seconds, o);
                store.saveOutcome(t.trialId(), rung, done);
                return done;
            }
            TrainingCheckpoint c = s.checkpoint();
            store.saveCheckpoint(t.trialId(), rung, c);
            TrialOutcome provisional = new TrialOutcome(t, TrialOutcome.STOPPED, null, c.bestEpoch(),
                    c.bestValidError(), c.bestTestError(), seconds, s.counts().total(), s.counts().dynamic(),
                    s.counts().fractionLearned(), null, null, TrialExecutor.recipesText(s.recipes()), c.epochs(),
                    Machine.here(), start, System.currentTimeMillis(), List.of());
            SegmentOutcome paused = new SegmentOutcome(t.trialId(), rung, c.finalEpochsDone(), c.bestValidError(),
                    false, seconds, provisional);
            store.saveOutcome(t.trialId(), rung, paused); // last: marks the segment complete
            return paused;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return failed(t, rung, TrialExecutor.describe(e), epochs, start);
        }
    }

    static SegmentOutcome failed(TrialSpec t, int rung, String error, List<EpochMetrics> epochs, long start) {
        TrialOutcome o = TrialExecutor.failed(t, error, epochs, start);
        return new SegmentOutcome(t.trialId(), rung, (int) epochs.stream().filter(e -> e.stage() == 0).count(),
                Double.NaN, true, o.seconds(), o);
    }
}
