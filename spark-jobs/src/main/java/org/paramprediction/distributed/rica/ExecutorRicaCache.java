package org.paramprediction.distributed.rica;

import org.paramprediction.rica.RicaMapRecipe;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.paramprediction.rica.RicaObjective;

/**
 * Per executor JVM: the weight maps rebuilt from their recipes (by recipe), and one
 * {@link RicaObjective} per (problem, partition, block), built on the block's first evaluation and
 * reused after (its rows and scratch stay allocated). Only the objectives of the {@value #KEPT}
 * most recent problems are kept.
 *
 * <p>A rebuilt map is shared by the blocks of all tasks: {@code FactoredWeightMap} only reads its
 * {@code U} (the products go into the caller's arrays), {@code FullWeightMap} holds nothing.
 */
final class ExecutorRicaCache {

    private static final int KEPT = 2;
    private static final Map<RicaMapRecipe, RicaMapRecipe.Built> MAPS = new HashMap<>();
    private static final Map<String, Map<Long, RicaObjective>> OBJECTIVES = new LinkedHashMap<>();

    private ExecutorRicaCache() {}

    /**
     * The map of {@code setup}, rebuilt on first use in this JVM.
     *
     * @throws IllegalStateException if the rebuilt map's hash differs from the driver's
     */
    static RicaMapRecipe.Built map(RicaSetup setup, int partition) {
        RicaMapRecipe.Built built;
        synchronized (MAPS) {
            built = MAPS.computeIfAbsent(setup.recipe, RicaMapRecipe::build);
        }
        if (!built.hash().equals(setup.hash)) {
            throw new IllegalStateException("the weight map rebuilt from its recipe in partition " + partition
                    + " has hash " + built.hash() + " but the driver's has " + setup.hash + " ("
                    + built.map().describe() + "): the dictionaries differ between JVMs, refusing to train");
        }
        return built;
    }

    /** The objective of block {@code block} of {@code partition}, built from {@code rows} on first use. */
    static RicaObjective objective(RicaSetup setup, RicaMapRecipe.Built built, int partition, int block,
            double[] rows) {
        int n = built.map().inputs();
        if (rows.length == 0 || rows.length % n != 0) {
            throw new IllegalArgumentException("block " + block + " of partition " + partition + " has "
                    + rows.length + " values, not a positive multiple of the " + n + " inputs");
        }
        long id = ((long) partition << 32) | block;
        Map<Long, RicaObjective> problem;
        synchronized (OBJECTIVES) {
            problem = OBJECTIVES.get(setup.key);
            if (problem == null) {
                problem = new HashMap<>();
                OBJECTIVES.put(setup.key, problem);
                evictOld();
            }
        }
        synchronized (problem) {
            RicaObjective f = problem.get(id);
            if (f == null || f.rows() != rows.length / n) {
                f = new RicaObjective(rows, rows.length / n, built.map(), setup.lambda, setup.epsilon,
                        setup.totalRows);
                problem.put(id, f);
            }
            return f;
        }
    }

    private static void evictOld() {
        Iterator<String> it = OBJECTIVES.keySet().iterator();
        while (OBJECTIVES.size() > KEPT && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
