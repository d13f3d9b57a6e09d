package org.paramprediction.sweep.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.paramprediction.sweep.config.SweepDraft.Axis;
import org.paramprediction.sweep.config.SweepDraft.Setting;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Walks a sweep file's node tree into a {@link SweepDraft}: checks keys, types and ranges of every
 * value, fills in defaults, and collects the axes. Every problem is reported, none is thrown.
 */
final class SweepReader {

    static final String NAME_PATTERN = "[a-z0-9][a-z0-9_-]{0,63}";
    private static final List<String> SECTIONS = List.of("dataset", "model", "dictionary", "training",
            "distributed");
    private static final List<String> TOP_KEYS = List.of("name", "dataset", "model", "dictionary", "training", "distributed",
            "method", "fraction", "columns", "grid", "variants", "repeats", SweepOutput.SECTION, SelectSection.SECTION,
            SchedulerSection.SECTION);
    private static final List<SweepField> TOP_FIELDS = List.of(SweepField.METHOD, SweepField.FRACTION,
            SweepField.COLUMNS);

    private final YamlTree tree;
    private final ErrorCollector errors;
    private final ValueReader reader;
    private final int rootLine;
    private final Map<SweepField, Setting> base = new EnumMap<>(SweepField.class);
    private final Map<SweepField, Axis> topLists = new EnumMap<>(SweepField.class);
    private final Map<SweepField, Axis> grid = new LinkedHashMap<>();
    /** Each entry of {@code variants}: its keys in file order, each a one- or more-value axis. */
    private final List<Map<SweepField, Axis>> variants = new ArrayList<>();
    private SweepOutput output = SweepOutput.DEFAULT;
    private SchedulerSection scheduler;

    SweepReader(YamlTree tree, ErrorCollector errors) {
        this.tree = tree;
        this.errors = errors;
        this.reader = new ValueReader(tree, errors);
        this.rootLine = ErrorCollector.line(tree.root());
    }

    /** The draft, or null if the document is not even a mapping (reported). */
    SweepDraft read() {
        Map<String, NodeTuple> top = tree.entries(tree.root(), "", TOP_KEYS);
        if (top == null) {
            return null;
        }
        Object name = required(top, "name", ValueType.STRING, Rule.matches(NAME_PATTERN));
        NodeTuple selectTuple = top.get(SelectSection.SECTION);
        SelectSection select = selectTuple == null ? null : SelectSection.read(tree, reader, errors, selectTuple);
        Object repeats = select == null ? required(top, "repeats", ValueType.INT, Rule.atLeast(1))
                : selectRepeats(top.get("repeats"), select);
        for (String section : SECTIONS) {
            readSection(section, top.get(section));
        }
        for (SweepField f : TOP_FIELDS) {
            readTopLevel(f, top.get(f.path()));
        }
        readGrid(top.get("grid"));
        readVariants(top.get("variants"));
        output = SweepOutput.read(tree, reader, top.get(SweepOutput.SECTION));
        scheduler = SchedulerSection.read(tree, reader, errors, top.get(SchedulerSection.SECTION));
        untieLengthScale();
        List<List<Axis>> axisSets = axisSets(axes());
        if (select != null) {
            select.checkOver(axisSets, errors);
        }
        tree.reportRemainingTags();
        List<String> keys = new ArrayList<>(grid.keySet().stream().map(SweepField::path).toList());
        variants.forEach(m -> m.keySet().stream().filter(f -> !TOP_FIELDS.contains(f)).map(SweepField::path)
                .filter(k -> !keys.contains(k)).forEach(keys::add));
        return new SweepDraft(name instanceof String s ? s : "invalid-name",
                repeats instanceof Integer r ? r : 1, base, axisSets, keys, select);
    }

    /** {@code select.repeats}, after reporting a top-level {@code repeats} given as well. */
    private Object selectRepeats(NodeTuple topRepeats, SelectSection select) {
        if (topRepeats != null) {
            errors.add(topRepeats.getKeyNode(), "repeats", "must not be given with select (select.repeats replaces "
                    + "it: the chosen value runs select.repeats seeds)", YamlTree.show(topRepeats.getValueNode()));
        }
        return select.repeats();
    }

