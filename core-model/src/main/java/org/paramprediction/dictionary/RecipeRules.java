package org.paramprediction.dictionary;

/**
 * The validation rules of {@link DictionaryRecipe} (listed in its Javadoc). Every message names
 * the field, the rule and the bad value, plus the kind or kernel it applies to.
 */
final class RecipeRules {

    private RecipeRules() {
    }

    static void check(DictionaryKind kind, KernelKind kernel, int inputs, int atoms, double ridge,
            double lengthScale, double lengthScaleFactor, int gridRows, int gridCols,
            String covarianceId, boolean orthonormal) {
        require(kind != null, "kind must not be null");
        require(inputs >= 1, "inputs must be >= 1 but was " + inputs);
        require(atoms >= 1 && atoms <= inputs,
                "atoms must be in [1, inputs=" + inputs + "] but was " + atoms);
        require(kind != DictionaryKind.FULL || atoms == inputs,
                "atoms must equal inputs=" + inputs + " for kind=FULL but was " + atoms);
        checkKernel(kind, kernel);
        checkRidge(kind, ridge);
        checkLengthScales(kernel, lengthScale, lengthScaleFactor);
        checkGrid(kind, inputs, gridRows, gridCols);
        checkCovarianceId(kind, kernel, covarianceId);
        require(!orthonormal || (kind != DictionaryKind.FULL && kind != DictionaryKind.LOW_RANK),
                "orthonormal must be false for kind=" + kind
                        + " (FULL has no U, LOW_RANK learns U) but was true");
    }

    private static void checkKernel(DictionaryKind kind, KernelKind kernel) {
        if (kind == DictionaryKind.KERNEL_RIDGE) {
            require(kernel != null,
                    "kernel must be one of SE, EMPIRICAL, EMPIRICAL_SQUARED, RANDOM for "
                            + "kind=KERNEL_RIDGE but was null");
        } else {
            require(kernel == null,
                    "kernel must be null unless kind=KERNEL_RIDGE but was " + kernel
                            + " (kind=" + kind + ")");
        }
    }

    private static void checkRidge(DictionaryKind kind, double ridge) {
        require(Double.isFinite(ridge) && ridge >= 0,
                "ridge must be finite and >= 0 but was " + ridge);
        require(kind == DictionaryKind.KERNEL_RIDGE || ridge == 0,
                "ridge must be 0 unless kind=KERNEL_RIDGE but was " + ridge + " (kind=" + kind
                        + ")");
    }

    private static void checkLengthScales(KernelKind kernel, double lengthScale,
            double lengthScaleFactor) {
        require(Double.isFinite(lengthScale) && lengthScale >= 0,
                "lengthScale must be finite and >= 0 but was " + lengthScale);
        require(Double.isFinite(lengthScaleFactor) && lengthScaleFactor >= 0,
                "lengthScaleFactor must be finite and >= 0 but was " + lengthScaleFactor);
        if (kernel == KernelKind.SE) {
            require((lengthScale > 0) != (lengthScaleFactor > 0),
                    "exactly one of lengthScale (fixed) and lengthScaleFactor (tied to alpha "
                            + "density) must be > 0 for kernel=SE but was lengthScale="
                            + lengthScale + ", lengthScaleFactor=" + lengthScaleFactor);
        } else {
            require(lengthScale == 0, "lengthScale must be 0 unless kernel=SE but was "
                    + lengthScale + " (kernel=" + kernel + ")");
            require(lengthScaleFactor == 0, "lengthScaleFactor must be 0 unless kernel=SE but was "
                    + lengthScaleFactor + " (kernel=" + kernel + ")");
        }
    }

    private static void checkGrid(DictionaryKind kind, int inputs, int gridRows, int gridCols) {
        require(gridRows >= 0, "gridRows must be >= 0 but was " + gridRows);
        require(gridCols >= 0, "gridCols must be >= 0 but was " + gridCols);
        require((gridRows == 0) == (gridCols == 0),
                "gridRows and gridCols must both be 0 (a line) or both >= 1 (a grid) but were "
                        + "gridRows=" + gridRows + ", gridCols=" + gridCols);
        if (gridRows > 0) {
            long cells = (long) gridRows * gridCols;
            require(cells == inputs, "gridRows*gridCols must equal inputs=" + inputs
                    + " but was " + gridRows + "*" + gridCols + "=" + cells);
        }
        require(kind != DictionaryKind.DCT || gridRows > 0,
                "gridRows must be >= 1 for kind=DCT (atoms live on an image grid) but was "
                        + gridRows);
    }

    private static void checkCovarianceId(DictionaryKind kind, KernelKind kernel, String id) {
        boolean needed = kind == DictionaryKind.PCA || (kernel != null && kernel.needsCovariance());
        String what = kernel != null ? "kernel=" + kernel : "kind=" + kind;
        if (needed) {
            require(id != null, "covarianceId must be set for " + what + " but was null");
            require(!id.isBlank(), "covarianceId must not be blank for " + what + " but was '"
                    + id + "'");
        } else {
            require(id == null, "covarianceId must be null for " + what + " but was '" + id
                    + "'");
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
