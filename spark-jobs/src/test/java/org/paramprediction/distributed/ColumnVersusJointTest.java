package org.paramprediction.distributed;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.paramprediction.columns.ColumnFineTune;
import org.paramprediction.columns.ColumnHeadStart;
import org.paramprediction.covariance.SparkCovarianceSource;
import org.paramprediction.data.DataSplits;
import org.paramprediction.data.Dataset;
import org.paramprediction.data.FashionMnist;
import org.paramprediction.data.SplitSpec;
import org.paramprediction.sweep.config.Method;
import org.paramprediction.train.EpochListener;
import org.paramprediction.train.LocalCovarianceSource;
import org.paramprediction.train.ModelSpec;
import org.paramprediction.train.StagedTraining;
import org.paramprediction.train.TrainingConfig;
import org.paramprediction.train.TrainingResult;

/**
 * A measurement, printed: the same SE-Emp network (fraction 0.1, 5 columns, ReLU) and seed trained
 * jointly ({@link StagedTraining}) and as column tasks with output-layer and whole-network
 * fine-tuning. Defaults are small (2,000 train / 500 valid / 2,000 test rows, hidden 100-100, 5
 * epochs) so it runs in the suite in seconds; the sizes are system properties, e.g.
 *
 * <pre>mvn -o -pl spark-jobs -am verify -Dtest=ColumnVersusJointTest -Dsurefire.failIfNoSpecifiedTests=false \
 *   -DskipITs -Dcolumns.train=50000 -Dcolumns.valid=10000 -Dcolumns.test=10000 -Dcolumns.hidden=500 \
 *   -Dcolumns.epochs=20 -Dcolumns.fineTune=5</pre>
 */
class ColumnVersusJointTest {

    private static final int TRAIN = Integer.getInteger("columns.train", 2000);
    private static final int VALID = Integer.getInteger("columns.valid", 500);
    private static final int TEST = Integer.getInteger("columns.test", 2000);
    private static final int HIDDEN = Integer.getInteger("columns.hidden", 100);
    private static final int EPOCHS = Integer.getInteger("columns.epochs", 5);
    private static final int FINE_TUNE = Integer.getInteger("columns.fineTune", 2);
    private static final long SEED = Long.getLong("columns.seed", 5);

    private static DataSplits splits;

    static synchronized DataSplits splits() {
        if (splits == null) {
            DataSplits s = FashionMnist.load(FashionMnist.DEFAULT_ROOT, new SplitSpec(TRAIN, VALID), null);
            splits = new DataSplits(s.train(), s.valid(), s.test().slice(0, Math.min(TEST, s.test().size())));
        }
        return splits;
    }

    static Dataset train() {
        return splits().train();
    }

    @Test
    void columnsAsTasksAgainstTheSameNetworkTrainedJointly() {
        ModelSpec model = ColumnFixtures.model(Method.SE_EMP, 0.1, 5, HIDDEN, HIDDEN);
        TrainingConfig cfg = ColumnFixtures.training(EPOCHS);
        TrainingResult joint = StagedTraining.run(model, cfg, splits(), new LocalCovarianceSource(train()), SEED,
                DataType.FLOAT, EpochListener.NONE);
        System.out.printf("COMPARE %d train / %d valid / %d test rows, SE-Emp f=0.1 c=5 784-%d-%d-10 ReLU, %d epochs,"
                + " seed %d%n", TRAIN, VALID, splits().test().size(), HIDDEN, HIDDEN, EPOCHS, SEED);
        System.out.printf("COMPARE joint: valid %.4f test %.4f (best epoch %d), %.1f s, %d dynamic params%n",
                joint.bestValidError(), joint.testError(), joint.bestEpoch(), joint.seconds(),
                joint.counts().dynamic());
        for (ColumnFineTune ft : new ColumnFineTune[] {
                ColumnFineTune.outputLayer(FINE_TUNE).withHead(ColumnHeadStart.COLUMN_AVERAGE),
                ColumnFineTune.outputLayer(FINE_TUNE), ColumnFineTune.allLayers(FINE_TUNE)}) {
            ColumnTrainingResult r = ColumnTraining.run(ColumnFixtures.sc(), new ColumnTrainingSpec(model, cfg, SEED, ft),
                    splits(), ColumnVersusJointTest::splits,
                    new SparkCovarianceSource(ColumnFixtures.sc(), ColumnVersusJointTest::train, 4), ColumnListener.NONE);
            System.out.printf("COMPARE columns, fine-tune %s: valid %.4f -> %.4f, test %.4f -> %.4f, mean column valid"
                    + " error per layer %s, %.1f s (layers %s, fine-tune %.1f), %d bytes collected, %d dynamic"
                    + " params%n", ft, r.validErrorBefore(), r.validErrorAfter(), r.testErrorBefore(),
                    r.testErrorAfter(), Arrays.toString(Arrays.stream(r.columnValidErrors())
                            .mapToDouble(l -> Arrays.stream(l).average().orElseThrow()).toArray()),
                    r.seconds(), Arrays.toString(r.layerSeconds()), r.fineTuneSeconds(), r.bytesCollected(),
                    r.counts().dynamic());
            assertTrue(r.testErrorAfter() < 0.5, "columns: " + r.testErrorAfter());
        }
        assertTrue(joint.testError() < 0.5, "joint: " + joint.testError());
    }
}
