package org.paramprediction.columns;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.paramprediction.data.Shape;
import org.paramprediction.dictionary.Dictionary;
import org.paramprediction.dictionary.DictionaryRecipe;
import org.paramprediction.layer.Activation;
import org.paramprediction.layer.DenseMap;
import org.paramprediction.layer.FactoredMap;
import org.paramprediction.layer.HiddenLayer;
import org.paramprediction.layer.LinearMap;
import org.paramprediction.layer.SoftmaxOutputLayer;
import org.paramprediction.train.NetworkBuilder;
import org.paramprediction.train.NetworkRecipe;
import org.paramprediction.train.LayerSpec;

/**
 * Moves a column's learned values between its own one-column network and the assembled layer.
 * Column {@code j} of the assembled layer owns hidden units {@code [columnStart(j),
 * columnStart(j+1))}: its block of {@code V = [V_1 ... V_c]} and of the bias. A FULL layer is one
 * column whose "V" is the dense {@code W}.
 */
public final class ColumnAssembler {

    /** The element type of every column network and assembled layer. */
    public static final DataType DTYPE = DataType.FLOAT;

    private ColumnAssembler() {}

    /** A hidden layer with the single column {@code d} and {@code units} units; values not initialised. */
    public static HiddenLayer columnLayer(Dictionary d, int units, Activation activation, boolean inputGradient) {
        return (HiddenLayer) NetworkBuilder.layer(new NetworkRecipe.Layer(units, activation, List.of(d.recipe())),
                List.of(d), Shape.flat(d.inputs()), inputGradient, DTYPE);
    }

    /** The learned array of a fixed-dictionary map: {@code V} of a factored map, {@code W} of a dense one. */
    public static INDArray learned(LinearMap map) {
        if (map instanceof FactoredMap f) {
            return f.coefficients();
        }
        if (map instanceof DenseMap d) {
            return d.params().get(0).value();
        }
        throw new IllegalArgumentException("no learned block for " + map.getClass().getSimpleName());
    }

    /** A copy of {@code a}'s values, column-major. */
    public static float[] columnMajor(INDArray a) {
        return a.dup('f').data().asFloat();
    }

    /**
     * Layer {@code l} from the driver's own dictionaries and the tasks' outcomes (in column order),
     * after checking that every task rebuilt exactly the driver's {@code U_j}.
     *
     * @throws IllegalStateException if an outcome is missing, out of order, for another recipe, or
     *     its {@code U_j} hash differs from the driver's
     */
    public static HiddenLayer layer(int l, List<Dictionary> dictionaries, List<ColumnOutcome> outcomes, LayerSpec spec,
            boolean inputGradient) {
        check(l, dictionaries, outcomes);
        List<DictionaryRecipe> recipes = dictionaries.stream().map(Dictionary::recipe).toList();
        HiddenLayer layer = (HiddenLayer) NetworkBuilder.layer(new NetworkRecipe.Layer(spec.units(), spec.activation(),
                recipes), dictionaries, Shape.flat(dictionaries.get(0).inputs()), inputGradient, DTYPE);
        LinearMap map = layer.map();
        for (int j = 0; j < outcomes.size(); j++) {
            int from = map instanceof FactoredMap f ? f.columnStart(j) : 0;
            int to = map instanceof FactoredMap f ? f.columnStart(j + 1) : map.outputs();
            if (outcomes.get(j).units() != to - from) {
                throw new IllegalStateException("layer " + (l + 1) + " column " + j + " returned "
                        + outcomes.get(j).units() + " units but owns units [" + from + ", " + to + ")");
            }
            write(layer, from, outcomes.get(j));
        }
        return layer;
    }

    /** Writes {@code o}'s {@code V_j} and bias into {@code layer}'s units {@code [from, from + o.units())}. */
    public static void write(HiddenLayer layer, int from, ColumnOutcome o) {
        INDArray target = learned(layer.map());
        if (target.rows() != o.rows()) {
            throw new IllegalStateException("column " + o.column() + " sent V with " + o.rows()
                    + " rows but the layer's learned array has " + target.rows());
        }
        int to = from + o.units();
        columns(target, from, to).assign(Nd4j.create(o.v(), new long[] {o.rows(), o.units()}, 'f'));
        columns(layer.bias().value(), from, to).assign(Nd4j.create(o.bias(), new long[] {1, o.units()}, 'c'));
    }

    /** Sets {@code head} to the mean of the columns' heads: {@code W = [W_1; ...; W_c] / c}, {@code b = mean b_j}. */
    public static void averageHead(SoftmaxOutputLayer head, List<ColumnOutcome> outcomes) {
        int classes = head.classes();
        int c = outcomes.size();
        INDArray w = head.params().get(0).value();
        double[] bias = new double[classes];
        int row = 0;
        for (ColumnOutcome o : outcomes) {
            if (o.headWeights() == null || o.headBias().length != classes) {
                throw new IllegalStateException("column " + o.column() + " of layer " + (o.layer() + 1)
                        + " sent no head with " + classes + " classes, needed to average the column heads");
            }
            INDArray block = Nd4j.create(o.headWeights(), new long[] {o.units(), classes}, 'f').muli(1.0 / c);
            w.get(NDArrayIndex.interval(row, row + o.units()), NDArrayIndex.all()).assign(block);
            row += o.units();
            for (int k = 0; k < classes; k++) {
                bias[k] += o.headBias()[k] / (double) c;
            }
        }
        if (row != head.inputs()) {
            throw new IllegalStateException("column heads cover " + row + " inputs but the head has " + head.inputs());
        }
        head.params().get(1).value().assign(Nd4j.create(bias, new long[] {1, classes}, 'c').castTo(DTYPE));
    }

    private static void check(int l, List<Dictionary> dictionaries, List<ColumnOutcome> outcomes) {
        if (outcomes.size() != dictionaries.size()) {
            throw new IllegalStateException("layer " + (l + 1) + " has " + dictionaries.size()
                    + " columns but " + outcomes.size() + " tasks returned");
        }
        for (int j = 0; j < outcomes.size(); j++) {
            ColumnOutcome o = outcomes.get(j);
            Dictionary d = dictionaries.get(j);
            DictionaryRecipe recipe = d.recipe();
            if (o.layer() != l || o.column() != j || !o.recipe().equals(recipe)) {
                throw new IllegalStateException("task result for layer " + (o.layer() + 1) + " column " + o.column()
                        + " (" + o.recipe().describe() + ") does not match layer " + (l + 1) + " column " + j
                        + " (" + recipe.describe() + ")");
            }
            String expected = d.sha256();
            if (!expected.equals(o.uSha256())) {
                throw new IllegalStateException("layer " + (l + 1) + " column " + j + ": U rebuilt on the executor"
                        + " has SHA-256 " + o.uSha256() + " but the driver's rebuild of " + recipe.describe()
                        + " has " + expected);
            }
        }
    }

    private static INDArray columns(INDArray a, int from, int to) {
        return a.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to));
    }
}
