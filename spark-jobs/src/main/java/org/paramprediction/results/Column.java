package org.paramprediction.results;

import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** One typed column of an output table and how to get its value from a source object. */
public record Column<T>(String name, DataType type, boolean nullable, Function<T, Object> value) {

    /** The Spark schema of {@code columns}, in order. */
    public static <T> StructType schema(List<Column<T>> columns) {
        StructField[] fields = new StructField[columns.size()];
        for (int i = 0; i < fields.length; i++) {
            Column<T> c = columns.get(i);
            fields[i] = new StructField(c.name(), c.type(), c.nullable(), org.apache.spark.sql.types.Metadata.empty());
        }
        return new StructType(fields);
    }

    /** The row of {@code source} under {@code columns}. */
    public static <T> Row row(List<Column<T>> columns, T source) {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = columns.get(i).value().apply(source);
        }
        return RowFactory.create(values);
    }
}
