package org.paramprediction.train;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.paramprediction.dictionary.DictionaryRecipe;
import org.paramprediction.layer.FactoredMap;
import org.paramprediction.layer.WeightedLayer;
import org.paramprediction.layer.LinearMap;
import org.paramprediction.layer.TiedFactoredMap;

/**
 * The learned parameters of one column of one weighted layer, as kept in the {@code weights} table.
 * With {@code U} (inputs x atoms) rebuilt from the recipe ({@code DictionaryBuilder.build}), the
 * column's weights are {@code W = U V}. A Full layer is one column whose recipe is FULL and whose
 * {@code v} is {@code W} itself (inputs x units; for a conv layer, inputs = {@code k*k*C_in} in patch
 * order). A tied conv layer's recipe is over the {@code k x k} positions ({@code inputs = k*k}) and
 * its {@code units} are {@code C_in x filters}: column {@code f * C_in + c} of {@code U V} is filter
 * {@code f}'s {@code k x k} slice in input channel {@code c}.
 *
 * @param layer  weighted layer, 1-based (layer 1 sees the inputs)
 * @param column column within the layer, 1-based
 * @param recipe the column's {@link DictionaryRecipe} (the table writes it as JSON)
 * @param atoms  rows of {@code v}: the recipe's atoms ({@code inputs} for a Full layer)
 * @param units  hidden units of this column: columns of {@code v}
 * @param v      {@code V} row-major: element (a, h) at {@code a * units + h}
 * @param u      the learned {@code U} row-major (element (i, a) at {@code i * atoms + a}) for LowRank
 *               and for alternating optimisation, whose recipe only gives its start; null otherwise
 */
public record LearnedWeights(int layer, int column, DictionaryRecipe recipe, int inputs, int atoms, int units,
        float[] v, float[] u) implements Serializable {

    private static final long serialVersionUID = 1L;

    public LearnedWeights {
        if ((long) atoms * units != v.length || (u != null && (long) inputs * atoms != u.length)) {
            throw new IllegalArgumentException("v must have atoms*units=" + atoms + "*" + units + " and u inputs*atoms="
                    + inputs + "*" + atoms + " values but had " + v.length + " and " + (u == null ? 0 : u.length));
        }
    }

    /** Every column of every hidden layer of the trained network (the best validation epoch's parameters). */
    public static List<LearnedWeights> of(TrainingResult r) {
        List<LearnedWeights> out = new ArrayList<>();
        List<WeightedLayer> layers = r.network().weighted();
        for (int l = 0; l < layers.size(); l++) {
            LinearMap map = layers.get(l).map();
            List<DictionaryRecipe> recipes = r.recipes().get(l);
            if (map instanceof FactoredMap f) {
                boolean learnedU = f.learnsDictionary();
                for (int j = 0; j < f.columns(); j++) {
                    INDArray v = cols(f.coefficients(), f.columnStart(j), f.columnStart(j + 1));
                    INDArray u = learnedU ? cols(f.dictionary(), (long) j * f.atoms(), (long) (j + 1) * f.atoms()) : null;
                    out.add(new LearnedWeights(l + 1, j + 1, recipes.get(j), f.inputs(), f.atoms(), (int) v.columns(),
                            rowMajor(v), u == null ? null : rowMajor(u)));
                }
            } else if (map instanceof TiedFactoredMap t) {
                for (int j = 0; j < t.columns(); j++) {
                    int filters = t.columnStart(j + 1) - t.columnStart(j);
                    INDArray vj = cols(t.coefficients(), t.columnStart(j), t.columnStart(j + 1)).dup('f');
                    INDArray view = vj.reshape('f', t.atoms(), (long) t.channels() * filters);
                    out.add(new LearnedWeights(l + 1, j + 1, recipes.get(j), t.positions(), t.atoms(),
                            t.channels() * filters, rowMajor(view), null));
                }
            } else {
                INDArray w = map.weights();
                out.add(new LearnedWeights(l + 1, 1, recipes.get(0), map.inputs(), map.inputs(), map.outputs(),
                        rowMajor(w), null));
            }
        }
        return out;
    }

    private static INDArray cols(INDArray a, long from, long to) {
        return a.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to));
    }

    private static float[] rowMajor(INDArray a) {
        return a.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }
}
