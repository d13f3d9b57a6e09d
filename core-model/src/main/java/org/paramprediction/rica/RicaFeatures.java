package org.paramprediction.rica;

import java.nio.DoubleBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.data.Dataset;
import org.paramprediction.data.Shape;
import org.paramprediction.layer.ConvGeometry;
import org.paramprediction.layer.Im2Col;
import org.paramprediction.linalg.Blas;

/**
 * Image features from learned RICA filters (the Coates, Lee and Ng 2011 pipeline, as used by Le et
 * al. 2011 for classification): every stride-1 {@code p x p} window {@code x} of an image is whitened
 * with the {@link Zca} the filters were trained on and projected on the {@code F} filters,
 *
 * <pre>  z = (x - mu) M W,   a+ = max(0, z),   a- = max(0, -z)</pre>
 *
 * and each of the {@code 2F} maps {@code a+_j}, {@code a-_j} ({@code H_out x W_out}) is pooled over a
 * {@code g x g} grid of regions (region {@code (r, s)} holds the positions with
 * {@code floor(g y / H_out) = r}, {@code floor(g x / W_out) = s}), by sum or max. An image gives
 * {@code 2 F g^2} values, index {@code ((h F + j) g + r) g + s} with {@code h = 0} for {@code a+}.
 *
 * <p><b>Nonlinearity</b>: the polarity split is Coates and Ng's (ICML 2011) soft threshold with
 * {@code alpha = 0}: unlike {@code |z|} (RICA's own sparsity penalty) it keeps the sign of the
 * response, which a linear classifier cannot recover from {@code |z|}, at twice the features.
 *
 * <p><b>Whitening folded into the filters</b>: {@code W' = M W} ({@code n x F}) and
 * {@code b = -mu W'} are computed once, so {@code z = x W' + b}: one {@code n x F} gemm per block of
 * windows instead of an {@code n x n} whitening gemm followed by the {@code n x F} one, and no
 * whitened copy of the patch matrix. The result equals whitening first, up to rounding.
 *
 * <p>Images go through in blocks of {@code B}: {@link Im2Col} fills a preallocated
 * {@code (P B) x n} patch matrix, one {@link Blas#gemm} gives the {@code (P B) x F} responses, and the
 * pooling loop adds them into the output rows. Nothing is allocated per image or per window.
 */
public final class RicaFeatures {

    private final Shape image;
    private final ConvGeometry geometry;
    private final int inputs;
    private final int features;
    private final int grid;
    private final Pooling pooling;
    private final int blockImages;
    private final double[] folded;
    private final double[] bias;
    private final int[] region;

    /**
     * @param weights     {@code W}, row-major {@code n x F} ({@link RicaResult#weights()}), {@code n = c p^2}
     * @param features    {@code F}
     * @param zca         the whitening fitted to the training patches ({@code zca.dimension() == n})
     * @param image       the image shape ({@code c x H x W})
     * @param patch       {@code p}
     * @param grid        {@code g >= 1}, at most {@code min(H_out, W_out)}
     * @param pooling     sum or max over a region
     * @param blockImages {@code B >= 1}, images per gemm
     */
    public RicaFeatures(double[] weights, int features, Zca zca, Shape image, int patch, int grid, Pooling pooling,
            int blockImages) {
        this.geometry = new ConvGeometry(image, patch, 1, 0);
        this.image = image;
        this.inputs = geometry.patchSize();
        if (features < 1 || weights == null || weights.length != (long) inputs * features) {
            throw new IllegalArgumentException("weights must be n x F = " + inputs + " x " + features
                    + " for " + image + " images and " + patch + "x" + patch + " patches but had "
                    + (weights == null ? "null" : weights.length) + " values");
        }
        if (zca.dimension() != inputs) {
            throw new IllegalArgumentException("zca was fitted to dimension " + zca.dimension()
                    + " but patches have " + inputs + " values");
        }
        if (grid < 1 || grid > Math.min(geometry.outputHeight(), geometry.outputWidth())) {
            throw new IllegalArgumentException("grid must be in [1, min(H_out, W_out) = "
                    + Math.min(geometry.outputHeight(), geometry.outputWidth()) + "] but was " + grid);
        }
        if (pooling == null || blockImages < 1) {
            throw new IllegalArgumentException("pooling must be given and blockImages >= 1 but was " + pooling
                    + ", " + blockImages);
        }
        this.features = features;
        this.grid = grid;
        this.pooling = pooling;
        this.blockImages = blockImages;
        this.folded = fold(zca.matrix(), weights, inputs, features);
        this.bias = bias(zca.mean(), folded, inputs, features);
        this.region = regions(geometry, grid);
    }

