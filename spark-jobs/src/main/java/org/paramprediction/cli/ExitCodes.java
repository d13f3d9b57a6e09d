package org.paramprediction.cli;

import org.paramprediction.data.DatasetFormatException;
import org.paramprediction.io.BadInputException;

/** Process exit codes of every command, and which failures are the user's input. */
final class ExitCodes {

    static final int OK = 0;
    static final int SOME_TRIALS_FAILED = 1;
    /** {@code bench}: a section failed (its error is a row of the table); the other sections still ran. */
    static final int SOME_SECTIONS_FAILED = 1;
    /** A config, a data file, an argument or an output directory the user can fix; nothing was run. */
    static final int BAD_INPUT = 2;
    /** Anything else: I/O (a full disk, an unwritable output), a Spark job, a bug. Stack trace in a log. */
    static final int RUNTIME_FAILURE = 3;

    private ExitCodes() {}

    /**
     * {@link #BAD_INPUT} when {@code e} or one of its causes says the input was wrong (a config or
     * dataset error, also when Spark wrapped it), else {@link #RUNTIME_FAILURE}.
     */
    static int of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BadInputException || t instanceof DatasetFormatException) {
                return BAD_INPUT;
            }
        }
        return RUNTIME_FAILURE;
    }

    /** The message of the bad-input exception in {@code e}'s chain (Spark's wrapping removed). */
    static String badInputMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BadInputException || t instanceof DatasetFormatException) {
                return t.getMessage();
            }
        }
        return e.getMessage();
    }
}
