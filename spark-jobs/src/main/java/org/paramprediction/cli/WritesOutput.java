package org.paramprediction.cli;

/** A command with an output root: a runtime failure's stack trace goes to {@code <root>/logs/}. */
interface WritesOutput {

    /** The output root as given (any Hadoop path), or null when the command has not parsed it. */
    String outputRoot();
}
