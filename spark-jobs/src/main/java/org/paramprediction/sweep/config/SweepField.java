package org.paramprediction.sweep.config;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paramprediction.train.TrainingConfig;

/**
 * Every setting of a trial that a sweep file can give (and list under {@code grid}): its dotted
 * YAML path, type, default and range. {@code name}, {@code repeats} and {@code grid} are
 * properties of the sweep, not of a trial, and are not fields.
 */
enum SweepField {
    METHOD("method", ValueType.METHOD, false, null, Rule.ANY, null),
    FRACTION("fraction", ValueType.DOUBLE, false, null, Rule.fraction(), null),
    COLUMNS("columns", ValueType.INT, false, null, Rule.atLeast(1), null),
    DATASET_FORMAT("dataset.format", ValueType.STRING, false, "idx", Rule.matches("idx|cifar10|stl10"), null),
    DATASET_ROOT("dataset.root", ValueType.STRING, false, "/usr/share/datasets/fashion-mnist", Rule.nonBlank(), null),
    TRAIN_SIZE("dataset.train_size", ValueType.INT, false, 50000, Rule.atLeast(1), null),
    VALID_SIZE("dataset.valid_size", ValueType.INT, false, 10000, Rule.atLeast(1), null),
    TEST_SIZE("dataset.test_size", ValueType.INT, true, null, Rule.atLeast(1), null),
    PERMUTATION_SEED("dataset.permutation_seed", ValueType.LONG, true, null, Rule.atLeast(1), null),
    CONV("model.conv", ValueType.CONV_LIST, true, null, Rule.ANY, null),
    /** A RICA trial's settings ({@link RicaSettingsReader}); null (unset) for a network. */
    RICA("model.rica", ValueType.RICA, true, null, Rule.ANY, null),
    HIDDEN("model.hidden", ValueType.INT_LIST, false, List.of(500, 500), Rule.atLeast(1), null),
    ACTIVATION("model.activation", ValueType.ACTIVATION, false, "relu", Rule.ANY, null),
    RIDGE("dictionary.ridge", ValueType.DOUBLE, false, 0.001, Rule.nonNegative(), null),
    LENGTH_SCALE("dictionary.length_scale", ValueType.DOUBLE, true, 2.0, Rule.positive(), null),
    LENGTH_SCALE_FACTOR("dictionary.length_scale_factor", ValueType.DOUBLE, true, null, Rule.positive(), null),
    CHANNELS("dictionary.channels", ValueType.STRING, false, "tied", Rule.matches("tied|empirical"), null),
    ORTHONORMAL("dictionary.orthonormal", ValueType.BOOL, false, true, Rule.ANY, null),
    /** A growing fraction, {@code {to, every, step}}; absent (null) from a trial's canonical JSON when unset. */
    GROW("dictionary.grow", ValueType.GROW, true, null, Rule.ANY, null),
    LEARNING_RATE("training.learning_rate", ValueType.DOUBLE, false, Defaults.T.learningRate(), Rule.positive(),
            "learningRate"),
    LEARNING_RATE_DECAY("training.learning_rate_decay", ValueType.DOUBLE, false, Defaults.T.learningRateDecay(),
            Rule.fraction(), "learningRateDecay"),
    MOMENTUM_START("training.momentum_start", ValueType.DOUBLE, false, Defaults.T.momentumStart(), Rule.momentum(),
            "momentumStart"),
    MOMENTUM_END("training.momentum_end", ValueType.DOUBLE, false, Defaults.T.momentumEnd(), Rule.momentum(),
            "momentumEnd"),
    MOMENTUM_RAMP_EPOCHS("training.momentum_ramp_epochs", ValueType.INT, false, Defaults.T.momentumRampEpochs(),
            Rule.atLeast(0), "momentumRampEpochs"),
    WEIGHT_DECAY("training.weight_decay", ValueType.DOUBLE, false, Defaults.T.weightDecay(), Rule.nonNegative(),
            "weightDecay"),
    MAX_COLUMN_NORM("training.max_column_norm", ValueType.DOUBLE, false, Defaults.T.maxColumnNorm(),
            Rule.nonNegative(), "maxColumnNorm"),
    BATCH_SIZE("training.batch_size", ValueType.INT, false, Defaults.T.batchSize(), Rule.atLeast(1), "batchSize"),
    EPOCHS("training.epochs", ValueType.INT, false, Defaults.T.maxEpochs(), Rule.atLeast(1), "maxEpochs"),
    PATIENCE("training.patience", ValueType.INT, false, Defaults.T.patience(), Rule.atLeast(1), "patience"),
    STAGE_EPOCHS("training.stage_epochs", ValueType.INT, false, Defaults.T.stageEpochs(), Rule.atLeast(1),
            "stageEpochs"),
    /** Alternating U/V phases, {@code {v_epochs, u_epochs}}; absent from a trial's canonical JSON when unset. */
    ALTERNATE("training.alternate", ValueType.ALTERNATE, true, null, Rule.ANY, null),
    /** A trial's time limit; an operating limit, not part of the trial's identity (its canonical JSON). */
    TIMEOUT_S("training.timeout_s", ValueType.INT, true, null, Rule.atLeast(1), null),
    DIST_MODE("distributed.mode", ValueType.STRING, true, null,
            Rule.matches(DistributedSpec.DATA_PARALLEL + "|" + DistributedSpec.COLUMNS), null),
    DIST_PARTITIONS("distributed.partitions", ValueType.INT, false, 4, Rule.atLeast(1), null),
    DIST_STEPS_PER_ROUND("distributed.steps_per_round", ValueType.INT, false, 5, Rule.atLeast(1), null),
    DIST_ENCODING("distributed.encoding", ValueType.STRING, false, "float32", Rule.matches("float32|fp16"), null),
    DIST_MOMENTUM("distributed.momentum", ValueType.STRING, false, "averaged", Rule.matches("averaged|reset"), null),
    DIST_TREE_DEPTH("distributed.tree_depth", ValueType.INT, false, 2, Rule.atLeast(1), null),
    DIST_LEARNING_RATE_SCALE("distributed.learning_rate_scale", ValueType.DOUBLE, true, null, Rule.positive(), null),
    DIST_FINETUNE("distributed.finetune", ValueType.STRING, false, "output", Rule.matches("output|all"), null),
    DIST_FINETUNE_EPOCHS("distributed.finetune_epochs", ValueType.INT, false, 3, Rule.atLeast(0), null);

