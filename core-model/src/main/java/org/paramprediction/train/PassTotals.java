package org.paramprediction.train;

/** Summed loss, misclassified rows and rows seen over some minibatches. */
public record PassTotals(double lossSum, long errors, long examples) {

    public static final PassTotals ZERO = new PassTotals(0, 0, 0);

    public PassTotals plus(PassTotals o) {
        return new PassTotals(lossSum + o.lossSum, errors + o.errors, examples + o.examples);
    }
}
