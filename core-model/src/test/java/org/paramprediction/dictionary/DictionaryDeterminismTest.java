package org.paramprediction.dictionary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paramprediction.stats.Covariance;

class DictionaryDeterminismTest {

    private static final Covariance COV =
            DictionaryAssertions.covarianceWithDeadInputs(60, 200, 17, false, 4, 40);
    private static final Covariance COV_SQUARED =
            DictionaryAssertions.covarianceWithDeadInputs(60, 200, 17, true, 4, 40);

    private static List<DictionaryRecipe> everyKind() {
        List<DictionaryRecipe> recipes = new ArrayList<>(List.of(
                DictionaryRecipe.seKernel(64, 10, 1, 1e-3, 1.5, 8, 8),
                DictionaryRecipe.seKernelTied(60, 10, 2, 1e-3, 1.0, 0, 0),
                DictionaryRecipe.empirical(60, 10, 3, 1e-2, COV.id(), false),
                DictionaryRecipe.empirical(60, 10, 3, 1e-2, COV_SQUARED.id(), true),
                DictionaryRecipe.randomKernel(60, 10, 4, 1e-2),
                DictionaryRecipe.randFixU(60, 10, 5),
                DictionaryRecipe.randCon(60, 10, 6),
                DictionaryRecipe.lowRank(60, 10, 7),
                DictionaryRecipe.pca(60, 10, COV.id()),
                DictionaryRecipe.dct(8, 8, 10)));
        List<DictionaryRecipe> orthonormal = new ArrayList<>();
        for (DictionaryRecipe r : recipes) {
            if (r.kind() != DictionaryKind.LOW_RANK) {
                orthonormal.add(r.withOrthonormal(true));
            }
        }
        recipes.addAll(orthonormal);
        recipes.add(DictionaryRecipe.full(60));
        return recipes;
    }

    private static Covariance covarianceFor(DictionaryRecipe r) {
        return r.kernel() == KernelKind.EMPIRICAL_SQUARED ? COV_SQUARED : COV;
    }

    @Test
    void rebuildingTheSameRecipeGivesBitIdenticalU() throws IOException, ClassNotFoundException {
        for (DictionaryRecipe r : everyKind()) {
            Dictionary first = DictionaryBuilder.build(r, covarianceFor(r));
            Dictionary second = DictionaryBuilder.build(r, covarianceFor(r));
            DictionaryRecipe shipped = DictionaryRecipeTest.roundTrip(r);
            Dictionary third = DictionaryBuilder.build(shipped, covarianceFor(shipped));
            for (Dictionary again : List.of(second, third)) {
                assertTrue(Arrays.equals(first.u(), again.u()), r.describe());
                assertArrayEquals(first.alpha(), again.alpha(), r.describe());
                assertEquals(first.sha256(), again.sha256(), r.describe());
                assertEquals(first, again, r.describe());
            }
        }
    }

    @Test
    void differentSeedsGiveDifferentAlphaAndU() {
        for (long seed = 0; seed < 5; seed++) {
            Dictionary a = DictionaryBuilder.build(
                    DictionaryRecipe.seKernel(64, 10, seed, 1e-3, 1.5, 8, 8), null);
            Dictionary b = DictionaryBuilder.build(
                    DictionaryRecipe.seKernel(64, 10, seed + 100, 1e-3, 1.5, 8, 8), null);
            assertNotEquals(Arrays.toString(a.alpha()), Arrays.toString(b.alpha()));
            assertNotEquals(a.sha256(), b.sha256());
        }
        assertNotEquals(DictionaryBuilder.build(DictionaryRecipe.randFixU(30, 5, 1), null).sha256(),
                DictionaryBuilder.build(DictionaryRecipe.randFixU(30, 5, 2), null).sha256());
    }

    /**
     * Golden hashes: the same recipes must give these exact bits on every machine and JVM (a
     * change here means workers built from different code or on another CPU would disagree).
     */
    @Test
    void knownRecipesKeepTheirGoldenHashes() {
        assertEquals(GOLDEN_SE, DictionaryBuilder.build(
                DictionaryRecipe.seKernel(64, 10, 1, 1e-3, 1.5, 8, 8), null).sha256());
        assertEquals(GOLDEN_RAND_FIX_U, DictionaryBuilder.build(
                DictionaryRecipe.randFixU(60, 10, 5), null).sha256());
        assertEquals(GOLDEN_DCT_ORTHONORMAL, DictionaryBuilder.build(
                DictionaryRecipe.dct(8, 8, 10).withOrthonormal(true), null).sha256());
        assertEquals(GOLDEN_RANDOM_KERNEL, DictionaryBuilder.build(
                DictionaryRecipe.randomKernel(60, 10, 4, 1e-2), null).sha256());
        Covariance plain = DictionaryAssertions.plainCovariance(40, 100, 23);
        assertEquals(GOLDEN_PLAIN_COVARIANCE_ID, plain.id());
        assertEquals(GOLDEN_PCA, DictionaryBuilder.build(
                DictionaryRecipe.pca(40, 12, plain.id()), plain).sha256());
        assertEquals(GOLDEN_EMPIRICAL_ORTHONORMAL, DictionaryBuilder.build(
                DictionaryRecipe.empirical(40, 12, 8, 1e-2, plain.id(), false)
                        .withOrthonormal(true), plain).sha256());
    }

    private static final String GOLDEN_SE =
            "be408ce33cc16b151c6be5983347c9ac547406aba69b15c8e2edd71e88757cf8";
    private static final String GOLDEN_RAND_FIX_U =
            "a65ee7f9f8e8a9cc895c275b23e5758dc2f9f42053a9cead87636712a52ec6a2";
    private static final String GOLDEN_DCT_ORTHONORMAL =
            "b65a25122bc5bc0af3177d56be81ca2d90127c37f2a28c4fa01baf425be1fd98";
    private static final String GOLDEN_RANDOM_KERNEL =
            "ae4c18422e466e0b4268542b1aaa6adb20de47d51d69b70b42e6f52658eb22e9";
    private static final String GOLDEN_PLAIN_COVARIANCE_ID =
            "1d6ed41d38ec9177ba8ede3f26eac6bc6feabe8c693246c05cd95274e85fccc8";
    private static final String GOLDEN_PCA =
            "0f7590ba131d4cdd77d4f6841e2e27606bebf84d1f14ca971dd5720844d7e52a";
    private static final String GOLDEN_EMPIRICAL_ORTHONORMAL =
            "83a51a778a2580a662144874d4de016377f959f03f4f897c68c2916e2c0815a5";
}
