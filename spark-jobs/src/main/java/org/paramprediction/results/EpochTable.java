package org.paramprediction.results;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.paramprediction.train.EpochMetrics;

/**
 * The {@code epochs} table: one row per trial and epoch. {@code stage} 0 is the training of the whole
 * network; {@code k >= 1} the pre-training of layers 1..k before an empirical dictionary in layer k+1.
 * {@code fraction} (nullable, added later: null in older files) is the fraction learned the epoch trained
 * with when the trial's fraction grows ({@code dictionary.grow}), else null.
 */
public final class EpochTable {

    /** One epoch of one trial. */
    public record Source(String sweepId, String trialId, EpochMetrics m) {}

    public static final List<Column<Source>> COLUMNS = List.of(
            new Column<>("sweep_id", StringType, false, Source::sweepId),
            new Column<>("trial_id", StringType, false, Source::trialId),
            new Column<>("stage", IntegerType, false, s -> s.m().stage()),
            new Column<>("epoch", IntegerType, false, s -> s.m().epoch()),
            new Column<>("learning_rate", DoubleType, false, s -> s.m().learningRate()),
            new Column<>("momentum", DoubleType, false, s -> s.m().momentum()),
            new Column<>("train_loss", DoubleType, false, s -> s.m().trainLoss()),
            new Column<>("train_error", DoubleType, false, s -> s.m().trainError()),
            new Column<>("valid_error", DoubleType, false, s -> s.m().validError()),
            new Column<>("test_error", DoubleType, false, s -> s.m().testError()),
            new Column<>("train_seconds", DoubleType, false, s -> s.m().trainSeconds()),
            new Column<>("seconds", DoubleType, false, s -> s.m().seconds()),
            new Column<>("fraction", DoubleType, true, s -> s.m().fraction()));

    public static final StructType SCHEMA = Column.schema(COLUMNS);

    private EpochTable() {}

    public static List<Row> rows(TrialOutcome outcome) {
        List<Row> rows = new ArrayList<>();
        for (EpochMetrics m : outcome.epochs()) {
            rows.add(Column.row(COLUMNS, new Source(outcome.spec().sweepId(), outcome.spec().trialId(), m)));
        }
        return rows;
    }
}
