package org.paramprediction.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** The rows of one report query, column name to value, with typed reads. */
public record QueryRows(List<Map<String, Object>> rows) {

    public QueryRows {
        rows = List.copyOf(rows);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public QueryRows where(Predicate<Map<String, Object>> keep) {
        return new QueryRows(rows.stream().filter(keep).toList());
    }

    /** The distinct values of a column, in row order. */
    public <T> List<T> distinct(String column, Class<T> type) {
        Set<T> out = new LinkedHashSet<>();
        rows.forEach(r -> out.add(type.cast(r.get(column))));
        return List.copyOf(out);
    }

    /** A number, NaN for null. */
    public static double num(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }

    public static int integer(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).intValue();
    }

    public static String text(Map<String, Object> row, String column) {
        return String.valueOf(row.get(column));
    }
}
