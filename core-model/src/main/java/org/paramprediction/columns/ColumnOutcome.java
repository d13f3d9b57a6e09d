package org.paramprediction.columns;

import java.io.Serializable;
import org.paramprediction.dictionary.DictionaryRecipe;

/**
 * What one column task sends back to the driver: the column's learned coefficients {@code V_j}
 * (rows x units, column-major; rows = atoms, or inputs for a FULL layer), its hidden biases, the
 * recipe it rebuilt {@code U_j} from and the SHA-256 of that {@code U_j}, its best validation
 * error, and (only when the run starts fine-tuning from the averaged column heads, for the last
 * hidden layer) its softmax head. Nothing else travels: {@code U_j} is rebuilt from the recipe.
 *
 * <p>A final class holding arrays, not a record: results cross the wire with Spark's serializer.
 * The arrays are not copied; treat them as read-only.
 */
public final class ColumnOutcome implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int layer;
    private final int column;
    private final DictionaryRecipe recipe;
    private final String uSha256;
    private final int rows;
    private final int units;
    private final float[] v;
    private final float[] bias;
    private final float[] headWeights;
    private final float[] headBias;
    private final double validError;
    private final int bestEpoch;
    private final int epochsTrained;
    private final double seconds;

    /**
     * @param headWeights units x classes, column-major, or null
     * @param headBias    classes values, or null (exactly when {@code headWeights} is)
     */
    public ColumnOutcome(int layer, int column, DictionaryRecipe recipe, String uSha256, int rows, int units,
            float[] v, float[] bias, float[] headWeights, float[] headBias, double validError, int bestEpoch,
            int epochsTrained, double seconds) {
        if (recipe == null || uSha256 == null) {
            throw new IllegalArgumentException("recipe and uSha256 must be set for layer " + layer + " column " + column);
        }
        if (v == null || v.length != (long) rows * units || bias == null || bias.length != units) {
            throw new IllegalArgumentException("V must have rows*units = " + rows + "*" + units
                    + " values and the bias " + units + " but had " + (v == null ? "null" : v.length) + " and "
                    + (bias == null ? "null" : bias.length) + " (layer " + layer + " column " + column + ")");
        }
        if ((headWeights == null) != (headBias == null)
                || (headWeights != null && headWeights.length != (long) units * headBias.length)) {
            throw new IllegalArgumentException("head must be absent or units x classes with a bias per class"
                    + " (layer " + layer + " column " + column + ")");
        }
        this.layer = layer;
        this.column = column;
        this.recipe = recipe;
        this.uSha256 = uSha256;
        this.rows = rows;
        this.units = units;
        this.v = v;
        this.bias = bias;
        this.headWeights = headWeights;
        this.headBias = headBias;
        this.validError = validError;
        this.bestEpoch = bestEpoch;
        this.epochsTrained = epochsTrained;
        this.seconds = seconds;
    }

    /** Hidden layer, 0-based. */
    public int layer() {
        return layer;
    }

    /** Column within the layer, 0-based. */
    public int column() {
        return column;
    }

    public DictionaryRecipe recipe() {
        return recipe;
    }

    /** {@code Dictionary.sha256()} of the {@code U_j} the task rebuilt. */
    public String uSha256() {
        return uSha256;
    }

    /** Rows of {@code V_j}: the atoms (or the layer's inputs for FULL). */
    public int rows() {
        return rows;
    }

    /** Hidden units of this column. */
    public int units() {
        return units;
    }

    /** {@code V_j}, rows x units, column-major (not a copy). */
    public float[] v() {
        return v;
    }

    /** The column's hidden biases (not a copy). */
    public float[] bias() {
        return bias;
    }

    /** The column's softmax weights, units x classes, column-major, or null (not a copy). */
    public float[] headWeights() {
        return headWeights;
    }

    /** The column's softmax biases, or null (not a copy). */
    public float[] headBias() {
        return headBias;
    }

    /** Validation error of the column's own network at its best epoch. */
    public double validError() {
        return validError;
    }

    public int bestEpoch() {
        return bestEpoch;
    }

    public int epochsTrained() {
        return epochsTrained;
    }

    /** Wall time of the task, including loading data, rebuilding {@code U_j} and the lower activations. */
    public double seconds() {
        return seconds;
    }

    /** Bytes of the learned values encoded as float32: {@code V_j}, the bias and the head if present. */
    public long payloadBytes() {
        long floats = (long) v.length + bias.length
                + (headWeights == null ? 0 : headWeights.length + headBias.length);
        return floats * Float.BYTES;
    }

    @Override
    public String toString() {
        return String.format("ColumnOutcome[layer %d column %d, %dx%d, valid %.4f at epoch %d, %s]",
                layer, column, rows, units, validError, bestEpoch, recipe.describe());
    }
}
