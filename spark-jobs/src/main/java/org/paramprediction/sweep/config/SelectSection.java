package org.paramprediction.sweep.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.paramprediction.sweep.config.SweepDraft.Axis;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The {@code select} section as read, with where each value came from, and its rules: {@code over}
 * (required) names sweep axes with at least 2 values, {@code metric} (default {@code
 * best_valid_error}) is a validation metric, {@code repeats} (required) is >= 1 and replaces the
 * top-level {@code repeats} (giving both is an error, reported by {@link SweepReader}).
 */
final class SelectSection {

    static final String SECTION = "select";
    private static final List<String> KEYS = List.of("over", "metric", "repeats");

    /** One entry of {@code select.over}. */
    record Over(String path, int line, String at) {}

    private final List<Over> over;
    private final SelectMetric metric;
    private final int repeats;

    private SelectSection(List<Over> over, SelectMetric metric, int repeats) {
        this.over = List.copyOf(over);
        this.metric = metric;
        this.repeats = repeats;
    }

    /** The section under {@code tuple} (not null); problems are reported, placeholders stand in for bad values. */
    static SelectSection read(YamlTree tree, ValueReader reader, ErrorCollector errors, NodeTuple tuple) {
        int line = ErrorCollector.line(tuple.getKeyNode());
        Map<String, NodeTuple> entries = tree.entries(tuple.getValueNode(), SECTION, KEYS);
        if (entries == null) {
            return new SelectSection(List.of(), SelectMetric.BEST_VALID_ERROR, 1);
        }
        List<Over> over = readOver(tree, reader, errors, entries.get("over"), line);
        SelectMetric metric = readMetric(reader, errors, entries.get("metric"));
        NodeTuple r = entries.get("repeats");
        Object repeats = ValueReader.INVALID;
        if (r == null) {
            errors.add(line, SECTION + ".repeats", "is required (seeds of the chosen value; it replaces the top-level "
                    + "repeats)", null);
        } else {
            repeats = reader.read(r.getValueNode(), ValueType.INT, false, Rule.atLeast(1), SECTION + ".repeats");
        }
        return new SelectSection(over, metric, repeats instanceof Integer n ? n : 1);
    }

    private static List<Over> readOver(YamlTree tree, ValueReader reader, ErrorCollector errors, NodeTuple t,
            int sectionLine) {
        String path = SECTION + ".over";
        if (t == null) {
            errors.add(sectionLine, path, "is required (the keys to choose, e.g. [training.learning_rate])", null);
            return List.of();
        }
        Node v = t.getValueNode();
        if (!tree.untagged(v, path)) {
            return List.of();
        }
        if (!(v instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            errors.add(v, path, "must be a non-empty list of sweep keys, e.g. [training.learning_rate]",
                    YamlTree.show(v));
            return List.of();
        }
        List<Over> out = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node n = seq.getValue().get(i);
            String at = path + "[" + i + "]";
            if (reader.read(n, ValueType.STRING, false, Rule.nonBlank(), at) instanceof String key) {
                if (out.stream().anyMatch(o -> o.path().equals(key))) {
                    errors.add(n, at, "must not repeat a key", key);
                } else {
                    out.add(new Over(key, ErrorCollector.line(n), at));
                }
            }
        }
        return out;
    }

    private static SelectMetric readMetric(ValueReader reader, ErrorCollector errors, NodeTuple t) {
        if (t == null) {
            return SelectMetric.BEST_VALID_ERROR;
        }
        String path = SECTION + ".metric";
        Object v = reader.read(t.getValueNode(), ValueType.STRING, false, Rule.ANY, path);
        if (!(v instanceof String name)) {
            return SelectMetric.BEST_VALID_ERROR;
        }
        SelectMetric m = SelectMetric.byKey(name);
        if (m == null) {
            String rule = name.startsWith("test")
                    ? "must be a validation metric, one of " + SelectMetric.keys() + ": only validation data may "
                            + "choose (a choice made on the test set biases the test error it then reports)"
                    : "must be one of " + SelectMetric.keys();
            errors.add(t.getValueNode(), path, rule, name);
            return SelectMetric.BEST_VALID_ERROR;
        }
        return m;
    }

    /**
     * Reports every over key that is not an axis with at least 2 values of the sweep (of some
     * variant's product, when the sweep has {@code variants}).
     */
    void checkOver(List<List<Axis>> axisSets, ErrorCollector errors) {
        List<String> varied = axisSets.stream().flatMap(List::stream).filter(a -> a.values().size() >= 2)
                .map(a -> a.field().path()).distinct().toList();
        for (Over o : over) {
            SweepField f = SweepField.byPath(o.path());
            int most = f == null ? -1 : axisSets.stream().flatMap(List::stream).filter(a -> a.field() == f)
                    .mapToInt(a -> a.values().size()).max().orElse(-1);
            if (most < 0) {
                errors.add(o.line(), o.at(), "must name a key the sweep varies (a grid key, or method, fraction or "
                        + "columns given as a list): one of " + varied, o.path());
            } else if (most < 2) {
                errors.add(o.line(), o.at(), "must name a key with at least 2 values to choose from (" + o.path()
                        + " has " + most + ")", o.path());
            }
        }
    }

    /** The over keys as fields (after {@link #checkOver} found no problem). */
    List<SweepField> fields() {
        return over.stream().map(o -> SweepField.byPath(o.path())).toList();
    }

    List<String> paths() {
        return over.stream().map(Over::path).toList();
    }

    SelectMetric metric() {
        return metric;
    }

    int repeats() {
        return repeats;
    }
}