    /** Values per image, {@code 2 F g^2}. */
    public int dimension() {
        return 2 * features * grid * grid;
    }

    /** The features and labels of every image of a labelled dataset, in row order. */
    public FeatureRows extract(Dataset images) {
        if (!images.shape().equals(image) || !images.labelled() || images.size() < 1) {
            throw new IllegalArgumentException("images must be a non-empty labelled dataset of shape " + image
                    + " but had shape " + images.shape() + ", " + images.size() + " rows, "
                    + images.numClasses() + " classes");
        }
        int size = images.size();
        int b = Math.min(blockImages, size);
        int d = image.features();
        int positions = geometry.positions();
        Im2Col im2col = new Im2Col(geometry);
        INDArray x = Nd4j.create(DataType.DOUBLE, new long[] {b, d}, 'f');
        INDArray cols = Nd4j.create(DataType.DOUBLE, new long[] {(long) positions * b, inputs}, 'f');
        INDArray w = Nd4j.create(DataType.DOUBLE, new long[] {inputs, features}, 'c');
        w.data().asNioDouble().put(0, folded, 0, folded.length);
        INDArray z = Nd4j.create(DataType.DOUBLE, new long[] {(long) positions * b, features}, 'f');
        float[] pixels = new float[b * d];
        double[] columnMajor = new double[b * d];
        double[] responses = new double[positions * b * features];
        int[] order = Dataset.identityOrder(size);
        double[] out = new double[size * dimension()];
        int[] labels = new int[size];
        for (int from = 0; from < size; from += b) {
            int count = Math.min(b, size - from);
            images.copyRows(order, from, from + count, pixels);
            transpose(pixels, count, b, d, columnMajor);
            x.data().asNioDouble().put(0, columnMajor, 0, columnMajor.length);
            im2col.gather(x, cols);
            Blas.gemm(cols, w, z, false, false, 1.0, 0.0);
            z.data().asNioDouble().get(0, responses, 0, responses.length);
            pool(responses, count, b, out, from);
            for (int i = 0; i < count; i++) {
                labels[from + i] = images.label(from + i);
            }
        }
        return new FeatureRows(out, size, dimension(), labels, images.numClasses());
    }

    /** Row-major {@code count x d} floats into column-major {@code b x d} doubles (rows past count: 0). */
    private static void transpose(float[] rows, int count, int b, int d, double[] dst) {
        for (int k = 0; k < d; k++) {
            int base = k * b;
            for (int i = 0; i < count; i++) {
                dst[base + i] = rows[i * d + k];
            }
            for (int i = count; i < b; i++) {
                dst[base + i] = 0;
            }
        }
    }

    /** Adds (or maxes) {@code a+} and {@code a-} of the block into rows {@code from ..} of {@code out}. */
    private void pool(double[] responses, int count, int b, double[] out, int from) {
        int positions = geometry.positions();
        int cells = grid * grid;
        int dim = dimension();
        boolean sum = pooling == Pooling.SUM;
        for (int j = 0; j < features; j++) {
            double bj = bias[j];
            int column = j * positions * b;
            int plus = j * cells;
            int minus = (features + j) * cells;
            for (int p = 0; p < positions; p++) {
                int r = region[p];
                int src = column + p * b;
                for (int i = 0; i < count; i++) {
                    double v = responses[src + i] + bj;
                    int row = (from + i) * dim;
                    int at = row + (v > 0 ? plus : minus) + r;
                    double a = Math.abs(v);
                    out[at] = sum ? out[at] + a : Math.max(out[at], a);
                }
            }
        }
    }

    /** {@code W' = M W}, row-major {@code n x F}. */
    static double[] fold(double[] m, double[] w, int n, int f) {
        double[] out = new double[n * f];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double mik = m[i * n + k];
                for (int j = 0; j < f; j++) {
                    out[i * f + j] += mik * w[k * f + j];
                }
            }
        }
        return out;
    }

    /** {@code b = -mu W'}. */
    private static double[] bias(double[] mu, double[] folded, int n, int f) {
        double[] b = new double[f];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < f; j++) {
                b[j] -= mu[k] * folded[k * f + j];
            }
        }
        return b;
    }

    /** Region {@code r g + s} of every output position {@code y W_out + x}. */
    private static int[] regions(ConvGeometry g, int grid) {
        int h = g.outputHeight();
        int w = g.outputWidth();
        int[] out = new int[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (grid * y / h) * grid + grid * x / w;
            }
        }
        return out;
    }
}
