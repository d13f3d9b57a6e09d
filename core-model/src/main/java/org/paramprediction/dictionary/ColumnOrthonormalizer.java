package org.paramprediction.dictionary;

/**
 * Replaces {@code U} (nv x na) by {@code Q} from its thin QR factorisation {@code U = Q R}:
 * orthonormal columns spanning the same space, so {@code W = U V = Q (R V)} covers exactly the
 * same weights but SGD on {@code V} is well conditioned (METHOD.md section 2, "Conditioning").
 *
 * <p>Modified Gram-Schmidt applied twice per column ("twice is enough": orthogonal to working
 * precision even for ill-conditioned {@code U}): for column {@code j}, two passes of
 * {@code q_j := q_j - (q_i . q_j) q_i} for {@code i < j}, then {@code q_j := q_j / |q_j|}. The
 * norm is positive, so {@code R} has a positive diagonal and {@code Q} is unique. Fixed loop
 * order: bit-identical on every JVM.
 */
final class ColumnOrthonormalizer {

    /**
     * A column whose norm after orthogonalisation is at most this fraction of its original norm
     * is taken as linearly dependent on the previous ones.
     */
    static final double DEPENDENT_COLUMN_REL_TOL = 1e-10;

    private ColumnOrthonormalizer() {
    }

    /**
     * @param u      nv x na row-major, not modified
     * @param recipe for error messages
     * @return {@code Q}, nv x na row-major
     * @throws IllegalStateException if the columns are linearly dependent
     */
    static double[] orthonormalize(double[] u, int nv, int na, DictionaryRecipe recipe) {
        double[] q = RowMajor.transpose(u, nv, na); // rows of q = columns of U
        for (int j = 0; j < na; j++) {
            int rowJ = j * nv;
            double before = StrictMath.sqrt(dot(q, rowJ, q, rowJ, nv));
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < j; i++) {
                    int rowI = i * nv;
                    double r = dot(q, rowI, q, rowJ, nv);
                    for (int t = 0; t < nv; t++) {
                        q[rowJ + t] -= r * q[rowI + t];
                    }
                }
            }
            double norm = StrictMath.sqrt(dot(q, rowJ, q, rowJ, nv));
            if (!(norm > DEPENDENT_COLUMN_REL_TOL * before)) {
                throw new IllegalStateException("cannot orthonormalise U: column " + j
                        + " is linearly dependent on the previous ones (norm " + norm
                        + " after projection, " + before + " before) for " + recipe.describe());
            }
            for (int t = 0; t < nv; t++) {
                q[rowJ + t] /= norm;
            }
        }
        return RowMajor.transpose(q, na, nv);
    }

    private static double dot(double[] x, int xFrom, double[] y, int yFrom, int n) {
        double sum = 0;
        for (int t = 0; t < n; t++) {
            sum += x[xFrom + t] * y[yFrom + t];
        }
        return sum;
    }
}
