package org.paramprediction.train;

/**
 * Training stopped because its thread was interrupted (e.g. a trial's time limit ran out, or its
 * Spark job was cancelled). Checked between minibatches, so it stops within one minibatch; the
 * network is left as the last complete minibatch made it.
 */
public final class TrainingInterrupted extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TrainingInterrupted(String where) {
        super("training was interrupted at " + where);
    }
}
