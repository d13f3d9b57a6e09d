package org.paramprediction.distributed;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.paramprediction.data.Dataset;
import org.paramprediction.io.DatasetCache;
import org.paramprediction.layer.Network;
import org.paramprediction.layer.UHashes;
import org.paramprediction.train.MinibatchSgd;
import org.paramprediction.train.NetworkBuilder;

/**
 * Per executor JVM: networks rebuilt from a stage's recipe, pooled so that concurrent tasks each
 * get their own and later rounds reuse them (their parameters are overwritten every round). Only
 * the pools of the two most recent stages are kept.
 */
final class WorkerModels {

    /** A rebuilt network, its SGD loop over the whole training set and the hashes of its dictionaries. */
    static final class Model {
        final Network net;
        final MinibatchSgd sgd;
        final Dataset train;
        final List<String> uHashes;

        Model(Network net, MinibatchSgd sgd, Dataset train, List<String> uHashes) {
            this.net = net;
            this.sgd = sgd;
            this.train = train;
            this.uHashes = uHashes;
        }
    }

    private static final int KEPT_STAGES = 2;
    private static final Map<String, Deque<Model>> POOLS = new LinkedHashMap<>();

    private WorkerModels() {}

    static Model borrow(PassSetup s) {
        synchronized (POOLS) {
            Deque<Model> pool = POOLS.computeIfAbsent(s.key, k -> new ArrayDeque<>());
            Model m = pool.poll();
            evictOld();
            if (m != null) {
                return m;
            }
        }
        Nd4j.factory().blas().setMaxThreads(1);
        Dataset train = DatasetCache.get(s.data, s.hadoop).train();
        Network net = NetworkBuilder.network(s.recipe, s.recipe.dictionaries(), DataType.FLOAT);
        return new Model(net, new MinibatchSgd(net, train, s.cfg), train, UHashes.of(net));
    }

    static void giveBack(PassSetup s, Model m) {
        synchronized (POOLS) {
            Deque<Model> pool = POOLS.get(s.key);
            if (pool != null) {
                pool.push(m);
            }
        }
    }

    private static void evictOld() {
        Iterator<String> it = POOLS.keySet().iterator();
        while (POOLS.size() > KEPT_STAGES && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
