package org.paramprediction.sweep.config;

import java.io.Serializable;

/**
 * One problem in a sweep config file, rendered as {@code file:line: path rule but was value}, e.g.
 * {@code conf/sweeps/x.yaml:12: training.learning_rate must be > 0 but was -0.1}.
 *
 * @param file  the file name as given to the loader
 * @param line  1-based line of the offending node, or 0 when the problem concerns the whole file
 * @param path  YAML path with list indices, e.g. {@code grid.fraction[3]}; empty for syntax errors
 * @param rule  what is required, e.g. {@code must be > 0}
 * @param value the bad value as written in the file, or null when there is none (a missing key)
 */
public record ConfigError(String file, int line, String path, String rule, String value)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public ConfigError {
        if (file == null || path == null || rule == null) {
            throw new IllegalArgumentException("file, path and rule must be set");
        }
    }

    /** {@code file:line: path rule but was value} (parts that are absent are left out). */
    public String message() {
        StringBuilder s = new StringBuilder(file);
        if (line > 0) {
            s.append(':').append(line);
        }
        s.append(": ");
        if (!path.isEmpty()) {
            s.append(path).append(' ');
        }
        s.append(rule);
        if (value != null) {
            s.append(" but was ").append(value);
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return message();
    }
}
