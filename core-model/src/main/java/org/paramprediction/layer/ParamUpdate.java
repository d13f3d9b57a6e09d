package org.paramprediction.layer;

/**
 * What a training step does with a parameter once its gradient is final and the backward pass no
 * longer needs its old value: the optimizer's update. Layers call it at the end of their own
 * backward pass, so each update runs while the parameter and its gradient are still in cache
 * (docs/PERFORMANCE.md); the arithmetic is the same as updating everything after the step.
 */
@FunctionalInterface
public interface ParamUpdate {

    /** Leaves the gradients for the caller (gradient checks, benchmarks). */
    ParamUpdate NONE = p -> {};

    void apply(Param p);
}
