package org.paramprediction.cli;

/** Process exit codes of every command. */
final class ExitCodes {

    static final int OK = 0;
    static final int SOME_TRIALS_FAILED = 1;
    /** {@code bench}: a section failed (its error is a row of the table); the other sections still ran. */
    static final int SOME_SECTIONS_FAILED = 1;
    static final int BAD_INPUT = 2;

    private ExitCodes() {}
}
