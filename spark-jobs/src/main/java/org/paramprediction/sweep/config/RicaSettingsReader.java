package org.paramprediction.sweep.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.paramprediction.rica.Pooling;
import org.paramprediction.rica.RicaPipeline;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code model.rica}, the settings of a RICA trial ({@link RicaPipeline.Settings}). {@code features}
 * and {@code patch} are required; every other key has the default of {@link #KEYS}' table below, and no
 * other key is allowed. Each problem is reported with the key's path (e.g. {@code model.rica.patch}).
 *
 * <table>
 *   <caption>model.rica keys</caption>
 *   <tr><th>key</th><th>default</th><th>rule</th></tr>
 *   <tr><td>features</td><td>(required)</td><td>integer >= 1</td></tr>
 *   <tr><td>patch</td><td>(required)</td><td>integer >= 1, at most the images' side</td></tr>
 *   <tr><td>patches</td><td>100000</td><td>integer >= 1</td></tr>
 *   <tr><td>sparsity</td><td>0.1</td><td>number >= 0</td></tr>
 *   <tr><td>iterations</td><td>300</td><td>integer >= 0</td></tr>
 *   <tr><td>pool</td><td>3</td><td>integer >= 1 (a pool x pool grid of regions)</td></tr>
 *   <tr><td>pooling</td><td>sum</td><td>sum or max</td></tr>
 *   <tr><td>zca_epsilon</td><td>0.01</td><td>number > 0</td></tr>
 *   <tr><td>smooth_epsilon</td><td>0.01</td><td>number > 0</td></tr>
 *   <tr><td>weight_decays</td><td>[0.0001, 0.001, 0.01, 0.1, 1.0]</td><td>non-empty list of numbers >= 0</td></tr>
 *   <tr><td>classifier_iterations</td><td>300</td><td>integer >= 1</td></tr>
 *   <tr><td>patch_source</td><td>train</td><td>train, photos or stl10_unlabeled (where RICA's patches come
 *       from; features and classifier are always on the dataset)</td></tr>
 *   <tr><td>photos</td><td>(none)</td><td>a non-empty list of image files, exactly when patch_source is
 *       photos</td></tr>
 * </table>
 */
final class RicaSettingsReader {

    static final List<String> KEYS = List.of("features", "patch", "patches", "sparsity", "iterations", "pool",
            "pooling", "zca_epsilon", "smooth_epsilon", "weight_decays", "classifier_iterations", "patch_source", "photos");

    static final int PATCHES = 100_000;
    static final double SPARSITY = 0.1;
    static final int ITERATIONS = 300;
    static final int POOL = 3;
    static final double ZCA_EPSILON = 0.01;
    static final double SMOOTH_EPSILON = 0.01;
    static final List<Double> WEIGHT_DECAYS = List.of(1e-4, 1e-3, 1e-2, 1e-1, 1.0);
    static final int CLASSIFIER_ITERATIONS = 300;

    private final YamlTree tree;
    private final ErrorCollector errors;
    private final ValueReader values;

    RicaSettingsReader(YamlTree tree, ErrorCollector errors, ValueReader values) {
        this.tree = tree;
        this.errors = errors;
        this.values = values;
    }

    /** The settings, or {@link ValueReader#INVALID} after reporting every problem. */
    Object read(Node node, String path) {
        Map<String, NodeTuple> entries = tree.entries(node, path, KEYS);
        if (entries == null) {
            return ValueReader.INVALID;
        }
        Object features = required(entries, node, path, "features", Rule.atLeast(1));
        Object patch = required(entries, node, path, "patch", Rule.atLeast(1));
        Object patches = optional(entries, path, "patches", ValueType.INT, Rule.atLeast(1), PATCHES);
        Object sparsity = optional(entries, path, "sparsity", ValueType.DOUBLE, Rule.nonNegative(), SPARSITY);
        Object iterations = optional(entries, path, "iterations", ValueType.INT, Rule.atLeast(0), ITERATIONS);
        Object pool = optional(entries, path, "pool", ValueType.INT, Rule.atLeast(1), POOL);
        Object pooling = optional(entries, path, "pooling", ValueType.STRING, Rule.matches("sum|max"), "sum");
        Object zca = optional(entries, path, "zca_epsilon", ValueType.DOUBLE, Rule.positive(), ZCA_EPSILON);
        Object smooth = optional(entries, path, "smooth_epsilon", ValueType.DOUBLE, Rule.positive(), SMOOTH_EPSILON);
        Object decays = entries.containsKey("weight_decays")
                ? decays(entries.get("weight_decays").getValueNode(), path + ".weight_decays") : WEIGHT_DECAYS;
        Object classifier = optional(entries, path, "classifier_iterations", ValueType.INT, Rule.atLeast(1),
                CLASSIFIER_ITERATIONS);
        Object source = optional(entries, path, "patch_source", ValueType.STRING,
                Rule.matches("train|photos|stl10_unlabeled"), RicaPipeline.Settings.TRAIN);
        Object photos = entries.containsKey("photos") ? photos(entries.get("photos").getValueNode(), path + ".photos")
                : List.of();
        if (source != ValueReader.INVALID && photos != ValueReader.INVALID
                && RicaPipeline.Settings.PHOTOS.equals(source) == ((List<?>) photos).isEmpty()) {
            errors.add(node, path + ".photos", "must be a non-empty list of image files exactly when "
                    + path + ".patch_source is photos", "patch_source=" + source + ", photos=" + photos);
            return ValueReader.INVALID;
        }
        for (Object v : new Object[] {features, patch, patches, sparsity, iterations, pool, pooling, zca, smooth,
                decays, classifier, source, photos}) {
            if (v == ValueReader.INVALID) {
                return ValueReader.INVALID;
            }
        }
        @SuppressWarnings("unchecked")
        List<Double> grid = (List<Double>) decays;
        @SuppressWarnings("unchecked")
        List<String> files = (List<String>) photos;
        return new RicaPipeline.Settings((Integer) features, (Integer) patch, (Integer) patches,
                ((Number) sparsity).doubleValue(), (Integer) iterations, (Integer) pool,
                Pooling.valueOf(((String) pooling).toUpperCase(Locale.ROOT)), ((Number) zca).doubleValue(),
                ((Number) smooth).doubleValue(), grid, (Integer) classifier, (String) source, files);
    }

    /** The canonical form in a trial's config: every key, defaults included. */
    static Map<String, Object> canonical(RicaPipeline.Settings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("classifier_iterations", s.classifierIterations());
        m.put("features", s.features());
        m.put("iterations", s.iterations());
        m.put("patch", s.patch());
        m.put("patches", s.patches());
        m.put("pool", s.grid());
        m.put("pooling", s.pooling().name().toLowerCase(Locale.ROOT));
        m.put("smooth_epsilon", s.smoothEpsilon());
        m.put("sparsity", s.sparsity());
        m.put("weight_decays", s.weightDecays());
        m.put("zca_epsilon", s.zcaEpsilon());
        m.put("patch_source", s.patchSource());
        if (!s.photos().isEmpty()) {
            m.put("photos", s.photos());
        }
        return m;
    }

    /** E.g. {@code 64 features, 8x8, 100000 patches, sparsity 0.1, 300 iterations, 3x3 sum}. */
    static String describe(RicaPipeline.Settings s) {
        return s.features() + " features, " + s.patch() + "x" + s.patch() + ", " + s.patches() + " patches, sparsity "
                + CanonicalJson.decimal(s.sparsity()) + ", " + s.iterations() + " iterations, " + s.grid() + "x"
                + s.grid() + " " + s.pooling().name().toLowerCase(Locale.ROOT);
    }

    private Object required(Map<String, NodeTuple> entries, Node mapping, String path, String key, Rule rule) {
        NodeTuple t = entries.get(key);
        if (t == null) {
            errors.add(mapping, path + "." + key, "must be set (" + path + " is " + ValueType.RICA.description() + ")",
                    null);
            return ValueReader.INVALID;
        }
        return values.read(t.getValueNode(), ValueType.INT, false, rule, path + "." + key);
    }

    private Object optional(Map<String, NodeTuple> entries, String path, String key, ValueType type, Rule rule,
            Object defaultValue) {
        NodeTuple t = entries.get(key);
        return t == null ? defaultValue : values.read(t.getValueNode(), type, false, rule, path + "." + key);
    }

    private Object photos(Node node, String path) {
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            errors.add(node, path, "must be a non-empty list of image files, e.g. [/usr/lib/python3/dist-packages/"
                    + "skimage/data/astronaut.png]", YamlTree.show(node));
            return ValueReader.INVALID;
        }
        List<String> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < seq.getValue().size(); i++) {
            Object v = values.read(seq.getValue().get(i), ValueType.STRING, false, Rule.nonBlank(), path + "[" + i + "]");
            ok &= v != ValueReader.INVALID;
            out.add(v == ValueReader.INVALID ? null : (String) v);
        }
        return ok ? List.copyOf(out) : ValueReader.INVALID;
    }

    private Object decays(Node node, String path) {
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            errors.add(node, path, "must be a non-empty list of numbers >= 0, e.g. [0.001, 0.01, 0.1]",
                    YamlTree.show(node));
            return ValueReader.INVALID;
        }
        List<Double> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < seq.getValue().size(); i++) {
            Object v = values.read(seq.getValue().get(i), ValueType.DOUBLE, false, Rule.nonNegative(),
                    path + "[" + i + "]");
            ok &= v != ValueReader.INVALID;
            out.add(v == ValueReader.INVALID ? null : ((Number) v).doubleValue());
        }
        return ok ? List.copyOf(out) : ValueReader.INVALID;
    }
}
