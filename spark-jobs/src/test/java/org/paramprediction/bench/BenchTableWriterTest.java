package org.paramprediction.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paramprediction.SharedSpark;
import org.paramprediction.sweep.ParquetQueries;

/** The bench table survives CSV and Parquet unchanged, and a failed write leaves the previous table alone. */
class BenchTableWriterTest {

    @TempDir
    Path tmp;

    private static final RunInfo RUN = new RunInfo("20261124T230000Z-abc123", Instant.parse("2026-11-24T23:00:00.123Z"),
            "Test CPU, 2 cores, Java 17");

    private static BenchTable table() {
        return new BenchTable(RUN, List.of(
                BenchRow.of(BenchSection.GEMM, "Full step", "gemm limit", 142.25, "GFLOP/s"),
                BenchRow.of(BenchSection.TRAINING, "SE+Emp f=0.10 c=5 orth", "s/epoch", 0.98, "s")
                        .withBaseline(1.66, 0.98 / 1.66).withTarget(Target.atMost(0.5))
                        .withNote("ratio = s/epoch / Full's, \"quoted\", with commas"),
                BenchRow.of(BenchSection.MLLIB, "ours", "time to reach MLlib's final accuracy", Double.NaN, "s")));
    }

    @Test
    void csvAndParquetHoldTheSameRowsAndNothingElseIsLeft() throws IOException {
        BenchTable table = table();
        BenchTableWriter.write(SharedSpark.session(), table, tmp);

        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(Set.of(BenchTableWriter.CSV, BenchTableWriter.PARQUET),
                    files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
        List<List<String>> csv = Files.readAllLines(tmp.resolve(BenchTableWriter.CSV)).stream()
                .map(BenchTableWriterTest::parseCsvLine).toList();
        assertEquals(BenchTable.COLUMNS, csv.get(0));
        assertEquals(List.of("training", "SE+Emp f=0.10 c=5 orth", "s/epoch", "0.98", "s", "1.66",
                Double.toString(0.98 / 1.66), "<= 0.5", "false", "ratio = s/epoch / Full's, \"quoted\", with commas",
                RUN.runId(), "2026-11-24T23:00:00.123Z", "Test CPU, 2 cores, Java 17"), csv.get(2));
        assertEquals("", csv.get(3).get(3), "a missing value is empty, not 0 or NaN");

        List<Row> parquet = SharedSpark.session().read().parquet(tmp.resolve(BenchTableWriter.PARQUET).toString())
                .collectAsList();
        assertEquals(table.rows().size(), parquet.size());
        for (int i = 0; i < parquet.size(); i++) {
            Row p = parquet.get(i);
            BenchRow r = table.rows().get(i);
            assertArrayEquals(new Object[] {r.section(), r.item(), r.metric(), r.value(), r.unit(), r.baseline(),
                r.ratio(), r.target(), r.met(), r.note(), RUN.runId(), Timestamp.from(RUN.startedAt()), RUN.machine()},
                    values(p));
            for (int c = 0; c < BenchTable.COLUMNS.size(); c++) {
                assertEquals(BenchTable.COLUMNS.get(c), p.schema().fields()[c].name());
            }
        }
        assertNull(parquet.get(2).get(3));

        // and an independent reader (DuckDB, as a notebook would) sees the same single file
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT section, metric, value, met FROM read_parquet('"
                        + tmp.resolve(BenchTableWriter.PARQUET) + "')")) {
            List<Map<String, Object>> rows = ParquetQueries.rows(rs);
            assertEquals(3, rows.size());
            assertEquals(Map.of("section", "training", "metric", "s/epoch", "value", 0.98, "met", false), rows.get(1));
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aWriteThatFailsHalfWayLeavesThePreviousTableAndNoStagingFiles() throws IOException {
        BenchTableWriter.write(SharedSpark.session(), table(), tmp);
        byte[] csvBefore = Files.readAllBytes(tmp.resolve(BenchTableWriter.CSV));
        byte[] parquetBefore = Files.readAllBytes(tmp.resolve(BenchTableWriter.PARQUET));

        // A null section violates the non-nullable column: Spark fails inside the write job, after the
        // staging directory exists and Parquet output has started.
        RunInfo second = new RunInfo("20261124T230100Z-def456", RUN.startedAt(), RUN.machine());
        BenchTable broken = new BenchTable(second, List.of(
                new BenchRow(null, "item", "metric", 1.0, "s", null, null, null, null, null)));
        assertThrows(Exception.class, () -> BenchTableWriter.write(SharedSpark.session(), broken, tmp));

        assertArrayEquals(csvBefore, Files.readAllBytes(tmp.resolve(BenchTableWriter.CSV)));
        assertArrayEquals(parquetBefore, Files.readAllBytes(tmp.resolve(BenchTableWriter.PARQUET)));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(2, files.count(), "the staging directory is removed");
        }
    }

    private static Object[] values(Row r) {
        Object[] v = new Object[r.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.get(i);
        }
        return v;
    }

    /** RFC 4180 fields of one line (no embedded line breaks in these tables). */
    private static List<String> parseCsvLine(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        fields.add(f.toString());
        return fields;
    }
}
