package org.paramprediction.results;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.paramprediction.data.DatasetFormat;
import org.paramprediction.io.Provenance;
import org.paramprediction.sweep.config.TrialSpec;
import org.paramprediction.train.LayerSpec;
import org.paramprediction.train.ModelSpec;
import org.paramprediction.train.TrainingConfig;

/**
 * The {@code trials} table: one row per trial, flat typed columns (see README, "Output schema").
 * {@code sweep_id} is the partition column (the directory {@code sweep_id=<id>}).
 */
public final class TrialTable {

    /** Bumped on any change of columns; additions are nullable. */
    public static final int SCHEMA_VERSION = 7;

    /** The column that says whether a select sweep chose the trial's value (null: no choice, or not yet). */
    public static final String SELECTED = "selected";

    /**
     * A finished trial with the sweep-wide provenance.
     *
     * @param selected whether a {@code select} section chose the trial's value; null when the sweep has
     *                 none or the choice is not made yet
     */
    public record Source(TrialOutcome outcome, Provenance provenance, Boolean selected) {
        TrialSpec spec() {
            return outcome.spec();
        }

        TrainingConfig training() {
            return outcome.spec().training();
        }

        /** The trial's network on its dataset format's examples, or null for a RICA trial. */
        ModelSpec model() {
            if (outcome.spec().isRica()) {
                return null;
            }
            DatasetFormat f = outcome.spec().dataFormatEnum();
            return outcome.spec().modelSpec(f.shape(), f.numClasses());
        }
    }

