package org.paramprediction.data;

/**
 * Thrown when a dataset file does not follow its format (IDX, CIFAR-10 binary, STL-10 binary):
 * wrong size, bad header, out-of-range label, counts that disagree. The message always names the
 * file, the rule and the value found. A command line maps it to a usage-style exit code.
 */
public class DatasetFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception with the given (already file-qualified) message. */
    public DatasetFormatException(String message) {
        super(message);
    }
}