    /** The {@code scheduler} section as read by {@link #read}: null when absent, {@code none} or invalid. */
    SchedulerSection scheduler() {
        return scheduler;
    }

    /** The {@code output} section as read by {@link #read} (defaults when absent or invalid). */
    SweepOutput output() {
        return output;
    }

    private Object required(Map<String, NodeTuple> top, String key, ValueType type, Rule rule) {
        NodeTuple t = top.get(key);
        if (t == null) {
            errors.add(rootLine, key, "is required", null);
            return ValueReader.INVALID;
        }
        return reader.read(t.getValueNode(), type, false, rule, key);
    }

    private void readSection(String section, NodeTuple tuple) {
        List<String> keys = SweepField.keys(section);
        Map<String, NodeTuple> entries = tuple == null ? Map.of()
                : tree.entries(tuple.getValueNode(), section, keys);
        int line = tuple == null ? rootLine : ErrorCollector.line(tuple.getKeyNode());
        for (String key : keys) {
            SweepField f = SweepField.byPath(section + "." + key);
            NodeTuple t = entries == null ? null : entries.get(key);
            if (t != null) {
                Node v = t.getValueNode();
                base.put(f, new Setting(reader.read(v, f, f.path()), f.path(), ErrorCollector.line(v),
                        YamlTree.show(v), false));
            } else {
                base.put(f, new Setting(f.defaultValue(), f.path(), line, show(f.defaultValue()), true));
            }
        }
    }

    private void readTopLevel(SweepField f, NodeTuple tuple) {
        if (tuple == null) {
            return;
        }
        Node v = tuple.getValueNode();
        if (v instanceof SequenceNode seq && tree.untagged(v, f.path())) {
            topLists.put(f, readList(f, seq, f.path()));
        } else {
            base.put(f, new Setting(reader.read(v, f, f.path()), f.path(), ErrorCollector.line(v), YamlTree.show(v),
                    false));
        }
    }

