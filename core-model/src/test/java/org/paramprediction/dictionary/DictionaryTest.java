package org.paramprediction.dictionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DictionaryTest {

    private static final DictionaryRecipe RAND_FIX_U_3X2 = DictionaryRecipe.randFixU(3, 2, 1);
    private static final DictionaryRecipe RAND_CON_3X2 = DictionaryRecipe.randCon(3, 2, 1);

    /** SHA-256 of no bytes. */
    private static final String EMPTY_SHA256 =
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void floatColumnMajorPutsColumnsContiguously() {
        // U = [[1, 2], [3, 4], [5, 6]]  ->  column-major 1 3 5 2 4 6
        Dictionary d = new Dictionary(RAND_FIX_U_3X2, null, 0, new double[] {1, 2, 3, 4, 5, 6});
        float[] f = d.toFloatColumnMajor();
        assertEquals(6, f.length);
        float[] expected = {1, 3, 5, 2, 4, 6};
        for (int t = 0; t < 6; t++) {
            assertEquals(expected[t], f[t], 0.0f);
        }
        assertEquals(4.0, d.get(1, 1), 0.0);
        assertEquals(5.0, d.get(2, 0), 0.0);
        assertThrows(IndexOutOfBoundsException.class, () -> d.get(3, 0));
    }

    @Test
    void sha256DependsOnEveryBitOfU() {
        Dictionary a = new Dictionary(RAND_FIX_U_3X2, null, 0, new double[] {1, 2, 3, 4, 5, 6});
        Dictionary b = new Dictionary(RAND_FIX_U_3X2, null, 0,
                new double[] {1, 2, 3, 4, 5, Math.nextUp(6.0)});
        Dictionary signedZero = new Dictionary(RAND_FIX_U_3X2, null, 0,
                new double[] {-0.0, 2, 3, 4, 5, 6});
        Dictionary zero = new Dictionary(RAND_FIX_U_3X2, null, 0, new double[] {0.0, 2, 3, 4, 5, 6});
        assertEquals(64, a.sha256().length());
        assertNotEquals(a.sha256(), b.sha256());
        assertNotEquals(zero.sha256(), signedZero.sha256());
        assertEquals(EMPTY_SHA256, DictionaryBuilder.build(DictionaryRecipe.full(4), null).sha256());
    }

    @Test
    void arraysAreCopiedInAndOut() {
        double[] u = {1, 2, 3, 4, 5, 6};
        Dictionary d = new Dictionary(RAND_FIX_U_3X2, null, 0, u);
        u[0] = 99;
        d.u()[1] = 99;
        assertEquals(1.0, d.get(0, 0), 0.0);
        assertEquals(2.0, d.get(0, 1), 0.0);
        assertEquals(new Dictionary(RAND_FIX_U_3X2, null, 0, new double[] {1, 2, 3, 4, 5, 6}), d);
    }

    @Test
    void shapesInconsistentWithTheRecipeAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Dictionary(RAND_FIX_U_3X2, null, 0, new double[5]));
        assertTrue(e.getMessage().contains("u") && e.getMessage().contains("6")
                && e.getMessage().contains("5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Dictionary(RAND_CON_3X2, new int[] {2, 1}, 0, new double[6]));
        assertTrue(e.getMessage().contains("alpha[1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Dictionary(RAND_CON_3X2, new int[] {0}, 0, new double[6]));
        assertTrue(e.getMessage().contains("atoms=2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Dictionary(RAND_FIX_U_3X2, new int[] {0, 1}, 0, new double[6]));
        assertTrue(e.getMessage().contains("alpha must be null"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Dictionary(RAND_FIX_U_3X2, null, 4, new double[6]));
        assertTrue(e.getMessage().contains("excludedInputs") && e.getMessage().contains("4"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Dictionary(DictionaryRecipe.full(3), null, 0, new double[9]));
    }

    @Test
    void inputsAtomsAndToStringComeFromTheRecipe() {
        Dictionary d = DictionaryBuilder.build(DictionaryRecipe.randCon(30, 4, 2), null);
        assertEquals(30, d.inputs());
        assertEquals(4, d.atoms());
        assertTrue(d.toString().contains("RAND_CON 4/30"), d.toString());
    }
}
