package org.paramprediction.sweep.config;

import java.util.List;
import java.util.Map;
import org.paramprediction.train.Alternation;
import org.paramprediction.train.Growth;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Reads the two mappings that change how a factored layer learns: {@code training.alternate: {v_epochs,
 * u_epochs}} (both integers >= 1) and {@code dictionary.grow: {to, every, step}} ({@code to} in (0, 1],
 * {@code every} >= 1, {@code step} > 0). Every key is required and no other is allowed; each problem is
 * reported with the key's path (e.g. {@code training.alternate.u_epochs}).
 */
final class FactorSettingsReader {

    private static final List<String> ALTERNATE_KEYS = List.of("v_epochs", "u_epochs");
    private static final List<String> GROW_KEYS = List.of("to", "every", "step");

    private final YamlTree tree;
    private final ErrorCollector errors;
    private final ValueReader values;

    FactorSettingsReader(YamlTree tree, ErrorCollector errors, ValueReader values) {
        this.tree = tree;
        this.errors = errors;
        this.values = values;
    }

    /** An {@link Alternation} or a {@link Growth}, or {@link ValueReader#INVALID} after reporting. */
    Object read(Node node, ValueType type, String path) {
        boolean alternate = type == ValueType.ALTERNATE;
        Map<String, NodeTuple> entries = tree.entries(node, path, alternate ? ALTERNATE_KEYS : GROW_KEYS);
        if (entries == null) {
            return ValueReader.INVALID;
        }
        if (alternate) {
            Object v = key(entries, node, path, "v_epochs", ValueType.INT, Rule.atLeast(1));
            Object u = key(entries, node, path, "u_epochs", ValueType.INT, Rule.atLeast(1));
            return v == ValueReader.INVALID || u == ValueReader.INVALID ? ValueReader.INVALID
                    : new Alternation((Integer) v, (Integer) u);
        }
        Object to = key(entries, node, path, "to", ValueType.DOUBLE, Rule.fraction());
        Object every = key(entries, node, path, "every", ValueType.INT, Rule.atLeast(1));
        Object step = key(entries, node, path, "step", ValueType.DOUBLE, Rule.positive());
        return to == ValueReader.INVALID || every == ValueReader.INVALID || step == ValueReader.INVALID
                ? ValueReader.INVALID
                : new Growth(((Number) to).doubleValue(), (Integer) every, ((Number) step).doubleValue());
    }

    private Object key(Map<String, NodeTuple> entries, Node mapping, String path, String key, ValueType type,
            Rule rule) {
        NodeTuple t = entries.get(key);
        if (t == null) {
            String what = ALTERNATE_KEYS.contains(key) ? ValueType.ALTERNATE.description()
                    : ValueType.GROW.description();
            errors.add(mapping, path + "." + key, "must be set (" + path + " is " + what + ")", null);
            return ValueReader.INVALID;
        }
        return values.read(t.getValueNode(), type, false, rule, path + "." + key);
    }
}
