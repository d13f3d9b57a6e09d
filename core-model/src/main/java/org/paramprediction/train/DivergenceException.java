package org.paramprediction.train;

/** Training produced a non-finite loss (learning rate too high, or a broken dictionary). */
public final class DivergenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DivergenceException(String message) {
        super(message);
    }
}
