package org.paramprediction.sweep.config;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * The optional {@code output} section of a sweep file: what a run writes besides the {@code trials}
 * and {@code epochs} tables. It is a property of the run, never of a trial (it does not enter the
 * trial id).
 *
 * <pre>
 * output:
 *   keep_weights: false   # true: also write the weights table (per trial, layer and column:
 *                         # the dictionary recipe and the learned V)
 * </pre>
 *
 * @param keepWeights write {@code <out>/weights/sweep_id=<id>/}
 */
record SweepOutput(boolean keepWeights) {

    static final String SECTION = "output";
    static final String KEEP_WEIGHTS = "keep_weights";
    static final SweepOutput DEFAULT = new SweepOutput(false);

    /** The section under {@code tuple} (null: absent), with every problem reported to the reader's collector. */
    static SweepOutput read(YamlTree tree, ValueReader reader, NodeTuple tuple) {
        if (tuple == null) {
            return DEFAULT;
        }
        Map<String, NodeTuple> entries = tree.entries(tuple.getValueNode(), SECTION, List.of(KEEP_WEIGHTS));
        NodeTuple keep = entries == null ? null : entries.get(KEEP_WEIGHTS);
        if (keep == null) {
            return DEFAULT;
        }
        Object v = reader.read(keep.getValueNode(), ValueType.BOOL, false, Rule.ANY, SECTION + "." + KEEP_WEIGHTS);
        return new SweepOutput(Boolean.TRUE.equals(v));
    }
}
