package org.paramprediction.sweep.config;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * The first pass over a YAML document, on SnakeYAML's flat event stream (no recursion, no node
 * built yet). It records explicit tags for {@link YamlTree}, and refuses, with line and YAML path,
 * two things a sweep file never needs and a hostile one uses: anchors and aliases (a ten-line
 * "billion laughs" document expands to 10^9 values) and nesting deeper than {@link #MAX_DEPTH}.
 */
final class YamlEventScan {

    /** Lists and mappings nested deeper than this are refused; a sweep file needs 5 ({@code grid.model.conv}). */
    static final int MAX_DEPTH = 20;

    /** A tag written in the file, e.g. {@code !!java.lang.Runtime}, and its 1-based line. */
    record ExplicitTag(int line, String text) {
    }

    private static final String YAML_TAG_PREFIX = "tag:yaml.org,2002:";

    /** An open collection: where it sits in its parent, and where its next child goes. */
    private static final class Level {
        final String segment;
        final boolean mapping;
        int index;
        boolean atKey = true;
        String key = "?";

        Level(String segment, boolean mapping) {
            this.segment = segment;
            this.mapping = mapping;
        }
    }

    private final Deque<Level> open = new ArrayDeque<>();
    private final Map<Integer, ExplicitTag> tags = new LinkedHashMap<>();

    private YamlEventScan() {
    }

    /**
     * The explicit tags by the start index of their node, or null after reporting the first anchor,
     * alias or too deep collection (the scan stops there, so a bomb is never expanded).
     */
    static Map<Integer, ExplicitTag> scan(Iterable<Event> events, ErrorCollector errors) {
        YamlEventScan scan = new YamlEventScan();
        for (Event e : events) {
            if (e instanceof CollectionEndEvent) {
                scan.open.pop();
            } else if (e instanceof NodeEvent n && !scan.accept(n, errors)) {
                return null;
            }
        }
        return scan.tags;
    }

    private boolean accept(NodeEvent e, ErrorCollector errors) {
        String segment = advanceParent(e);
        int line = e.getStartMark().getLine() + 1;
        if (e.getAnchor() != null) {
            String written = (e instanceof AliasEvent ? "*" : "&") + e.getAnchor();
            errors.add(line, path(segment), "must be written out: YAML anchors and aliases are not supported",
                    written);
            return false;
        }
        String tag = e instanceof ScalarEvent s ? s.getTag() : e instanceof CollectionStartEvent c ? c.getTag() : null;
        if (tag != null) {
            Mark m = e.getStartMark();
            tags.put(m.getIndex(), new ExplicitTag(line, shortTag(tag)));
        }
        if (e instanceof CollectionStartEvent) {
            if (open.size() >= MAX_DEPTH) {
                errors.add(line, path(segment), "must not nest lists and mappings more than " + MAX_DEPTH
                        + " deep", null);
                return false;
            }
            open.push(new Level(segment, e instanceof MappingStartEvent));
        }
        return true;
    }

    /**
     * The path segment of the node {@code e} starts: {@code [i]} in a list, its key for a mapping
     * value, "" for a key (reported at its mapping's path) and for the root.
     */
    private String advanceParent(NodeEvent e) {
        Level parent = open.peek();
        if (parent == null) {
            return "";
        }
        if (!parent.mapping) {
            return "[" + parent.index++ + "]";
        }
        if (parent.atKey) {
            parent.atKey = false;
            parent.key = e instanceof ScalarEvent s ? s.getValue() : "?";
            return "";
        }
        parent.atKey = true;
        return parent.key;
    }

    /** The YAML path of a node with {@code segment} under the open collections, as YamlTree writes it. */
    private String path(String segment) {
        StringBuilder b = new StringBuilder();
        for (Iterator<Level> it = open.descendingIterator(); it.hasNext(); ) {
            append(b, it.next().segment);
        }
        append(b, segment);
        return b.toString();
    }

    private static void append(StringBuilder b, String segment) {
        if (!segment.isEmpty() && !segment.startsWith("[") && b.length() > 0) {
            b.append('.');
        }
        b.append(segment);
    }

    private static String shortTag(String tag) {
        return tag.startsWith(YAML_TAG_PREFIX) ? "!!" + tag.substring(YAML_TAG_PREFIX.length()) : tag;
    }
}
