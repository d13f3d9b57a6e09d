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
 * is OK, FAILED, or STOPPED (by a scheduler, which also sets {@code rung} and {@code scheduler}; both
 * are null otherwise); a FAILED trial has its {@code error} and whatever epochs finished before it
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
        RicaMetrics rica,
        Integer rung,
        String scheduler)
        implements Serializable {

    private static final long serialVersionUID = 2L;

    public TrialOutcome {
        weights = weights == null ? List.of() : List.copyOf(weights);
    }

    /** An outcome of a sweep without a scheduler. */
    public TrialOutcome(TrialSpec spec, String status, String error, int bestEpoch, double bestValidError,
            double testError, double seconds, long paramsTotal, long paramsDynamic, double[] fractionLearned,
            int[] deadUnits, int[] excludedInputs, String recipes, List<EpochMetrics> epochs, Machine machine,
            long startMillis, long endMillis, List<RoundMetrics> rounds, List<LearnedWeights> weights,
            RicaMetrics rica) {
        this(spec, status, error, bestEpoch, bestValidError, testError, seconds, paramsTotal, paramsDynamic,
                fractionLearned, deadUnits, excludedInputs, recipes, epochs, machine, startMillis, endMillis, rounds,
                weights, rica, null, null);
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
    /** Stopped by a scheduler at rung {@link #rung()}: its epochs so far are its record. */
    public static final String STOPPED = "STOPPED";

    /**
     * This outcome of a scheduled trial: it reached rung {@code rung} of {@code scheduler} (a {@code
     * SweepScheduler.describe()} line), with its {@code seconds} replaced by the wall time of all its
     * segments and its {@code status} by {@code status}.
     */
    public TrialOutcome scheduled(String status, int rung, String scheduler, double seconds, long startMillis) {
        return new TrialOutcome(spec, status, error, bestEpoch, bestValidError, testError, seconds, paramsTotal,
                paramsDynamic, fractionLearned, deadUnits, excludedInputs, recipes, epochs, machine, startMillis,
                endMillis, rounds, weights, rica, rung, scheduler);
    }

    public boolean ok() {
        return OK.equals(status);
    }
}
