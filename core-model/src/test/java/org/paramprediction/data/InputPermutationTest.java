package org.paramprediction.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class InputPermutationTest {

    @Test
    void isABijectionOfZeroToD() {
        int[] order = InputPermutation.random(784, 42L).order();
        boolean[] seen = new boolean[784];
        for (int v : order) {
            assertFalse(seen[v], "duplicate " + v);
            seen[v] = true;
        }
        assertEquals(784, order.length);
    }

    @Test
    void isReproducibleFromItsSeed() {
        InputPermutation p = InputPermutation.random(784, 123L);
        assertEquals(123L, p.seed());
        assertArrayEquals(p.order(), InputPermutation.random(784, p.seed()).order());
    }

    @Test
    void differentSeedsGiveDifferentPermutations() {
        int[] a = InputPermutation.random(784, 1L).order();
        int[] b = InputPermutation.random(784, 2L).order();
        assertFalse(Arrays.equals(a, b));
        int[] identity = new int[784];
        Arrays.setAll(identity, i -> i);
        assertFalse(Arrays.equals(a, identity));
    }

    @Test
    void applyMapsDstIToSrcOrderI() {
        InputPermutation p = InputPermutation.random(5, 9L);
        byte[] src = {99, 10, 11, 12, 13, 14};
        byte[] dst = new byte[7];
        p.apply(src, 1, dst, 2);
        int[] order = p.order();
        for (int i = 0; i < 5; i++) {
            assertEquals(src[1 + order[i]], dst[2 + i]);
        }
        assertThrows(IndexOutOfBoundsException.class, () -> p.apply(src, 2, dst, 0));
    }

    @Test
    void orderReturnsADefensiveCopy() {
        InputPermutation p = InputPermutation.random(4, 0L);
        int[] o = p.order();
        o[0] = -1;
        assertTrue(p.order()[0] >= 0);
    }
}
