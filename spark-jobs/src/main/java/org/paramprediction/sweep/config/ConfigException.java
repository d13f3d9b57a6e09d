package org.paramprediction.sweep.config;

import java.util.List;
import org.paramprediction.io.BadInputException;

/**
 * A sweep config that cannot be used. It carries every problem found in the file (so that a user
 * can fix them all in one go); the accessors describe the first one. The message is one problem
 * per line, each {@code file:line: path rule but was value}.
 */
public final class ConfigException extends BadInputException {

    private static final long serialVersionUID = 1L;

    private final List<ConfigError> errors;

    public ConfigException(List<ConfigError> errors) {
        super(render(errors));
        this.errors = List.copyOf(errors);
    }

    public ConfigException(ConfigError error) {
        this(List.of(error));
    }

    private static String render(List<ConfigError> errors) {
        if (errors == null || errors.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one error");
        }
        if (errors.size() == 1) {
            return errors.get(0).message();
        }
        StringBuilder s = new StringBuilder()
                .append(errors.size()).append(" errors in ").append(errors.get(0).file()).append(':');
        for (ConfigError e : errors) {
            s.append("\n  ").append(e.message());
        }
        return s.toString();
    }

    /** All problems, in the order they were found (file order for a single pass). */
    public List<ConfigError> errors() {
        return errors;
    }

    public String file() {
        return errors.get(0).file();
    }

    /** 1-based line of the first problem, 0 when it concerns the whole file. */
    public int line() {
        return errors.get(0).line();
    }

    public String path() {
        return errors.get(0).path();
    }

    public String rule() {
        return errors.get(0).rule();
    }

    /** The first problem's bad value as written in the file, or null. */
    public String value() {
        return errors.get(0).value();
    }
}
