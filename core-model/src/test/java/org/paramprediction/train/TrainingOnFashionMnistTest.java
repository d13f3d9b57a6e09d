package org.paramprediction.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.paramprediction.data.DataSplits;
import org.paramprediction.dictionary.DictionaryRecipe;
import org.paramprediction.dictionary.KernelKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real training on 5,000 Fashion-MNIST images for 3 epochs, 784-500-500-10 ReLU, tested on 2,000
 * test images. Chance is 0.10; the thresholds sit a few points under what this code measured
 * (Full 0.810, SE+Emp 0.818 with seed 42 on the reference machine), out of reach of a wrong gradient, dictionary or update.
 */
class TrainingOnFashionMnistTest {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingOnFashionMnistTest.class);

    private static final double FULL_MIN_ACCURACY = 0.77;
    private static final double SE_EMP_MIN_ACCURACY = 0.77;
    private static final TrainingConfig CFG = TrainingConfig.defaults().withMaxEpochs(3).withLearningRate(0.05);

    @Test
    void fullNetworkLearnsFashionMnist() {
        DataSplits data = FashionMnistSubset.get();
        ModelSpec spec = FashionMnistSubset.mlp(500, DictionarySpec.full(), DictionarySpec.full());
        TrainingResult r = StagedTraining.run(spec, CFG, data, new LocalCovarianceSource(data.train()), 42,
                DataType.FLOAT, EpochListener.NONE);
        LOG.info("Full: test accuracy {}", 1 - r.testError());
        assertTrue(1 - r.testError() >= FULL_MIN_ACCURACY, "test accuracy " + (1 - r.testError()));
        assertEquals(784L * 500 + 500 + 500L * 500 + 500 + 500L * 10 + 10, r.counts().total());
        assertEquals(r.counts().total(), r.counts().dynamic());
    }

    @Test
    void seKernelThenEmpiricalKernelAtFractionTenPercentLearnsFashionMnist() {
        DataSplits data = FashionMnistSubset.get();
        ModelSpec spec = FashionMnistSubset.mlp(500, DictionarySpec.se(0.1, 5, 1e-3, 2.0).withOrthonormal(true),
                DictionarySpec.empirical(0.1, 5, 1e-3, false).withOrthonormal(true));
        TrainingResult r = StagedTraining.run(spec, CFG, data, new LocalCovarianceSource(data.train()), 42,
                DataType.FLOAT, EpochListener.NONE);
        LOG.info("SE+Emp: test accuracy {}", 1 - r.testError());
        assertTrue(1 - r.testError() >= SE_EMP_MIN_ACCURACY, "test accuracy " + (1 - r.testError()));
        assertEquals(0.1, r.counts().fractionLearned()[0], 0.001);
        assertEquals(0.1, r.counts().fractionLearned()[1], 0.001);
        List<DictionaryRecipe> layer2 = r.recipes().get(1);
        assertEquals(5, layer2.size());
        assertEquals(KernelKind.EMPIRICAL, layer2.get(0).kernel());
        assertNotNull(layer2.get(0).covarianceId());
        long stageEpochs = r.epochs().stream().filter(e -> e.stage() == 1).count();
        assertEquals(CFG.stageEpochs(), stageEpochs);
    }
}
