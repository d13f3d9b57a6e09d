package org.paramprediction.sweep.config;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.paramprediction.sweep.schedule.Rungs;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * The optional {@code scheduler} section of a sweep file, as read, with the line of each key:
 *
 * <pre>
 * scheduler: {type: asha, metric: best_valid_error, min_epochs: 1, reduction: 3, max_epochs: 27}
 * </pre>
 *
 * {@code type} is required ({@code asha}, {@code sync_halving} or {@code none}); {@code metric}
 * defaults to {@code best_valid_error}, {@code min_epochs} to 1, {@code reduction} to 3 (at least 2),
 * {@code max_epochs} to the trials' {@code training.epochs}, which it must equal when given. What
 * cannot be scheduled (RICA, distributed trials, a growing fraction, a time limit, {@code select}) is refused by
 * {@link #check}, once the trials are known.
 */
final class SchedulerSection {

    static final String SECTION = "scheduler";
    private static final List<String> KEYS = List.of("type", "metric", "min_epochs", "reduction", "max_epochs");
    private static final String NONE = "none";

    private final SweepScheduler.Type type;
    private final SelectMetric metric;
    private final int minEpochs;
    private final int reduction;
    private final Integer maxEpochs;
    private final int line;
    private final int maxLine;

    private SchedulerSection(SweepScheduler.Type type, SelectMetric metric, int minEpochs, int reduction,
            Integer maxEpochs, int line, int maxLine) {
        this.type = type;
        this.metric = metric;
        this.minEpochs = minEpochs;
        this.reduction = reduction;
        this.maxEpochs = maxEpochs;
        this.line = line;
        this.maxLine = maxLine;
    }

    /** The section under {@code tuple}, or null when absent, invalid or {@code type: none} (problems reported). */
    static SchedulerSection read(YamlTree tree, ValueReader reader, ErrorCollector errors, NodeTuple tuple) {
        if (tuple == null) {
            return null;
        }
        int line = ErrorCollector.line(tuple.getKeyNode());
        Map<String, NodeTuple> entries = tree.entries(tuple.getValueNode(), SECTION, KEYS);
        if (entries == null) {
            return null;
        }
        NodeTuple t = entries.get("type");
        List<String> types = Arrays.stream(SweepScheduler.Type.values()).map(SweepScheduler.Type::key).toList();
        if (t == null) {
            errors.add(line, SECTION + ".type", "is required: one of " + types + " or " + NONE, null);
            return null;
        }
        Object name = reader.read(t.getValueNode(), ValueType.STRING, false, Rule.ANY, SECTION + ".type");
        if (!(name instanceof String s)) {
            return null;
        }
        SweepScheduler.Type type = Arrays.stream(SweepScheduler.Type.values()).filter(x -> x.key().equals(s))
                .findFirst().orElse(null);
        if (type == null && !s.equals(NONE)) {
            errors.add(t.getValueNode(), SECTION + ".type", "must be one of " + types + " or " + NONE, s);
        }
        SelectMetric metric = metric(reader, errors, entries.get("metric"));
        int min = intValue(reader, entries, "min_epochs", 1, Rule.atLeast(1));
        int reduction = intValue(reader, entries, "reduction", 3, Rule.atLeast(2));
        NodeTuple max = entries.get("max_epochs");
        Integer maxEpochs = max == null ? null
                : reader.read(max.getValueNode(), ValueType.INT, false, Rule.atLeast(1), SECTION + ".max_epochs")
                        instanceof Integer m ? m : null;
        int maxLine = max == null ? line : ErrorCollector.line(max.getValueNode());
        if (maxEpochs != null && maxEpochs < min) {
            errors.add(maxLine, SECTION + ".max_epochs", "must be >= scheduler.min_epochs (" + min + ")",
                    String.valueOf(maxEpochs));
            return null;
        }
        return type == null ? null : new SchedulerSection(type, metric, min, reduction, maxEpochs, line, maxLine);
    }

    private static int intValue(ValueReader reader, Map<String, NodeTuple> entries, String key, int fallback,
            Rule rule) {
        NodeTuple t = entries.get(key);
        if (t == null) {
            return fallback;
        }
        Object v = reader.read(t.getValueNode(), ValueType.INT, false, rule, SECTION + "." + key);
        return v instanceof Integer i ? i : fallback;
    }

    private static SelectMetric metric(ValueReader reader, ErrorCollector errors, NodeTuple t) {
        if (t == null) {
            return SelectMetric.BEST_VALID_ERROR;
        }
        Object v = reader.read(t.getValueNode(), ValueType.STRING, false, Rule.ANY, SECTION + ".metric");
        SelectMetric m = v instanceof String s ? SelectMetric.byKey(s) : null;
        if (m == null && v instanceof String s) {
            errors.add(t.getValueNode(), SECTION + ".metric", "must be a validation metric, one of "
                    + SelectMetric.keys() + " (a scheduler that read the test set would bias the test error)", s);
        }
        return m == null ? SelectMetric.BEST_VALID_ERROR : m;
    }

    /**
     * The validated scheduler for {@code trials}, or null with the problems reported: every trial
     * trains in epochs on one task ({@code model.rica}, {@code distributed} and {@code dictionary.grow}
     * are refused), there is no {@code select}, and every trial's {@code training.epochs} equals {@code
     * max_epochs} (the length of a trial that is never stopped).
     */
    SweepScheduler check(List<TrialSpec> trials, boolean select, ErrorCollector errors) {
        String path = SECTION + ".type";
        if (select) {
            errors.add(line, path, "must not be combined with select (select's phase 1 runs every candidate to its "
                    + "end to choose by validation; schedule a plain sweep instead)", type.key());
            return null;
        }
        for (TrialSpec t : trials) {
            String why = t.isRica() ? "model.rica (RICA trains by L-BFGS, not in epochs)"
                    : t.distributed() != null ? "a distributed section (a distributed trial spans the cluster; "
                            + "only one-task trials pause and continue)"
                    : t.grow() != null ? "dictionary.grow (a growing fraction rebuilds the network mid-run)"
                    : t.timeoutSeconds() != null ? "training.timeout_s (a limit on one run; a scheduled trial runs "
                            + "in segments, and the scheduler is what stops it early)" : null;
            if (why != null) {
                errors.add(line, path, "cannot schedule trials with " + why + ": trial " + t.label(), type.key());
                return null;
            }
        }
        int epochs = maxEpochs != null ? maxEpochs : trials.get(0).training().maxEpochs();
        for (TrialSpec t : trials) {
            if (t.training().maxEpochs() != epochs) {
                errors.add(maxLine, SECTION + ".max_epochs", (maxEpochs != null ? "must equal" : "needs one")
                        + " training.epochs of every trial (a trial never stopped trains max_epochs), but trial "
                        + t.label() + " has training.epochs " + t.training().maxEpochs(), String.valueOf(epochs));
                return null;
            }
        }
        if (epochs < minEpochs) {
            errors.add(maxLine, SECTION + ".max_epochs", "must be >= scheduler.min_epochs (" + minEpochs + ")",
                    String.valueOf(epochs));
            return null;
        }
        return new SweepScheduler(type, metric, new Rungs(minEpochs, reduction, epochs));
    }
}
