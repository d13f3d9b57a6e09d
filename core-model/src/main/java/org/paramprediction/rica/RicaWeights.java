package org.paramprediction.rica;

import java.util.ArrayList;
import java.util.List;
import org.paramprediction.dictionary.DictionaryRecipe;
import org.paramprediction.layer.FactoredMap;
import org.paramprediction.train.LearnedWeights;

/**
 * RICA's learned parameters as rows of the {@code weights} table ({@link LearnedWeights}, layer 1), in
 * the layout of the networks' layers so that every reader of that table (the report's Figure 1, the
 * notebook) rebuilds the filters the same way: Full is one column with a FULL recipe and {@code v = W}
 * ({@code C p^2 x F}); a factored map has one row per column {@code j} with its recipe over the
 * {@code p x p} positions ({@code inputs = p^2}) and, as a tied conv layer, {@code units = C x F_j}:
 * column {@code f * C + c} of {@code U V} is filter {@code f}'s {@code p x p} slice in channel {@code c}.
 */
public final class RicaWeights {

    private RicaWeights() {
    }

    /**
     * @param recipe the run's map ({@link RicaPipeline.Outcome#map()})
     * @param result the run ({@code parameters} flat column-major: {@code W}, {@code n x F}, or {@code P},
     *               {@code C a x F})
     */
    public static List<LearnedWeights> of(RicaMapRecipe recipe, RicaResult result) {
        int features = recipe.features();
        if (recipe.isFull()) {
            int n = recipe.inputs();
            float[] w = new float[n * features];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) result.weights()[i]; // already row-major n x F
            }
            return List.of(new LearnedWeights(1, 1, DictionaryRecipe.full(n), n, n, features, w, null));
        }
        int channels = recipe.channels();
        List<DictionaryRecipe> columns = recipe.columns();
        int atoms = columns.get(0).atoms();
        int rows = channels * atoms;
        double[] p = result.parameters();
        int[] starts = FactoredMap.columnStarts(features, columns.size());
        List<LearnedWeights> out = new ArrayList<>(columns.size());
        for (int j = 0; j < columns.size(); j++) {
            int filters = starts[j + 1] - starts[j];
            int units = channels * filters;
            float[] v = new float[atoms * units];
            for (int f = 0; f < filters; f++) {
                for (int c = 0; c < channels; c++) {
                    for (int a = 0; a < atoms; a++) {
                        v[a * units + f * channels + c] = (float) p[(starts[j] + f) * rows + c * atoms + a];
                    }
                }
            }
            out.add(new LearnedWeights(1, j + 1, columns.get(j), columns.get(j).inputs(), atoms, units, v, null));
        }
        return out;
    }
}
