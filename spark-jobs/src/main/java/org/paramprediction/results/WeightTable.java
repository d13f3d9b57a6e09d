package org.paramprediction.results;

import static org.apache.spark.sql.types.DataTypes.FloatType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.paramprediction.io.RecipeJson;
import org.paramprediction.train.LearnedWeights;

/**
 * The opt-in {@code weights} table ({@code output.keep_weights: true}): one row per trial, hidden
 * layer and column with the column's dictionary recipe and its learned {@code V} (see {@link
 * LearnedWeights} for the layouts). {@code sweep_id} is the partition column.
 */
public final class WeightTable {

    /** One kept column of one trial. */
    public record Source(String sweepId, String trialId, LearnedWeights w) {}

    public static final List<Column<Source>> COLUMNS = List.of(
            new Column<>("sweep_id", StringType, false, Source::sweepId),
            new Column<>("trial_id", StringType, false, Source::trialId),
            new Column<>("layer", IntegerType, false, s -> s.w().layer()),
            new Column<>("column", IntegerType, false, s -> s.w().column()),
            new Column<>("recipe", StringType, false, s -> RecipeJson.render(s.w().recipe())),
            new Column<>("inputs", IntegerType, false, s -> s.w().inputs()),
            new Column<>("atoms", IntegerType, false, s -> s.w().atoms()),
            new Column<>("units", IntegerType, false, s -> s.w().units()),
            new Column<>("v", createArrayType(FloatType, false), false, s -> floats(s.w().v())),
            new Column<>("u", createArrayType(FloatType, false), true, s -> floats(s.w().u())));

    public static final StructType SCHEMA = Column.schema(COLUMNS);

    private WeightTable() {}

    public static List<Row> rows(TrialOutcome outcome) {
        List<Row> rows = new ArrayList<>();
        for (LearnedWeights w : outcome.weights()) {
            rows.add(Column.row(COLUMNS, new Source(outcome.spec().sweepId(), outcome.spec().trialId(), w)));
        }
        return rows;
    }

    private static List<Float> floats(float[] a) {
        if (a == null) {
            return null;
        }
        List<Float> out = new ArrayList<>(a.length);
        for (float x : a) {
            out.add(x);
        }
        return out;
    }
}
