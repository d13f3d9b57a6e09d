package org.paramprediction.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.JavaSparkContext;
import org.nd4j.linalg.api.buffer.DataType;
import org.paramprediction.console.Console;
import org.paramprediction.covariance.DatasetSupplier;
import org.paramprediction.covariance.SparkCovarianceSource;
import org.paramprediction.data.DataSplits;
import org.paramprediction.distributed.DataParallelPass;
import org.paramprediction.distributed.DataParallelSettings;
import org.paramprediction.distributed.RoundMetrics;
import org.paramprediction.io.DataRef;
import org.paramprediction.io.DatasetCache;
import org.paramprediction.io.HadoopConf;
import org.paramprediction.io.Machine;
import org.paramprediction.layer.Network;
import org.paramprediction.data.Shape;
import org.paramprediction.results.TrialOutcome;
import org.paramprediction.stats.Covariance;
import org.paramprediction.train.ConvSpec;
import org.paramprediction.sweep.config.DistributedSpec;
import org.paramprediction.sweep.config.TrialSpec;
import org.paramprediction.train.CovarianceSource;
import org.paramprediction.train.EpochMetrics;
import org.paramprediction.train.LearnedWeights;
import org.paramprediction.train.ModelSpec;
import org.paramprediction.train.StagedTraining;
import org.paramprediction.train.TrainingResult;
import org.paramprediction.wire.Encoding;

/**
 * Runs one trial whose config has a {@code distributed:} section from the driver, using the whole
 * cluster: data-parallel training with alpha-only averaging ({@link DataParallelPass}), or columns
 * as independent tasks ({@link ColumnsTrial}). Layer-1
 * covariances come from the sweep's store (computed by the distributed covariance job), those of
 * layer 2+ from a Spark job over the activations of the trained lower layers. Prints a line per
 * epoch ({@link RoundConsole}); a failure becomes a FAILED outcome, like a single-task trial.
 */
final class DistributedTrial {

    private DistributedTrial() {}

    static TrialOutcome run(TrialSpec t, JavaSparkContext sc, SweepContext ctx, Console console) {
        long start = System.currentTimeMillis();
        List<EpochMetrics> epochs = new ArrayList<>();
        List<RoundMetrics> rounds = new ArrayList<>();
        try {
            DistributedSpec d = t.distributed();
            if (t.isRica()) {
                return RicaTrial.runDistributed(t, sc, ctx, start);
            }
            if (!d.dataParallel()) {
                return ColumnsTrial.run(t, sc, ctx, console);
            }
            DataRef ref = TrialExecutor.dataRef(t);
            DataSplits data = DatasetCache.get(ref, ctx.hadoop());
            ModelSpec spec = TrialExecutor.modelSpec(t, data.train());
            DataParallelSettings settings = new DataParallelSettings(d.partitions(), d.stepsPerRound(),
                    Encoding.parse(d.encoding()), "averaged".equals(d.momentum()), d.treeDepth(), d.learningRateScale());
            RoundConsole log = new RoundConsole(rounds, console, t.training());
            TrainingResult r = StagedTraining.run(spec, t.training(), data, covariances(t, sc, ctx, ref),
                    t.seed(), DataType.FLOAT, m -> {
                        epochs.add(m);
                        log.epochEnded(m);
                    }, DataParallelPass.factory(sc, ref, ctx.hadoop(), settings, new AtomicLong(), log::round));
            if (!Double.isFinite(r.bestValidError()) || !Double.isFinite(r.testError())) {
                return withRounds(TrialExecutor.failed(t, "non-finite validation or test error", epochs, start), rounds);
            }
            return new TrialOutcome(t, TrialOutcome.OK, null, r.bestEpoch(), r.bestValidError(), r.testError(),
                    r.seconds(), r.counts().total(), r.counts().dynamic(), r.counts().fractionLearned(),
                    r.deadUnits(), r.excludedInputs(), TrialExecutor.recipesText(r.recipes()), epochs, Machine.here(), start,
                    System.currentTimeMillis(), rounds, ctx.keepWeights() ? LearnedWeights.of(r) : List.of());
        } catch (RuntimeException | OutOfMemoryError e) {
            return withRounds(TrialExecutor.failed(t, TrialExecutor.describe(e), epochs, start), rounds);
        }
    }

    /**
     * Layer 0 from the sweep's covariance store; layer 1+ by a Spark job over the lower layers'
     * activations; a conv layer's patches by a Spark job at every layer. Partition counts follow the
     * data, not the cluster ({@link org.paramprediction.covariance.CovariancePartitions}).
     */
    static CovarianceSource covariances(TrialSpec t, JavaSparkContext sc, SweepContext ctx, DataRef ref) {
        HadoopConf hadoop = ctx.hadoop();
        DatasetSupplier train = () -> DatasetCache.get(ref, hadoop).train();
        DataSplits data = DatasetCache.get(ref, hadoop);
        CovarianceSource stored = new TrialCovarianceSource(ctx, ref, data.train());
        SparkCovarianceSource spark = new SparkCovarianceSource(sc, train);
        return new CovarianceSource() {
            @Override
            public Covariance covariance(Network lower, int layer, boolean squaredInputs) {
                return layer == 0 ? stored.covariance(lower, 0, squaredInputs)
                        : spark.covariance(lower, layer, squaredInputs);
            }

            @Override
            public Covariance patchCovariance(Network lower, int layer, ConvSpec conv, Shape input, boolean squared) {
                return spark.patchCovariance(lower, layer, conv, input, squared);
            }
        };
    }

    private static TrialOutcome withRounds(TrialOutcome o, List<RoundMetrics> rounds) {
        return new TrialOutcome(o.spec(), o.status(), o.error(), o.bestEpoch(), o.bestValidError(), o.testError(),
                o.seconds(), o.paramsTotal(), o.paramsDynamic(), o.fractionLearned(), o.deadUnits(),
                o.excludedInputs(), o.recipes(), o.epochs(), o.machine(), o.startMillis(), o.endMillis(),
                List.copyOf(rounds));
    }
}
