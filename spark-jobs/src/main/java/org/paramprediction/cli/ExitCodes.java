package org.paramprediction.cli;

/** Process exit codes of every command. */
final class ExitCodes {

    static final int OK = 0;
    static final int SOME_TRIALS_FAILED = 1;
    static final int BAD_INPUT = 2;

    private ExitCodes() {}
}
