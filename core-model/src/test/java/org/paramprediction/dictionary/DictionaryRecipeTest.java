package org.paramprediction.dictionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class DictionaryRecipeTest {

    private static final String COV_ID = "ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12";

    /** Asserts the constructor rejects the recipe with a message containing every fragment. */
    private static void assertRejected(Executable build, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f),
                    "message '" + e.getMessage() + "' should contain '" + f + "'");
        }
    }

    private static DictionaryRecipe recipe(DictionaryKind kind, KernelKind kernel, int inputs,
            int atoms, double ridge, double l, double factor, int rows, int cols, String cov,
            boolean ortho) {
        return new DictionaryRecipe(kind, kernel, inputs, atoms, 1L, ridge, l, factor, rows, cols,
                cov, ortho);
    }

    @Test
    void atomsOutsideOneToInputsAreRejectedWithBoundAndValue() {
        assertRejected(() -> DictionaryRecipe.randFixU(784, 900, 1), "atoms", "inputs=784", "900");
        assertRejected(() -> DictionaryRecipe.randFixU(784, 0, 1), "atoms", "0");
        assertRejected(() -> DictionaryRecipe.randFixU(0, 1, 1), "inputs", ">= 1", "0");
    }

    @Test
    void fullRequiresAtomsEqualToInputs() {
        assertRejected(() -> recipe(DictionaryKind.FULL, null, 10, 5, 0, 0, 0, 0, 0, null, false),
                "atoms", "FULL", "5");
        assertEquals(1.0, DictionaryRecipe.full(10).fraction(), 0.0);
    }

    @Test
    void kernelIsRequiredExactlyForKernelRidge() {
        assertRejected(() -> recipe(DictionaryKind.KERNEL_RIDGE, null, 10, 5, 0.1, 0, 0, 0, 0,
                null, false), "kernel", "KERNEL_RIDGE", "null");
        assertRejected(() -> recipe(DictionaryKind.RAND_CON, KernelKind.SE, 10, 5, 0, 1, 0, 0, 0,
                null, false), "kernel", "SE", "RAND_CON");
    }

    @Test
    void ridgeMustBeFiniteNonNegativeAndOnlyForKernelRidge() {
        assertRejected(() -> DictionaryRecipe.randomKernel(10, 5, 1, -0.1), "ridge", "-0.1");
        assertRejected(() -> DictionaryRecipe.randomKernel(10, 5, 1, Double.NaN), "ridge", "NaN");
        assertRejected(() -> DictionaryRecipe.randomKernel(10, 5, 1, Double.POSITIVE_INFINITY),
                "ridge", "Infinity");
        assertRejected(() -> recipe(DictionaryKind.RAND_CON, null, 10, 5, 0.5, 0, 0, 0, 0, null,
                false), "ridge", "0.5", "RAND_CON");
    }

    @Test
    void seNeedsExactlyOneOfFixedAndTiedLengthScale() {
        assertRejected(() -> recipe(DictionaryKind.KERNEL_RIDGE, KernelKind.SE, 10, 5, 0.1, 0, 0,
                0, 0, null, false), "lengthScale", "lengthScaleFactor", "0.0");
        assertRejected(() -> recipe(DictionaryKind.KERNEL_RIDGE, KernelKind.SE, 10, 5, 0.1, 2.0,
                1.5, 0, 0, null, false), "lengthScale=2.0", "lengthScaleFactor=1.5");
        assertRejected(() -> DictionaryRecipe.seKernel(10, 5, 1, 0.1, -1.0, 0, 0),
                "lengthScale", "-1.0");
        assertRejected(() -> recipe(DictionaryKind.KERNEL_RIDGE, KernelKind.RANDOM, 10, 5, 0.1,
                3.0, 0, 0, 0, null, false), "lengthScale", "3.0", "RANDOM");
        assertRejected(() -> recipe(DictionaryKind.KERNEL_RIDGE, KernelKind.RANDOM, 10, 5, 0.1, 0,
                0.7, 0, 0, null, false), "lengthScaleFactor", "0.7");
    }

    @Test
    void gridMustMatchInputsAndBeBothOrNeitherDimension() {
        assertRejected(() -> DictionaryRecipe.seKernel(784, 78, 1, 0.1, 2.0, 28, 27),
                "gridRows*gridCols", "inputs=784", "756");
        assertRejected(() -> DictionaryRecipe.seKernel(784, 78, 1, 0.1, 2.0, 28, 0),
                "gridRows", "gridCols=0");
        assertRejected(() -> DictionaryRecipe.seKernel(784, 78, 1, 0.1, 2.0, -28, -28),
                "gridRows", "-28");
        assertRejected(() -> recipe(DictionaryKind.DCT, null, 16, 4, 0, 0, 0, 0, 0, null, false),
                "gridRows", "DCT", "0");
    }

    @Test
    void covarianceIdIsRequiredExactlyForEmpiricalAndPca() {
        assertRejected(() -> DictionaryRecipe.empirical(10, 5, 1, 0.1, null, false),
                "covarianceId", "EMPIRICAL", "null");
        assertRejected(() -> DictionaryRecipe.pca(10, 5, " "), "covarianceId", "blank");
        assertRejected(() -> recipe(DictionaryKind.DCT, null, 16, 4, 0, 0, 0, 4, 4, COV_ID, false),
                "covarianceId", "DCT", COV_ID);
        assertRejected(() -> recipe(DictionaryKind.KERNEL_RIDGE, KernelKind.SE, 16, 4, 0.1, 1, 0,
                4, 4, COV_ID, false), "covarianceId", "SE", COV_ID);
    }

    @Test
    void orthonormalIsRejectedForFullAndLowRank() {
        assertRejected(() -> DictionaryRecipe.full(10).withOrthonormal(true), "orthonormal",
                "FULL", "true");
        assertRejected(() -> DictionaryRecipe.lowRank(10, 3, 1).withOrthonormal(true),
                "orthonormal", "LOW_RANK", "true");
        assertTrue(DictionaryRecipe.randFixU(10, 3, 1).withOrthonormal(true).orthonormal());
    }

    @Test
    void nullKindIsRejected() {
        assertRejected(() -> recipe(null, null, 10, 5, 0, 0, 0, 0, 0, null, false), "kind");
    }

    @Test
    void factoriesBuildValidRecipesWithTheirFraction() {
        assertEquals(0.1, DictionaryRecipe.seKernel(100, 10, 1, 1e-3, 2, 10, 10).fraction(), 0.0);
        assertEquals(0.25, DictionaryRecipe.seKernelTied(20, 5, 1, 1e-3, 1.5, 0, 0).fraction(),
                0.0);
        assertEquals(KernelKind.EMPIRICAL_SQUARED,
                DictionaryRecipe.empirical(10, 5, 1, 0.1, COV_ID, true).kernel());
        assertEquals(KernelKind.EMPIRICAL,
                DictionaryRecipe.empirical(10, 5, 1, 0.1, COV_ID, false).kernel());
        assertEquals(784, DictionaryRecipe.dct(28, 28, 50).inputs());
        assertTrue(DictionaryRecipe.pca(10, 5, COV_ID).needsCovariance());
        assertFalse(DictionaryRecipe.randomKernel(10, 5, 1, 0.1).needsCovariance());
        assertTrue(DictionaryRecipe.dct(4, 4, 3).hasGrid());
        assertFalse(DictionaryRecipe.randCon(10, 5, 1).hasGrid());
    }

    @Test
    void describeNamesKindKernelShapeAndOptions() {
        String s = DictionaryRecipe.seKernel(784, 78, 7, 1e-3, 2.0, 28, 28).withOrthonormal(true)
                .describe();
        assertEquals("KERNEL_RIDGE[SE l=2.0] 78/784 ridge=0.001 grid=28x28 seed=7 orthonormal", s);
        assertEquals("KERNEL_RIDGE[SE l=1.5*spacing] 5/20 ridge=0.01 seed=3",
                DictionaryRecipe.seKernelTied(20, 5, 3, 0.01, 1.5, 0, 0).describe());
        assertEquals("PCA 5/10 cov=ab12cd34ef56", DictionaryRecipe.pca(10, 5, COV_ID).describe());
        assertEquals("FULL 10/10", DictionaryRecipe.full(10).describe());
    }

    @Test
    void recipeSurvivesJavaSerializationUnchanged() throws IOException, ClassNotFoundException {
        DictionaryRecipe r = DictionaryRecipe.empirical(500, 50, 42, 0.01, COV_ID, true)
                .withOrthonormal(true);
        assertEquals(r, roundTrip(r));
    }

    static DictionaryRecipe roundTrip(DictionaryRecipe r) throws IOException,
            ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(r);
        }
        try (ObjectInputStream in = new ObjectInputStream(
                new ByteArrayInputStream(bytes.toByteArray()))) {
            return (DictionaryRecipe) in.readObject();
        }
    }
}
