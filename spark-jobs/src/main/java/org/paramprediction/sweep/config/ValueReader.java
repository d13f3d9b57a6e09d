package org.paramprediction.sweep.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one typed value from a YAML node, checks its {@link Rule} and reports any problem with the
 * node's line. Strict: a quoted {@code "5"} is not an integer, {@code yes} is not a boolean, and
 * numbers must be plain decimal ({@code 10}, {@code -0.5}, {@code .5}, {@code 1e-3}): YAML 1.1
 * would read {@code 010} as 8, {@code 0x1F} as 31, {@code 1_000} as 1000 and {@code 1:30} as 90,
 * and YAML 1.2 reads some of them differently, so those are refused naming what YAML 1.1 makes of
 * them. A string written as a number, boolean or date ({@code name: yes}) is told to be quoted.
 */
final class ValueReader {

    /** Returned (after reporting) for a value that could not be read. */
    static final Object INVALID = new Object() {
        @Override
        public String toString() {
            return "<invalid>";
        }
    };

    private static final Pattern DECIMAL_INT = Pattern.compile("[-+]?(0|[1-9][0-9]*)");
    private static final Pattern DECIMAL_FLOAT =
            Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern INFINITY = Pattern.compile("[-+]?\\.(inf|Inf|INF)");

    private final YamlTree tree;
    private final ErrorCollector errors;

    ValueReader(YamlTree tree, ErrorCollector errors) {
        this.tree = tree;
        this.errors = errors;
    }

    /** The value of {@code node} as {@code field}'s type, or {@link #INVALID}. */
    Object read(Node node, SweepField field, String path) {
        return read(node, field.type(), field.nullable(), field.rule(), path);
    }

    Object read(Node node, ValueType type, boolean nullable, Rule rule, String path) {
        if (!tree.untagged(node, path)) {
            return INVALID;
        }
        if (YamlTree.isNull(node)) {
            if (nullable) {
                return null;
            }
            return fail(node, path, "must be " + type.description(), "null");
        }
        if (type == ValueType.INT_LIST) {
            return readIntList(node, rule, path);
        }
        if (type == ValueType.CONV_LIST) {
            return readConvList(node, path);
        }
        if (type == ValueType.RICA) {
            return new RicaSettingsReader(tree, errors, this).read(node, path);
        }
        if (type == ValueType.ALTERNATE || type == ValueType.GROW) {
            return new FactorSettingsReader(tree, errors, this).read(node, type, path);
        }
        if (!(node instanceof ScalarNode s)) {
            String hint = node instanceof SequenceNode ? " (to sweep over several values, list them under grid)" : "";
            return fail(node, path, "must be " + type.description() + hint, YamlTree.show(node));
        }
        Object v = scalar(s, type);
        if (v == INVALID) {
            return fail(node, path, typeRule(s, type), YamlTree.show(node));
        }
        if (!rule.test(v)) {
            return fail(node, path, rule.text(), YamlTree.show(node));
        }
        return v;
    }

