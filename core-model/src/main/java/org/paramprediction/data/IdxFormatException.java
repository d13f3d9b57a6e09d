package org.paramprediction.data;

/**
 * Thrown when an IDX (MNIST-format) file is malformed: wrong magic number, implausible
 * dimensions, truncated data, trailing bytes or out-of-range labels. The message always names the
 * source, what was expected and what was found.
 */
public class IdxFormatException extends DatasetFormatException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception with the given (already source-qualified) message. */
    public IdxFormatException(String message) {
        super(message);
    }
}
