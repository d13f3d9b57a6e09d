package org.paramprediction.results;

import java.io.Serializable;
import java.util.List;
import org.paramprediction.distributed.RoundMetrics;
import org.paramprediction.io.Machine;
import org.paramprediction.sweep.config.TrialSpec;
import org.paramprediction.train.EpochMetrics;
import org.paramprediction.train.LearnedWeights;

/**
 * What a trial task sends back to the driver: small values only, plus the learned parameters when
 * the sweep keeps them ({@code output.keep_weights}; else {@code weights} is empty). {@code status}
 * is OK or FAILED; a FAILED trial has its {@code error} and whatever epochs finished before it
 * failed. {@code rounds}
 * is empty except for data-parallel trials; {@code rica} is null except for RICA trials.
 */
public record TrialOutcome(
        TrialSpec spec,
        String status,
        String error,
        int bestEpoch,
        double bestValidError,
        double testError,
        double seconds,
        long paramsTotal,
        long paramsDynamic,
        double[] fractionLearned,
        int[] deadUnits,
        int[] excludedInputs,
        String recipes,
        List<EpochMetrics> epochs,
        Machine machine,
        long startMillis,
        long endMillis,
        List<RoundMetrics> rounds,
        List<LearnedWeights> weights,
        RicaMetrics rica)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public TrialOutcome {
        weights = weights == null ? List.of() : List.copyOf(weights);
    }

    /** A network trial's outcome. */
    public TrialOutcome(TrialSpec spec, String status, String error, int bestEpoch, double bestValidError,
            double testError, double seconds, long paramsTotal, long paramsDynamic, double[] fractionLearned,
            int[] deadUnits, int[] excludedInputs, String recipes, List<EpochMetrics> epochs, Machine machine,
            long startMillis, long endMillis, List<RoundMetrics> rounds, List<LearnedWeights> weights) {
        this(spec, status, error, bestEpoch, bestValidError, testError, seconds, paramsTotal, paramsDynamic,
                fractionLearned, deadUnits, excludedInputs, recipes, epochs, machine, startMillis, endMillis, rounds,
                weights, null);
    }

    /** An outcome without learned parameters. */
    public TrialOutcome(TrialSpec spec, String status, String error, int bestEpoch, double bestValidError,
            double testError, double seconds, long paramsTotal, long paramsDynamic, double[] fractionLearned,
            int[] deadUnits, int[] excludedInputs, String recipes, List<EpochMetrics> epochs, Machine machine,
            long startMillis, long endMillis, List<RoundMetrics> rounds) {
        this(spec, status, error, bestEpoch, bestValidError, testError, seconds, paramsTotal, paramsDynamic,
                fractionLearned, deadUnits, excludedInputs, recipes, epochs, machine, startMillis, endMillis, rounds,
                List.of(), null);
    }

    public static final String OK = "OK";
    public static final String FAILED = "FAILED";

    public boolean ok() {
        return OK.equals(status);
    }
}