    private Object readIntList(Node node, Rule rule, String path) {
        if (!(node instanceof SequenceNode seq)) {
            return fail(node, path, "must be a list of integers, e.g. [500, 500]", YamlTree.show(node));
        }
        if (seq.getValue().isEmpty()) {
            return fail(node, path, "must not be empty", "[]");
        }
        List<Integer> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < seq.getValue().size(); i++) {
            Object v = read(seq.getValue().get(i), ValueType.INT, false, rule, path + "[" + i + "]");
            ok &= v != INVALID;
            out.add(v == INVALID ? null : (Integer) v);
        }
        return ok ? List.copyOf(out) : INVALID;
    }

    /** A list of {@code {filters, kernel, stride, pad, pool}} mappings; filters and kernel required. */
    private Object readConvList(Node node, String path) {
        if (!(node instanceof SequenceNode seq)) {
            return fail(node, path, "must be " + ValueType.CONV_LIST.description(), YamlTree.show(node));
        }
        if (seq.getValue().isEmpty()) {
            return fail(node, path, "must not be empty (leave model.conv out for an MLP)", "[]");
        }
        List<ConvLayerSetting> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < seq.getValue().size(); i++) {
            String at = path + "[" + i + "]";
            Node item = seq.getValue().get(i);
            java.util.Map<String, org.yaml.snakeyaml.nodes.NodeTuple> entries =
                    tree.entries(item, at, ConvLayerSetting.KEYS);
            if (entries == null) {
                ok = false;
                continue;
            }
            int[] v = new int[5];
            int[] defaults = {-1, -1, 1, 0, 1};
            for (int k = 0; k < 5; k++) {
                String key = ConvLayerSetting.KEYS.get(k);
                org.yaml.snakeyaml.nodes.NodeTuple t = entries.get(key);
                if (t == null) {
                    if (defaults[k] < 0) {
                        fail(item, at + "." + key, "must be set (filters and kernel have no default)", null);
                        ok = false;
                    }
                    v[k] = defaults[k];
                    continue;
                }
                Object x = read(t.getValueNode(), ValueType.INT, false, Rule.atLeast(key.equals("pad") ? 0 : 1),
                        at + "." + key);
                ok &= x != INVALID;
                v[k] = x == INVALID ? defaults[k] : (Integer) x;
            }
            if (ok) {
                out.add(new ConvLayerSetting(v[0], v[1], v[2], v[3], v[4]));
            }
        }
        return ok ? List.copyOf(out) : INVALID;
    }

    private Object fail(Node node, String path, String rule, String value) {
        errors.add(node, path, rule, value);
        return INVALID;
    }

    /** The rule a scalar of the wrong type or form breaks, saying what YAML 1.1 made of it where that surprises. */
    private static String typeRule(ScalarNode s, ValueType type) {
        boolean integer = type == ValueType.INT || type == ValueType.LONG;
        if ((integer || type == ValueType.DOUBLE) && isNonDecimalNumber(s)) {
            return "must be written in plain decimal (YAML 1.1 reads " + s.getValue() + " as " + yaml11Reading(s) + ")";
        }
        if (integer && s.getTag().equals(Tag.INT)) {
            return "must be an integer that fits in " + (type == ValueType.INT ? 32 : 64) + " bits";
        }
        String reading = yaml11Reading(s);
        if (type == ValueType.STRING && reading != null) {
            return "must be a string (YAML 1.1 reads " + s.getValue() + " as " + reading
                    + "; quote it to keep the text)";
        }
        return "must be " + type.description();
    }

    /** A number YAML 1.1 reads but not in plain decimal: 010, 0x1F, 0b11, 1_000, 1:30, 1:30.5. */
    private static boolean isNonDecimalNumber(ScalarNode s) {
        String text = s.getValue();
        if (s.getTag().equals(Tag.INT)) {
            return !DECIMAL_INT.matcher(text).matches();
        }
        return s.getTag().equals(Tag.FLOAT) && !DECIMAL_FLOAT.matcher(text).matches()
                && !INFINITY.matcher(text).matches() && !text.equalsIgnoreCase(".nan");
    }

    /** What YAML 1.1 makes of a plain scalar that is not a string ("the number 8", "true", "a date"), else null. */
    private static String yaml11Reading(ScalarNode s) {
        Tag tag = s.getTag();
        if (tag.equals(Tag.BOOL)) {
            return Yaml11.read(s);
        }
        if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
            return "the number " + Yaml11.read(s);
        }
        return tag.equals(Tag.TIMESTAMP) ? "a date" : null;
    }

    private static Object scalar(ScalarNode s, ValueType type) {
        Tag tag = s.getTag();
        String text = s.getValue();
        return switch (type) {
            case STRING -> tag.equals(Tag.STR) ? text : INVALID;
            case INT -> tag.equals(Tag.INT) ? integer(text, Integer.MIN_VALUE, Integer.MAX_VALUE) : INVALID;
            case LONG -> tag.equals(Tag.INT) ? integer(text, Long.MIN_VALUE, Long.MAX_VALUE) : INVALID;
            case DOUBLE -> tag.equals(Tag.INT) || tag.equals(Tag.FLOAT) ? real(text, tag) : INVALID;
            case BOOL -> tag.equals(Tag.BOOL) && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))
                    ? Boolean.valueOf(text.equalsIgnoreCase("true")) : INVALID;
            case ACTIVATION -> tag.equals(Tag.STR) && List.of("relu", "tanh", "sigmoid").contains(text) ? text
                    : INVALID;
            case METHOD -> tag.equals(Tag.STR) ? method(text) : INVALID;
            case INT_LIST, CONV_LIST, ALTERNATE, GROW, RICA ->
                    throw new IllegalStateException("lists and mappings are read by their own readers");
        };
    }

    private static Object integer(String text, long min, long max) {
        if (!DECIMAL_INT.matcher(text).matches()) {
            return INVALID;
        }
        BigInteger v = new BigInteger(text);
        if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
            return INVALID;
        }
        return max == Integer.MAX_VALUE ? (Object) v.intValue() : (Object) v.longValue();
    }

    /** A YAML int or float in plain decimal as a double. */
    private static Object real(String text, Tag tag) {
        if (INFINITY.matcher(text).matches()) {
            return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (text.equalsIgnoreCase(".nan")) {
            return Double.NaN;
        }
        Pattern form = tag.equals(Tag.INT) ? DECIMAL_INT : DECIMAL_FLOAT;
        if (!form.matcher(text).matches()) {
            return INVALID;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return INVALID;
        }
    }

    private static Object method(String text) {
        try {
            return Method.parse(text);
        } catch (IllegalArgumentException e) {
            return INVALID;
        }
    }

    /** SnakeYAML's own YAML 1.1 reading of a plain int, float or bool scalar, for messages (a boxed value). */
    private static final class Yaml11 extends SafeConstructor {

        private Yaml11() {
            super(new LoaderOptions());
        }

        static String read(ScalarNode s) {
            return String.valueOf(new Yaml11().constructObject(s));
        }
    }
}
