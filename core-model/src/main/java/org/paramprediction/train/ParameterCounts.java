package org.paramprediction.train;

import java.io.Serializable;
import java.util.List;
import org.paramprediction.layer.WeightedLayer;
import org.paramprediction.layer.Network;

/**
 * Parameter counts of a network. {@code total} counts every weight and bias the network uses (a
 * factored layer counts its {@code inputs x outputs} predicted weights), {@code dynamic} only those
 * learned ({@code V}, biases, the classifier; and {@code U} when it is learned: LowRank, alternating
 * optimisation). {@code fractionLearned[l]}
 * is weighted layer l's learned weights over the size of its {@code W} (biases excluded).
 */
public record ParameterCounts(long total, long dynamic, double[] fractionLearned) implements Serializable {

    private static final long serialVersionUID = 1L;

    public static ParameterCounts of(Network net) {
        List<WeightedLayer> hidden = net.weighted();
        long total = 0;
        long dynamic = 0;
        double[] fraction = new double[hidden.size()];
        for (int l = 0; l < hidden.size(); l++) {
            WeightedLayer layer = hidden.get(l);
            long weights = (long) layer.map().inputs() * layer.map().outputs();
            long learned = layer.map().dynamicWeights();
            long biases = layer.bias().length();
            total += weights + biases;
            dynamic += learned + biases;
            fraction[l] = (double) learned / weights;
        }
        long head = (long) net.output().inputs() * net.output().classes() + net.output().classes();
        return new ParameterCounts(total + head, dynamic + head, fraction);
    }
}
