package org.paramprediction.sweep;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a sweep's Parquet output with DuckDB, independently of Spark, as a notebook would. */
public final class ParquetQueries {

    private ParquetQueries() {}

    /** Rows of {@code sql}, where {@code trials}, {@code epochs}, {@code rounds}, {@code weights} and {@code rungs} name the tables under {@code out}. */
    public static List<Map<String, Object>> query(Path out, String sql) {
        String trials = "read_parquet('" + out + "/trials/*/*.parquet', hive_partitioning = true)";
        String epochs = "read_parquet('" + out + "/epochs/*/*.parquet', hive_partitioning = true)";
        String rounds = "read_parquet('" + out + "/rounds/*/*.parquet', hive_partitioning = true)";
        String weights = "read_parquet('" + out + "/weights/*/*.parquet', hive_partitioning = true)";
        String rungs = "read_parquet('" + out + "/rungs/*/*.parquet', hive_partitioning = true)";
        String q = sql.replace("{trials}", trials).replace("{epochs}", epochs).replace("{rounds}", rounds)
                .replace("{weights}", weights).replace("{rungs}", rungs);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(q)) {
            return rows(rs);
        } catch (SQLException e) {
            throw new IllegalStateException(q + ": " + e.getMessage(), e);
        }
    }

    /** Every row of {@code rs} as column label -> value, in order. */
    public static List<Map<String, Object>> rows(ResultSet rs) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= n; i++) {
                row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
            }
            rows.add(row);
        }
        return rows;
    }

    public static long count(Path out, String sql) {
        return ((Number) query(out, sql).get(0).values().iterator().next()).longValue();
    }
}
