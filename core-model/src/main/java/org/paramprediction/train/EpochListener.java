package org.paramprediction.train;

/** Called after every epoch (progress lines, metrics sinks). */
@FunctionalInterface
public interface EpochListener {

    void onEpoch(EpochMetrics metrics);

    EpochListener NONE = m -> {};
}
