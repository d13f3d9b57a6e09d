package org.paramprediction.distributed;

import java.util.List;
import org.paramprediction.layer.Param;
import org.paramprediction.layer.ParamVectors;
import org.paramprediction.train.MinibatchSgd;
import org.paramprediction.train.PassTotals;
import org.paramprediction.wire.ParamAverage;
import org.paramprediction.wire.ParamMessage;

/** What one worker task does in a round of {@link DataParallelPass}. */
final class Worker {

    private Worker() {}

    /**
     * Loads the broadcast parameters (and velocities, else zero velocity) into a pooled network,
     * runs the round's minibatches of partition {@code p}'s shuffled rows and returns its upload;
     * {@link ParamAverage#EMPTY} when the shard has no minibatch left in this round.
     */
    static ParamAverage round(PassSetup s, RoundTask t, int p) {
        WorkerModels.Model m = WorkerModels.borrow(s);
        try {
            int n = m.train.size();
            int partitions = s.settings.partitions();
            int from = Shards.from(n, partitions, p);
            int to = Shards.to(n, partitions, p);
            int batches = m.sgd.batches(to - from);
            int first = Math.min(t.firstBatch, batches);
            int end = Math.min(t.endBatch, batches);
            if (first >= end) {
                return ParamAverage.EMPTY;
            }
            ParamMessage in = ParamMessage.decode(t.message);
            List<Param> params = m.sgd.params();
            int count = in.params();
            ParamVectors.writeValues(in.values(), 0, params);
            if (in.hasVelocities()) {
                ParamVectors.writeGrads(in.values(), count, params);
            } else {
                params.forEach(q -> q.grad().assign(0));
            }
            int[] order = MinibatchSgd.shuffledRows(from, to, t.shardSeeds[p]);
            PassTotals totals = m.sgd.run(order, first, end, t.learningRate, t.momentum, s.stage, t.epoch);
            float[] out = new float[in.hasVelocities() ? 2 * count : count];
            ParamVectors.readValues(params, out, 0);
            if (in.hasVelocities()) {
                ParamVectors.readGrads(params, out, count);
            }
            return ParamAverage.leaf(p, new ParamMessage(in.encoding(), count, out, in.hasVelocities(), totals).encode());
        } finally {
            WorkerModels.giveBack(s, m);
        }
    }
}
