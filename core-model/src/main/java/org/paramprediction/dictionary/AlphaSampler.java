package org.paramprediction.dictionary;

import java.util.Arrays;

/**
 * Draws the alpha subset: {@code atoms} distinct input indices, uniformly without replacement,
 * by a partial Fisher-Yates shuffle of the candidates (in ascending order) with
 * {@link SeededDraws#nextIndex}, then sorted ascending.
 *
 * <p>Inputs in {@code excluded} (zero-variance inputs of an empirical kernel) are not candidates.
 * If fewer than {@code atoms} candidates remain, every candidate is taken and the rest is drawn
 * the same way from the excluded inputs (the ridge keeps {@code K_aa + lambda I} positive
 * definite; the matching columns of {@code U} are zero).
 */
final class AlphaSampler {

    private AlphaSampler() {
    }

    /**
     * @param inputs   number of inputs {@code nv}
     * @param atoms    number of alpha points, {@code 1 <= atoms <= inputs}
     * @param excluded sorted distinct indices that are not candidates (may be empty)
     * @param draws    the alpha stream
     * @return sorted distinct indices in {@code [0, inputs)}
     */
    static int[] sample(int inputs, int atoms, int[] excluded, SeededDraws draws) {
        boolean[] isExcluded = new boolean[inputs];
        for (int i : excluded) {
            isExcluded[i] = true;
        }
        int[] candidates = new int[inputs - excluded.length];
        int n = 0;
        for (int i = 0; i < inputs; i++) {
            if (!isExcluded[i]) {
                candidates[n++] = i;
            }
        }
        int fromCandidates = Math.min(atoms, candidates.length);
        int[] alpha = new int[atoms];
        System.arraycopy(partialShuffle(candidates, fromCandidates, draws), 0, alpha, 0,
                fromCandidates);
        int rest = atoms - fromCandidates;
        if (rest > 0) {
            System.arraycopy(partialShuffle(excluded.clone(), rest, draws), 0, alpha,
                    fromCandidates, rest);
        }
        Arrays.sort(alpha);
        return alpha;
    }

    /** The first {@code k} entries of {@code pool} after a partial Fisher-Yates shuffle. */
    private static int[] partialShuffle(int[] pool, int k, SeededDraws draws) {
        for (int t = 0; t < k; t++) {
            int j = t + draws.nextIndex(pool.length - t);
            int swap = pool[t];
            pool[t] = pool[j];
            pool[j] = swap;
        }
        return Arrays.copyOf(pool, k);
    }
}
