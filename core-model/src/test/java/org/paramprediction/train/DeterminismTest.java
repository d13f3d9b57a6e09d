package org.paramprediction.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.paramprediction.data.DataSplits;
import org.paramprediction.layer.Param;

/** All randomness comes from the run's seed: same seed, bit-identical weights; other seed, other weights. */
class DeterminismTest {


    @Test
    void sameSeedGivesBitIdenticalWeightsAndDifferentSeedsDiffer() {
        float[][] a = train(7);
        float[][] b = train(7);
        float[][] c = train(8);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], "parameter " + i);
        }
        assertFalse(Arrays.deepEquals(a, c));
    }

    private static float[][] train(long seed) {
        DataSplits data = FashionMnistSubset.smaller(1_000, 200, 200);
        ModelSpec spec = FashionMnistSubset.mlp(64, DictionarySpec.se(0.1, 2, 1e-3, 2.0),
                DictionarySpec.empirical(0.2, 2, 1e-3, false));
        TrainingConfig cfg = new TrainingConfig(0.05, 0.95, 0.5, 0.9, 5, 1e-5, 4.0, 100, 1, 5, 1);
        TrainingResult r = StagedTraining.run(spec, cfg, data, new LocalCovarianceSource(data.train()), seed,
                DataType.FLOAT, EpochListener.NONE);
        List<float[]> values = new ArrayList<>();
        for (Param p : r.network().params()) {
            values.add(p.value().data().asFloat());
        }
        return values.toArray(new float[0][]);
    }
}
