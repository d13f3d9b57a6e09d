package org.paramprediction.results;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code selections} table of a sweep with a {@code select} section: one row per configuration
 * and candidate, the phase-1 result that decided (see README, "Output schema"). {@code sweep_id} is
 * the partition column.
 */
public final class SelectionTable {

    /** Bumped on any change of columns; additions are nullable. */
    public static final int SCHEMA_VERSION = 1;

    /**
     * One candidate of one configuration.
     *
     * @param configuration the other keys' values, e.g. {@code method=SE-Emp fraction=0.1}
     * @param value         the over keys' values, e.g. {@code training.learning_rate=0.01}
     * @param candidate     0-based position in file order (the order that breaks ties)
     * @param trialId       the candidate's phase-1 trial (repeat 0)
     * @param status        that trial's status, OK or FAILED
     * @param metric        the metric's name, e.g. {@code best_valid_error}
     * @param metricValue   its value, null for a FAILED trial
     * @param selected      true for the chosen candidate (none when every candidate failed)
     */
    public record Source(String sweepId, String configuration, String value, int candidate, String trialId,
            String status, String metric, Double metricValue, boolean selected) {}

    public static final List<Column<Source>> COLUMNS = List.of(
            new Column<>("sweep_id", StringType, false, Source::sweepId),
            new Column<>("configuration", StringType, false, Source::configuration),
            new Column<>("value", StringType, false, Source::value),
            new Column<>("candidate", IntegerType, false, Source::candidate),
            new Column<>("trial_id", StringType, false, Source::trialId),
            new Column<>("status", StringType, false, Source::status),
            new Column<>("metric", StringType, false, Source::metric),
            new Column<>("metric_value", DoubleType, true, Source::metricValue),
            new Column<>("selected", BooleanType, false, Source::selected),
            new Column<>("schema_version", IntegerType, false, s -> SCHEMA_VERSION));

    public static final StructType SCHEMA = Column.schema(COLUMNS);

    private SelectionTable() {}

    public static Row row(Source source) {
        return Column.row(COLUMNS, source);
    }
}