    private void readGrid(NodeTuple tuple) {
        if (tuple == null) {
            return;
        }
        Map<String, NodeTuple> entries = tree.entries(tuple.getValueNode(), "grid", SweepField.paths());
        if (entries == null) {
            return;
        }
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            SweepField f = SweepField.byPath(e.getKey());
            String path = "grid." + f.path();
            Node v = e.getValue().getValueNode();
            Axis elsewhere = topLists.get(f);
            if (elsewhere != null) {
                errors.add(e.getValue().getKeyNode(), path, "must not be given both here and as a list at the top "
                        + "level (line " + elsewhere.values().get(0).line() + ")", null);
            } else if (!tree.untagged(v, path)) {
                continue;
            } else if (v instanceof SequenceNode seq) {
                grid.put(f, readList(f, seq, path));
            } else {
                errors.add(v, path, "must be a list of values of " + f.path(), YamlTree.show(v));
            }
        }
    }

    /**
     * {@code variants}: a list of mappings like {@code grid} (each value a list of values).
     * The sweep is the union of one product per variant, each over the sweep's axes with the
     * variant's keys replacing (or adding) axes.
     */
    private void readVariants(NodeTuple tuple) {
        if (tuple == null) {
            return;
        }
        Node v = tuple.getValueNode();
        if (!tree.untagged(v, "variants")) {
            return;
        }
        if (!(v instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            errors.add(v, "variants", "must be a non-empty list of mappings of grid keys to lists of values",
                    YamlTree.show(v));
            return;
        }
        for (int i = 0; i < seq.getValue().size(); i++) {
            String at = "variants[" + i + "]";
            Map<String, NodeTuple> entries = tree.entries(seq.getValue().get(i), at, SweepField.paths());
            if (entries == null) {
                continue;
            }
            Node node = seq.getValue().get(i);
            if (entries.isEmpty() && !(node instanceof MappingNode m && !m.getValue().isEmpty())) {
                errors.add(node, at, "must give at least one key", YamlTree.show(node));
                continue;
            }
            Map<SweepField, Axis> variant = new LinkedHashMap<>();
            for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
                SweepField f = SweepField.byPath(e.getKey());
                String path = at + "." + f.path();
                Node n = e.getValue().getValueNode();
                if (!tree.untagged(n, path)) {
                    continue;
                }
                if (n instanceof SequenceNode list) {
                    variant.put(f, readList(f, list, path));
                } else {
                    errors.add(n, path, "must be a list of values of " + f.path() + " (as under grid)", YamlTree.show(n));
                }
            }
            variants.add(variant);
        }
    }

    /** The axes of each variant (the sweep's axes with the variant's replacing or added); one set without variants. */
    private List<List<Axis>> axisSets(List<Axis> common) {
        if (variants.isEmpty()) {
            return List.of(common);
        }
        List<List<Axis>> out = new ArrayList<>();
        for (Map<SweepField, Axis> variant : variants) {
            List<Axis> axes = new ArrayList<>();
            for (Axis a : common) {
                axes.add(variant.getOrDefault(a.field(), a));
            }
            variant.values().stream().filter(a -> common.stream().noneMatch(c -> c.field() == a.field()))
                    .forEach(axes::add);
            untieLengthScale(variant, axes);
            out.add(axes);
        }
        return out;
    }

    /**
     * A variant that gives {@code length_scale_factor} while {@code length_scale} keeps its default
     * (2.0) means a tied length scale in that product only: its {@code length_scale} becomes null there.
     */
    private void untieLengthScale(Map<SweepField, Axis> variant, List<Axis> axes) {
        Setting ls = base.get(SweepField.LENGTH_SCALE);
        if (variant.containsKey(SweepField.LENGTH_SCALE_FACTOR) && !variant.containsKey(SweepField.LENGTH_SCALE)
                && !grid.containsKey(SweepField.LENGTH_SCALE) && ls.defaulted() && ls.value() != null) {
            Setting at = variant.get(SweepField.LENGTH_SCALE_FACTOR).values().stream().findFirst().orElse(ls);
            axes.add(new Axis(SweepField.LENGTH_SCALE, List.of(new Setting(null, ls.path(), at.line(), "null", true))));
        }
    }

    /** The valid values of a non-empty list without repeats; problems are reported. */
    private Axis readList(SweepField f, SequenceNode seq, String path) {
        if (seq.getValue().isEmpty()) {
            errors.add(seq, path, "must not be empty", "[]");
        }
        List<Setting> out = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node n = seq.getValue().get(i);
            String p = path + "[" + i + "]";
            Object v = reader.read(n, f, p);
            if (v == ValueReader.INVALID) {
                continue;
            }
            Setting s = new Setting(v, p, ErrorCollector.line(n), YamlTree.show(n), false);
            Setting same = out.stream().filter(o -> Objects.equals(o.value(), v)).findFirst().orElse(null);
            if (same != null) {
                errors.add(n, p, "must not repeat a value (same as " + same.path() + ")", s.shown());
            } else {
                out.add(s);
            }
        }
        return new Axis(f, out);
    }

    /** length_scale defaults to 2.0 only when length_scale_factor is neither given nor in the grid. */
    private void untieLengthScale() {
        Setting ls = base.get(SweepField.LENGTH_SCALE);
        Setting lsf = base.get(SweepField.LENGTH_SCALE_FACTOR);
        if (ls.defaulted() && (lsf.value() != null || grid.containsKey(SweepField.LENGTH_SCALE_FACTOR))) {
            base.put(SweepField.LENGTH_SCALE, new Setting(null, ls.path(), ls.line(), "null", true));
        }
    }

    /** method, fraction, columns (from the grid, a top-level list or a scalar), then the other grid keys. */
    private List<Axis> axes() {
        List<Axis> axes = new ArrayList<>();
        for (SweepField f : TOP_FIELDS) {
            Axis a = grid.containsKey(f) ? grid.get(f) : topLists.get(f);
            if (a == null && base.containsKey(f)) {
                a = new Axis(f, List.of(base.get(f)));
            }
            if (a == null && !variants.isEmpty() && variants.stream().allMatch(m -> m.containsKey(f))) {
                continue; // every variant gives it
            }
            if (a == null) {
                errors.add(rootLine, f.path(), "is required (" + f.type().description() + " or a list of them)", null);
            } else {
                axes.add(a);
            }
        }
        grid.values().stream().filter(a -> !TOP_FIELDS.contains(a.field())).forEach(axes::add);
        return axes;
    }

    private static String show(Object value) {
        return value == null ? "null" : CanonicalJson.render(value);
    }
}
