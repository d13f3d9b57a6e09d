package org.paramprediction.kernel;

/**
 * The squared-exponential (SE) kernel on input locations:
 *
 * <pre>  k(i, j) = exp(-|p_i - p_j|^2 / (2 l^2))</pre>
 *
 * with {@code p_i} from {@link InputLocations} and length scale {@code l > 0}. {@code k(i, i) = 1}.
 * Computed with {@link StrictMath#exp}, so values are bit-identical on every JVM.
 *
 * <p>The length scale is either a fixed hyperparameter or tied to the density of the alpha points
 * with {@link #tiedLengthScale(InputLocations, int, double)}.
 */
public final class SquaredExponentialKernel implements Kernel {

    private final InputLocations locations;
    private final double lengthScale;
    private final double twoLengthScaleSquared;

    /**
     * @param locations   location of each input index
     * @param lengthScale {@code l}, finite and {@code > 0}
     */
    public SquaredExponentialKernel(InputLocations locations, double lengthScale) {
        if (locations == null) {
            throw new IllegalArgumentException("locations must not be null");
        }
        if (!(lengthScale > 0) || !Double.isFinite(lengthScale)) {
            throw new IllegalArgumentException(
                    "lengthScale must be finite and > 0, got " + lengthScale);
        }
        this.locations = locations;
        this.lengthScale = lengthScale;
        this.twoLengthScaleSquared = 2.0 * lengthScale * lengthScale;
    }

    /**
     * A length scale tied to the density of the alpha points: {@code l = factor * spacing}, where
     * {@code spacing} is the mean distance between alpha points if they were spread evenly:
     *
     * <ul>
     *   <li>2-D grid (both {@code rows > 1} and {@code cols > 1}):
     *       {@code spacing = sqrt(rows * cols / numAlpha)} (each alpha point covers an area of
     *       {@code rows * cols / numAlpha} pixels);
     *   <li>line ({@code rows == 1} or {@code cols == 1}): {@code spacing = n / numAlpha}.
     * </ul>
     *
     * So fewer alpha points give a longer length scale: the interpolation reaches further.
     *
     * @param locations input locations of the layer
     * @param numAlpha  number of alpha points, {@code 1 <= numAlpha <= locations.size()}
     * @param factor    multiplier of the spacing, finite and {@code > 0}
     */
    public static double tiedLengthScale(InputLocations locations, int numAlpha, double factor) {
        if (locations == null) {
            throw new IllegalArgumentException("locations must not be null");
        }
        if (numAlpha < 1 || numAlpha > locations.size()) {
            throw new IllegalArgumentException("numAlpha must be in [1, " + locations.size()
                    + "] (the number of inputs), got " + numAlpha);
        }
        if (!(factor > 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("factor must be finite and > 0, got " + factor);
        }
        double perAlpha = (double) locations.size() / numAlpha;
        double spacing = locations.isTwoDimensional() ? StrictMath.sqrt(perAlpha) : perAlpha;
        return factor * spacing;
    }

    @Override
    public int size() {
        return locations.size();
    }

    @Override
    public double value(int i, int j) {
        return StrictMath.exp(-locations.squaredDistance(i, j) / twoLengthScaleSquared);
    }

    public InputLocations locations() {
        return locations;
    }

    public double lengthScale() {
        return lengthScale;
    }

    @Override
    public String toString() {
        return "SquaredExponentialKernel[" + locations + ", l=" + lengthScale + "]";
    }
}