    public static final List<Column<Source>> COLUMNS = List.of(
            new Column<>("sweep_id", StringType, false, s -> s.spec().sweepId()),
            new Column<>("trial_id", StringType, false, s -> s.spec().trialId()),
            new Column<>("status", StringType, false, s -> s.outcome().status()),
            new Column<>("error", StringType, true, s -> s.outcome().error()),
            new Column<>("method", StringType, false, s -> s.spec().method()),
            new Column<>("fraction", DoubleType, false, s -> s.spec().fraction()),
            new Column<>("columns", IntegerType, false, s -> s.spec().columns()),
            new Column<>("seed", LongType, false, s -> s.spec().seed()),
            new Column<>("repeat", IntegerType, false, s -> s.spec().repeat()),
            new Column<>(SELECTED, BooleanType, true, Source::selected),
            new Column<>("n_params_total", LongType, false, s -> s.outcome().paramsTotal()),
            new Column<>("n_params_dynamic", LongType, false, s -> s.outcome().paramsDynamic()),
            new Column<>("best_epoch", IntegerType, false, s -> s.outcome().bestEpoch()),
            new Column<>("best_valid_error", DoubleType, false, s -> s.outcome().bestValidError()),
            new Column<>("test_error", DoubleType, false, s -> s.outcome().testError()),
            new Column<>("seconds", DoubleType, false, s -> s.outcome().seconds()),
            new Column<>("epochs_trained", IntegerType, false, s -> (int) s.outcome().epochs().stream()
                    .filter(e -> e.stage() == 0).count()),
            new Column<>("fraction_learned", createArrayType(DoubleType, false), true,
                    s -> toList(s.outcome().fractionLearned())),
            new Column<>("dead_units", createArrayType(IntegerType, false), true, s -> toList(s.outcome().deadUnits())),
            new Column<>("excluded_inputs", createArrayType(IntegerType, false), true,
                    s -> toList(s.outcome().excludedInputs())),
            new Column<>("data_root", StringType, false, s -> s.spec().dataRoot()),
            new Column<>("train_size", IntegerType, false, s -> s.spec().trainSize()),
            new Column<>("valid_size", IntegerType, false, s -> s.spec().validSize()),
            new Column<>("test_size", IntegerType, true, s -> s.spec().testSize()),
            new Column<>("permutation_seed", LongType, true, s -> s.spec().permutationSeed()),
            new Column<>("hidden", StringType, false, s -> s.spec().hidden().stream().map(String::valueOf)
                    .collect(Collectors.joining("-"))),
            new Column<>("hidden_layers", IntegerType, false, s -> s.spec().hidden().size()),
            new Column<>("activation", StringType, true, s -> net(s) ? s.spec().activation() : null),
            new Column<>("data_format", StringType, true, s -> s.spec().dataFormat()),
            new Column<>("conv", StringType, true, s -> s.spec().conv() == null ? null
                    : s.spec().conv().layers().toString()),
            new Column<>("channels", StringType, true, s -> s.spec().conv() == null ? null : s.spec().conv().channels()),
            new Column<>("layer_kinds", createArrayType(StringType, false), true,
                    s -> s.model() == null ? null
                            : s.model().hidden().stream().map(l -> l.isConv() ? "conv" : "dense").toList()),
            new Column<>("layer_inputs", createArrayType(StringType, false), true,
                    s -> s.model() == null ? null : layerInputs(s.model())),
            new Column<>("layer_units", createArrayType(IntegerType, false), true,
                    s -> s.model() == null ? null : s.model().hidden().stream().map(LayerSpec::units).toList()),
            new Column<>("ridge", DoubleType, false, s -> s.spec().ridge()),
            new Column<>("length_scale", DoubleType, false, s -> s.spec().lengthScale()),
            new Column<>("length_scale_factor", DoubleType, false, s -> s.spec().lengthScaleFactor()),
            new Column<>("orthonormal", BooleanType, false, s -> s.spec().orthonormal()),
            new Column<>("learning_rate", DoubleType, true, s -> net(s) ? s.training().learningRate() : null),
            new Column<>("learning_rate_decay", DoubleType, true, s -> net(s) ? s.training().learningRateDecay() : null),
            new Column<>("momentum_start", DoubleType, true, s -> net(s) ? s.training().momentumStart() : null),
            new Column<>("momentum_end", DoubleType, true, s -> net(s) ? s.training().momentumEnd() : null),
            new Column<>("momentum_ramp_epochs", IntegerType, true, s -> net(s) ? s.training().momentumRampEpochs() : null),
            new Column<>("weight_decay", DoubleType, true, s -> net(s) ? s.training().weightDecay() : null),
            new Column<>("max_column_norm", DoubleType, true, s -> net(s) ? s.training().maxColumnNorm() : null),
            new Column<>("batch_size", IntegerType, true, s -> net(s) ? s.training().batchSize() : null),
            new Column<>("max_epochs", IntegerType, true, s -> net(s) ? s.training().maxEpochs() : null),
            new Column<>("patience", IntegerType, true, s -> net(s) ? s.training().patience() : null),
            new Column<>("stage_epochs", IntegerType, true, s -> net(s) ? s.training().stageEpochs() : null),
            new Column<>("alternate_v_epochs", IntegerType, true,
                    s -> s.spec().alternate() == null ? null : s.spec().alternate().vEpochs()),
            new Column<>("alternate_u_epochs", IntegerType, true,
                    s -> s.spec().alternate() == null ? null : s.spec().alternate().uEpochs()),
            new Column<>("grow_to", DoubleType, true, s -> s.spec().grow() == null ? null : s.spec().grow().to()),
            new Column<>("grow_every", IntegerType, true,
                    s -> s.spec().grow() == null ? null : s.spec().grow().every()),
            new Column<>("grow_step", DoubleType, true, s -> s.spec().grow() == null ? null : s.spec().grow().step()),
            new Column<>("final_fraction", DoubleType, true, s -> finalFraction(s.outcome())),
            new Column<>("distributed_mode", StringType, true,
                    s -> s.spec().distributed() == null ? null : s.spec().distributed().mode()),
            new Column<>("partitions", IntegerType, true,
                    s -> s.spec().distributed() == null ? null
                            : s.spec().distributed().dataParallel() ? s.spec().distributed().partitions()
                            : s.spec().columns()),
            new Column<>("rica", StringType, true, s -> s.spec().isRica() ? s.spec().ricaText() : null),
            new Column<>("rica_features", IntegerType, true, s -> rica(s) == null ? null : rica(s).features()),
            new Column<>("rica_patch", IntegerType, true, s -> s.spec().isRica() ? s.spec().rica().patch() : null),
            new Column<>("rica_objective_initial", DoubleType, true,
                    s -> rica(s) == null ? null : rica(s).objectiveInitial()),
            new Column<>("rica_objective_final", DoubleType, true,
                    s -> rica(s) == null ? null : rica(s).objectiveFinal()),
            new Column<>("rica_iterations", IntegerType, true, s -> rica(s) == null ? null : rica(s).iterations()),
            new Column<>("rica_stop", StringType, true, s -> rica(s) == null ? null : rica(s).stop()),
            new Column<>("rica_seconds", DoubleType, true, s -> rica(s) == null ? null : rica(s).ricaSeconds()),
            new Column<>("classifier_weight_decay", DoubleType, true,
                    s -> rica(s) == null ? null : rica(s).weightDecay()),
            new Column<>("feature_dimension", IntegerType, true,
                    s -> rica(s) == null ? null : rica(s).featureDimension()),
            new Column<>("scheduler", StringType, true, s -> s.outcome().scheduler()),
            new Column<>("rung", IntegerType, true, s -> s.outcome().rung()),
            new Column<>("recipes", StringType, true, s -> s.outcome().recipes()),
            new Column<>("config", StringType, false, s -> s.spec().canonicalConfig()),
            new Column<>("schema_version", IntegerType, false, s -> SCHEMA_VERSION),
            new Column<>("code_version", StringType, false, s -> s.provenance().codeVersion()),
            new Column<>("spark_version", StringType, false, s -> s.provenance().sparkVersion()),
            new Column<>("nd4j_version", StringType, false, s -> s.provenance().nd4jVersion()),
            new Column<>("java_version", StringType, false, s -> s.provenance().javaVersion()),
            new Column<>("dataset_path", StringType, false, s -> s.provenance().datasetPath()),
            new Column<>("dataset_sha256", StringType, false, s -> s.provenance().datasetSha256()),
            new Column<>("host", StringType, false, s -> s.outcome().machine().host()),
            new Column<>("cpu_model", StringType, true, s -> s.outcome().machine().cpuModel()),
            new Column<>("blas_core", StringType, true, s -> s.outcome().machine().blasCore()),
            new Column<>("start_time", TimestampType, false, s -> new Timestamp(s.outcome().startMillis())),
            new Column<>("end_time", TimestampType, false, s -> new Timestamp(s.outcome().endMillis())));

