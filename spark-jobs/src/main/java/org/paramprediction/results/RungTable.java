package org.paramprediction.results;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code rungs} table of a sweep with a {@code scheduler}: one row per decision, a trial reaching
 * a rung (see README, "Output schema"). {@code sequence} numbers the decisions in the order they
 * were made; replaying the results in that order makes the same decisions, which is how a resumed
 * run restores its scheduler. {@code sweep_id} is the partition column.
 */
public final class RungTable {

    /** Bumped on any change of columns; additions are nullable. */
    public static final int SCHEMA_VERSION = 1;

    /**
     * One trial at one rung.
     *
     * @param rung        0-based rung index
     * @param rungEpochs  the rung's epochs ({@code min_epochs * reduction^rung}, or {@code max_epochs})
     * @param epochs      epochs of final training the trial had when it reached the rung (fewer than
     *                    {@code rungEpochs} when it ended on its own)
     * @param metricValue the metric then (null for a FAILED trial)
     * @param decision    PROMOTE, STOP or COMPLETE
     * @param finished    the trial ended on its own (early stopping, its last rung, or FAILED)
     * @param seconds     wall time of the segment that brought it here
     */
    public record Source(String sweepId, String trialId, int sequence, int rung, int rungEpochs, int epochs,
            String metric, Double metricValue, String decision, boolean finished, String status, double seconds,
            String scheduler, long decidedMillis) {}

    public static final List<Column<Source>> COLUMNS = List.of(
            new Column<>("sweep_id", StringType, false, Source::sweepId),
            new Column<>("trial_id", StringType, false, Source::trialId),
            new Column<>("sequence", IntegerType, false, Source::sequence),
            new Column<>("rung", IntegerType, false, Source::rung),
            new Column<>("rung_epochs", IntegerType, false, Source::rungEpochs),
            new Column<>("epochs", IntegerType, false, Source::epochs),
            new Column<>("metric", StringType, false, Source::metric),
            new Column<>("metric_value", DoubleType, true, Source::metricValue),
            new Column<>("decision", StringType, false, Source::decision),
            new Column<>("finished", BooleanType, false, Source::finished),
            new Column<>("status", StringType, false, Source::status),
            new Column<>("seconds", DoubleType, false, Source::seconds),
            new Column<>("scheduler", StringType, false, Source::scheduler),
            new Column<>("decided_at", TimestampType, false, s -> new Timestamp(s.decidedMillis())),
            new Column<>("schema_version", IntegerType, false, s -> SCHEMA_VERSION));

    public static final StructType SCHEMA = Column.schema(COLUMNS);

    private RungTable() {}

    public static Row row(Source source) {
        return Column.row(COLUMNS, source);
    }
}
