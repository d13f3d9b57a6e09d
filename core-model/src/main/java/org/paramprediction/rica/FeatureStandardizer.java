package org.paramprediction.rica;

/**
 * Per-feature standardisation fitted on training rows: {@code x_k -> (x_k - mean_k) / sd_k}, with
 * {@code sd_k} the population standard deviation, replaced by 1 where it is below {@code 1e-8}
 * (constant features become 0, not NaN). Validation and test rows use the training statistics.
 */
public final class FeatureStandardizer {

    /** Below this standard deviation a feature counts as constant. */
    static final double MIN_SD = 1e-8;

    private final double[] mean;
    private final double[] scale;

    private FeatureStandardizer(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /** Mean and standard deviation of every column (two passes, centred). */
    public static FeatureStandardizer fit(FeatureRows rows) {
        int n = rows.count();
        int d = rows.dimension();
        double[] x = rows.rows();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                mean[k] += x[i * d + k];
            }
        }
        for (int k = 0; k < d; k++) {
            mean[k] /= n;
        }
        double[] var = new double[d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                double c = x[i * d + k] - mean[k];
                var[k] += c * c;
            }
        }
        double[] scale = new double[d];
        for (int k = 0; k < d; k++) {
            double sd = Math.sqrt(var[k] / n);
            scale[k] = sd < MIN_SD ? 1.0 : 1.0 / sd;
        }
        return new FeatureStandardizer(mean, scale);
    }

    public int dimension() {
        return mean.length;
    }

    /** A standardised copy of {@code rows}, same labels. */
    public FeatureRows apply(FeatureRows rows) {
        int d = mean.length;
        if (rows.dimension() != d) {
            throw new IllegalArgumentException("rows have dimension " + rows.dimension()
                    + " but the standardizer was fitted to dimension " + d);
        }
        double[] x = rows.rows();
        double[] out = new double[x.length];
        for (int i = 0; i < rows.count(); i++) {
            for (int k = 0; k < d; k++) {
                out[i * d + k] = (x[i * d + k] - mean[k]) * scale[k];
            }
        }
        return new FeatureRows(out, rows.count(), d, rows.labels(), rows.classes());
    }
}