    public static final StructType SCHEMA = Column.schema(COLUMNS);

    private TrialTable() {}

    public static Row row(TrialOutcome outcome, Provenance provenance, Boolean selected) {
        return Column.row(COLUMNS, new Source(outcome, provenance, selected));
    }

    /**
     * The fraction of the kept network of a trial whose fraction grew: that of its best final epoch
     * (null without growth, or before the trial has one).
     */
    static Double finalFraction(TrialOutcome o) {
        return o.epochs().stream().filter(e -> e.stage() == 0 && e.epoch() == o.bestEpoch())
                .map(org.paramprediction.train.EpochMetrics::fraction).filter(java.util.Objects::nonNull).findFirst()
                .orElse(null);
    }

    /** False for a RICA trial, which has no network, activation or SGD settings (those columns are null). */
    private static boolean net(Source s) {
        return !s.spec().isRica();
    }

    private static RicaMetrics rica(Source s) {
        return s.outcome().rica();
    }

    private static List<String> layerInputs(ModelSpec m) {
        return java.util.stream.IntStream.range(0, m.hidden().size()).mapToObj(l -> m.layerInputShape(l).toString())
                .toList();
    }

    private static List<Double> toList(double[] a) {
        return a == null ? null : Arrays.stream(a).boxed().toList();
    }

    private static List<Integer> toList(int[] a) {
        return a == null ? null : Arrays.stream(a).boxed().toList();
    }
}
