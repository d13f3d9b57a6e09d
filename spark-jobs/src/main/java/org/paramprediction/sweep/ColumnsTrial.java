package org.paramprediction.sweep;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.paramprediction.columns.ColumnFineTune;
import org.paramprediction.columns.ColumnHeadStart;
import org.paramprediction.console.Console;
import org.paramprediction.data.DataSplits;
import org.paramprediction.distributed.ColumnSplits;
import org.paramprediction.distributed.ColumnTraining;
import org.paramprediction.distributed.ColumnTrainingResult;
import org.paramprediction.distributed.ColumnTrainingSpec;
import org.paramprediction.io.DataRef;
import org.paramprediction.io.DatasetCache;
import org.paramprediction.io.Machine;
import org.paramprediction.results.TrialOutcome;
import org.paramprediction.sweep.config.DistributedSpec;
import org.paramprediction.sweep.config.TrialSpec;
import org.paramprediction.train.DeadUnits;
import org.paramprediction.train.EpochMetrics;
import org.paramprediction.train.ModelSpec;

/**
 * A trial in {@code distributed.mode: columns}: every column of a layer trained as its own Spark
 * task ({@link ColumnTraining}), the network assembled on the driver and fine-tuned there (the
 * output layer, or everything) starting from the average of the columns' heads. The trial's
 * validation and test errors are those after fine-tuning; its epochs are the fine-tuning epochs.
 */
final class ColumnsTrial {

    private ColumnsTrial() {}

    static TrialOutcome run(TrialSpec t, JavaSparkContext sc, SweepContext ctx, Console console) {
        long start = System.currentTimeMillis();
        List<EpochMetrics> epochs = new ArrayList<>();
        DistributedSpec d = t.distributed();
        DataRef ref = TrialExecutor.dataRef(t);
        DataSplits data = DatasetCache.get(ref, ctx.hadoop());
        ModelSpec spec = TrialExecutor.modelSpec(t, data.train());
        ColumnFineTune fineTune = ("all".equals(d.finetune()) ? ColumnFineTune.allLayers(d.finetuneEpochs())
                : ColumnFineTune.outputLayer(d.finetuneEpochs())).withHead(ColumnHeadStart.COLUMN_AVERAGE);
        ColumnTrainingResult r = ColumnTraining.run(sc, new ColumnTrainingSpec(spec, t.training(), t.seed(), fineTune),
                data, ColumnSplits.of(ref, ctx.hadoop()), DistributedTrial.covariances(t, sc, ctx, ref),
                new ColumnConsole(console, epochs, d.finetuneEpochs()));
        console.line("  assembled: valid error %.4f -> %.4f after fine-tuning (%s), test %.4f -> %.4f;"
                        + " %,d bytes collected, %,d broadcast", r.validErrorBefore(), r.validErrorAfter(),
                r.fineTuneKept() ? "kept" : "not kept", r.testErrorBefore(), r.testErrorAfter(), r.bytesCollected(),
                r.bytesBroadcast());
        int bestEpoch = r.fineTuneKept() ? bestEpoch(r.fineTuneEpochs()) : 0;
        String recipes = TrialExecutor.recipesText(r.recipes());
        return new TrialOutcome(t, TrialOutcome.OK, null, bestEpoch, r.validErrorAfter(), r.testErrorAfter(),
                r.seconds(), r.counts().total(), r.counts().dynamic(), r.counts().fractionLearned(),
                DeadUnits.count(r.network(), data.train()), null, recipes, epochs, Machine.here(), start,
                System.currentTimeMillis(), List.of());
    }

    private static int bestEpoch(List<EpochMetrics> epochs) {
        int best = 0;
        double v = Double.POSITIVE_INFINITY;
        for (EpochMetrics m : epochs) {
            if (m.validError() < v) {
                v = m.validError();
                best = m.epoch();
            }
        }
        return best;
    }
}
