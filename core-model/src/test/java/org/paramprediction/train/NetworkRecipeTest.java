package org.paramprediction.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.paramprediction.data.DataSplits;
import org.paramprediction.dictionary.Dictionary;
import org.paramprediction.layer.FactoredMap;
import org.paramprediction.layer.Network;
import org.paramprediction.layer.ParamVectors;

/** A network rebuilt from its recipe plus its dynamic parameters is the same network. */
class NetworkRecipeTest {

    private record Opened(Network net, NetworkRecipe recipe, int stage) {}

    @Test
    void everyStageRebuildsFromItsRecipeWithEqualDictionariesAndOutputs() {
        DataSplits data = FashionMnistSubset.smaller(1_000, 200, 200);
        ModelSpec spec = FashionMnistSubset.mlp(40, DictionarySpec.se(0.1, 2, 1e-3, 2.0),
                DictionarySpec.empirical(0.2, 2, 1e-3, false));
        TrainingConfig cfg = new TrainingConfig(0.05, 0.95, 0.5, 0.9, 5, 1e-5, 4.0, 100, 1, 5, 1);
        List<Opened> opened = new ArrayList<>();
        EpochPass.Factory capture = (net, recipe, d, c, shuffle, stage) -> {
            opened.add(new Opened(net, recipe, stage));
            return EpochPass.LOCAL.open(net, recipe, d, c, shuffle, stage);
        };
        TrainingResult r = StagedTraining.run(spec, cfg, data, new LocalCovarianceSource(data.train()), 7,
                DataType.FLOAT, EpochListener.NONE, capture);
        assertEquals(2, opened.size(), "stage 1 (layer 1 under a head) and stage 0 (whole network)");
        assertEquals(1, opened.get(0).recipe().layers().size());
        assertEquals(2, opened.get(1).recipe().layers().size());
        for (Opened o : opened) {
            List<List<Dictionary>> dicts = o.recipe().dictionaries();
            Network copy = NetworkBuilder.network(o.recipe(), dicts, DataType.FLOAT);
            for (int l = 0; l < dicts.size(); l++) {
                FactoredMap original = (FactoredMap) o.net().weighted().get(l).map();
                FactoredMap rebuilt = (FactoredMap) copy.weighted().get(l).map();
                assertArrayEquals(original.dictionary().data().asFloat(), rebuilt.dictionary().data().asFloat(),
                        "U of layer " + (l + 1) + " in stage " + o.stage());
            }
            float[] values = new float[ParamVectors.length(o.net().params())];
            assertEquals(values.length, ParamVectors.length(copy.params()));
            ParamVectors.readValues(o.net().params(), values, 0);
            ParamVectors.writeValues(values, 0, copy.params());
            assertEquals(Evaluator.errorRate(o.net(), data.test()), Evaluator.errorRate(copy, data.test()));
        }
        assertEquals(r.recipes().get(1), opened.get(1).recipe().layers().get(1).columns());
    }
}
