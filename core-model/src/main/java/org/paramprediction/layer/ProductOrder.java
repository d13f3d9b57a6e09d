package org.paramprediction.layer;

/**
 * Which way a factored layer multiplies {@code X U V}: {@code (X U) V} or {@code X (U V)}. AUTO
 * picks, for each step, the one with fewer floating-point operations for the shapes at hand
 * (forward and backward together).
 */
public enum ProductOrder {
    AUTO,
    XU_FIRST,
    UV_FIRST
}
