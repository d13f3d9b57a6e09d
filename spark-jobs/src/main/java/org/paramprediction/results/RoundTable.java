package org.paramprediction.results;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.paramprediction.distributed.RoundMetrics;

/**
 * The {@code rounds} table: one row per round of a data-parallel trial, with the bytes it moved and
 * what full parameter averaging of the same architecture would have moved. {@code valid_error} is
 * set on the last round of each epoch (null on the others).
 */
public final class RoundTable {

    /** One round of one trial. */
    public record Source(String sweepId, String trialId, RoundMetrics m) {}

    public static final List<Column<Source>> COLUMNS = List.of(
            new Column<>("sweep_id", StringType, false, Source::sweepId),
            new Column<>("trial_id", StringType, false, Source::trialId),
            new Column<>("round", IntegerType, false, s -> s.m().round()),
            new Column<>("stage", IntegerType, false, s -> s.m().stage()),
            new Column<>("epoch", IntegerType, false, s -> s.m().epoch()),
            new Column<>("workers", IntegerType, false, s -> s.m().workers()),
            new Column<>("examples", LongType, false, s -> s.m().examples()),
            new Column<>("bytes_down", LongType, false, s -> s.m().bytesDown()),
            new Column<>("bytes_up", LongType, false, s -> s.m().bytesUp()),
            new Column<>("full_bytes_down", LongType, false, s -> s.m().fullBytesDown()),
            new Column<>("full_bytes_up", LongType, false, s -> s.m().fullBytesUp()),
            new Column<>("seconds", DoubleType, false, s -> s.m().seconds()),
            new Column<>("train_loss", DoubleType, false, s -> s.m().trainLoss()),
            new Column<>("valid_error", DoubleType, true,
                    s -> Double.isNaN(s.m().validError()) ? null : s.m().validError()));

    public static final StructType SCHEMA = Column.schema(COLUMNS);

    private RoundTable() {}

    public static List<Row> rows(TrialOutcome outcome) {
        List<Row> rows = new ArrayList<>();
        for (RoundMetrics m : outcome.rounds()) {
            rows.add(Column.row(COLUMNS, new Source(outcome.spec().sweepId(), outcome.spec().trialId(), m)));
        }
        return rows;
    }
}
