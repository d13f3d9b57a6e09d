package org.paramprediction.io;

/**
 * Input the user can fix (a config, a data path, an argument, an output directory in use): the CLI
 * exits 2 with the message alone. Everything else that escapes a command is a runtime failure (exit
 * 3, stack trace logged). The message names what was wrong, the rule and the value.
 */
public class BadInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