    private static final Map<String, SweepField> BY_PATH = new LinkedHashMap<>();

    static {
        for (SweepField f : values()) {
            BY_PATH.put(f.path, f);
        }
    }

    private final String path;
    private final ValueType type;
    private final boolean nullable;
    private final Object defaultValue;
    private final Rule rule;
    private final String trainingComponent;

    SweepField(String path, ValueType type, boolean nullable, Object defaultValue, Rule rule,
            String trainingComponent) {
        this.path = path;
        this.type = type;
        this.nullable = nullable;
        this.defaultValue = defaultValue;
        this.rule = rule;
        this.trainingComponent = trainingComponent;
    }

    /** Dotted YAML path, e.g. {@code training.learning_rate}. */
    String path() {
        return path;
    }

    /** The section ({@code dataset}, {@code model}, ...), or "" for a top-level field. */
    String section() {
        int dot = path.indexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    /** The key inside its section. */
    String key() {
        return path.substring(path.indexOf('.') + 1);
    }

    ValueType type() {
        return type;
    }

    boolean nullable() {
        return nullable;
    }

    /** The default, or null (for a nullable field: "not set"; for method/fraction/columns: required). */
    Object defaultValue() {
        return defaultValue;
    }

    Rule rule() {
        return rule;
    }

    /** The matching {@link TrainingConfig} component name, or null. */
    String trainingComponent() {
        return trainingComponent;
    }

    static SweepField byPath(String path) {
        return BY_PATH.get(path);
    }

    static List<String> paths() {
        return List.copyOf(BY_PATH.keySet());
    }

    /** The keys of one section, in declaration order. */
    static List<String> keys(String section) {
        return Arrays.stream(values()).filter(f -> f.section().equals(section)).map(SweepField::key).toList();
    }

    /** Holder so that the enum constants can read the defaults during class initialisation. */
    private static final class Defaults {
        static final TrainingConfig T = TrainingConfig.defaults();
    }
}
