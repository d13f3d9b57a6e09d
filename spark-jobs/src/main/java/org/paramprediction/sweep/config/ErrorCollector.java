package org.paramprediction.sweep.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** Collects the problems of one config file so that they can all be reported at once. */
final class ErrorCollector {

    private final String file;
    private final Set<ConfigError> errors = new LinkedHashSet<>();

    ErrorCollector(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    /** 1-based line of a node. */
    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    void add(Node node, String path, String rule, String value) {
        add(line(node), path, rule, value);
    }

    void add(int line, String path, String rule, String value) {
        errors.add(new ConfigError(file, line, path, rule, value));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Throws one {@link ConfigException} with every problem, ordered by line, if there is any. */
    void throwIfAny() {
        if (!errors.isEmpty()) {
            List<ConfigError> sorted = new ArrayList<>(errors);
            sorted.sort(Comparator.comparingInt(ConfigError::line));
            throw new ConfigException(sorted);
        }
    }
}
