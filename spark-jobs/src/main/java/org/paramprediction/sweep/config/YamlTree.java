package org.paramprediction.sweep.config;

import java.io.StringReader;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.paramprediction.sweep.config.YamlEventScan.ExplicitTag;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML document as a node tree (SnakeYAML's composer: no Java object is ever constructed from a
 * tag), with line numbers, hostile input refused before it is composed (over 1 MiB, anchors and
 * aliases, deep nesting), explicit tags refused and mapping keys checked (strings, no duplicates,
 * no merge keys, only allowed names). Problems go to the {@link ErrorCollector}.
 */
final class YamlTree {

    /** The largest file (bytes) or text (characters) read, far above any real sweep file. */
    static final int MAX_SIZE = 1 << 20;

    private final Node root;
    /** Start index of each explicitly tagged node -> its tag as written; removed once reported. */
    private final Map<Integer, ExplicitTag> tags;
    private final ErrorCollector errors;

    private YamlTree(Node root, Map<Integer, ExplicitTag> tags, ErrorCollector errors) {
        this.root = root;
        this.tags = tags;
        this.errors = errors;
    }

    /**
     * The tree of {@code text}, or null after reporting a syntax error, an empty document, or
     * hostile YAML: more than {@link #MAX_SIZE} characters, anchors and aliases, collections nested
     * more than {@link YamlEventScan#MAX_DEPTH} deep (see {@link YamlEventScan}).
     */
    static YamlTree parse(String text, ErrorCollector errors) {
        if (text.length() > MAX_SIZE) {
            errors.add(0, "", sizeRule("characters"), text.length() + " characters");
            return null;
        }
        LoaderOptions options = new LoaderOptions();
        // Tags are only ever composed into nodes, never constructed; untagged() then reports each
        // one with its YAML path (SnakeYAML's own check would stop at the first, without a path).
        options.setTagInspector(tag -> true);
        // SnakeYAML's own limits, set to ours (the size check above and YamlEventScan report them first,
        // with a path; no alias ever reaches the composer). Duplicate keys: SnakeYAML checks them only
        // when constructing objects, which never happens here; entries() reports them.
        options.setCodePointLimit(MAX_SIZE);
        options.setNestingDepthLimit(YamlEventScan.MAX_DEPTH);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        try {
            Map<Integer, ExplicitTag> tags = YamlEventScan.scan(yaml.parse(new StringReader(text)), errors);
            if (tags == null) {
                return null;
            }
            Node root = yaml.compose(new StringReader(text));
            if (root == null) {
                errors.add(0, "", "is empty (a sweep needs at least name, method, fraction, columns, repeats)", null);
                return null;
            }
            return new YamlTree(root, tags, errors);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getContext() == null ? e.getProblem() : e.getContext() + ", " + e.getProblem();
            errors.add(m == null ? 0 : m.getLine() + 1, "", "is not valid YAML: " + what, null);
            return null;
        } catch (YAMLException e) {
            errors.add(0, "", "is not valid YAML: " + e.getMessage(), null);
            return null;
        }
    }

    /** The rule a too large file or text breaks, counted in {@code unit}. */
    static String sizeRule(String unit) {
        return "must be at most 1 MiB (" + MAX_SIZE + " " + unit + "; a sweep file is a few KB)";
    }

    Node root() {
        return root;
    }

    /** False (after reporting it) if {@code node} carries an explicit tag such as {@code !!java.lang.Runtime}. */
    boolean untagged(Node node, String path) {
        ExplicitTag tag = tags.remove(node.getStartMark().getIndex());
        if (tag == null) {
            return true;
        }
        errors.add(tag.line(), path, "must not carry an explicit YAML tag", tag.text());
        return false;
    }

    /** Reports explicit tags on nodes that were never visited (e.g. under an unknown key). */
    void reportRemainingTags() {
        for (ExplicitTag tag : tags.values()) {
            errors.add(tag.line(), "", "explicit YAML tags are not allowed", tag.text());
        }
        tags.clear();
    }

    /**
     * The entries of a mapping, by key, in file order: null after reporting if {@code node} is not
     * a mapping, empty if it is null (an empty section). Non-string, duplicate and (when {@code
     * allowed} is not null) unknown keys are reported and left out.
     */
    Map<String, NodeTuple> entries(Node node, String path, Collection<String> allowed) {
        if (!untagged(node, path)) {
            return null;
        }
        if (isNull(node)) {
            return Map.of();
        }
        if (!(node instanceof MappingNode mapping)) {
            errors.add(node, path.isEmpty() ? "document" : path, "must be a mapping of keys to values", show(node));
            return null;
        }
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        Map<String, Node> seen = new LinkedHashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            Node key = t.getKeyNode();
            String keysOf = path.isEmpty() ? "top-level" : path;
            if (!untagged(key, keysOf + " key")) {
                continue;
            }
            if (key.getTag().equals(Tag.MERGE)) {
                errors.add(key, keysOf, "keys must be plain names; YAML merge keys are not supported", "<<");
                continue;
            }
            if (!(key instanceof ScalarNode s) || !key.getTag().equals(Tag.STR)) {
                errors.add(key, keysOf, "keys must be strings", show(key));
                continue;
            }
            String name = s.getValue();
            String child = path.isEmpty() ? name : path + "." + name;
            Node first = seen.putIfAbsent(name, key);
            if (first != null) {
                errors.add(key, child, "must appear only once (first at line " + ErrorCollector.line(first) + ")",
                        null);
            } else if (allowed != null && !allowed.contains(name)) {
                errors.add(key, keysOf, "keys must be one of " + allowed, name);
            } else {
                out.put(name, t);
            }
        }
        return out;
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    /** The node as written: a scalar's text (quoted if it was quoted), a short flow rendering otherwise. */
    static String show(Node node) {
        return show(node, 0);
    }

    private static String show(Node node, int depth) {
        if (node instanceof ScalarNode s) {
            if (s.getTag().equals(Tag.NULL)) {
                return "null";
            }
            return s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN ? s.getValue() : '"' + s.getValue() + '"';
        }
        if (depth > 2) {
            return "...";
        }
        StringBuilder b = new StringBuilder();
        if (node instanceof SequenceNode q) {
            b.append(depth == 0 ? "a list [" : "[");
            for (int i = 0; i < q.getValue().size() && b.length() < 60; i++) {
                b.append(i == 0 ? "" : ", ").append(show(q.getValue().get(i), depth + 1));
            }
            return b.append(']').toString();
        }
        MappingNode m = (MappingNode) node;
        b.append(depth == 0 ? "a mapping {" : "{");
        for (int i = 0; i < m.getValue().size() && b.length() < 60; i++) {
            b.append(i == 0 ? "" : ", ").append(show(m.getValue().get(i).getKeyNode(), depth + 1)).append(": ...");
        }
        return b.append('}').toString();
    }
}
