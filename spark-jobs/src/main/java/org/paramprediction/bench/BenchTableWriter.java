package org.paramprediction.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Writes a {@link BenchTable} as {@code <out>/bench.csv} and {@code <out>/bench.parquet} (one
 * Parquet file, written by the Spark session). Both are first written completely into a staging
 * directory inside {@code out} and then renamed into place, so a run that fails part-way never
 * leaves a half-written table and an earlier run's table stays until the new one is complete.
 */
public final class BenchTableWriter {

    public static final String CSV = "bench.csv";
    public static final String PARQUET = "bench.parquet";

    /** The Parquet schema; {@code started_at} is a timestamp, numbers are doubles, {@code met} a boolean. */
    public static final StructType SCHEMA = new StructType()
            .add("section", DataTypes.StringType, false)
            .add("item", DataTypes.StringType, false)
            .add("metric", DataTypes.StringType, false)
            .add("value", DataTypes.DoubleType, true)
            .add("unit", DataTypes.StringType, true)
            .add("baseline", DataTypes.DoubleType, true)
            .add("ratio", DataTypes.DoubleType, true)
            .add("target", DataTypes.StringType, true)
            .add("met", DataTypes.BooleanType, true)
            .add("note", DataTypes.StringType, true)
            .add("run_id", DataTypes.StringType, false)
            .add("started_at", DataTypes.TimestampType, false)
            .add("machine", DataTypes.StringType, false);

    private BenchTableWriter() {}

    /** The staging directory of a run's write (package-visible so a test can block it). */
    static Path stagingDir(Path out, RunInfo run) {
        return out.resolve(".bench-" + run.runId() + ".tmp");
    }

    public static void write(SparkSession spark, BenchTable table, Path out) throws IOException {
        Files.createDirectories(out);
        Path staging = Files.createDirectory(stagingDir(out, table.run()));
        try {
            Path parquetDir = staging.resolve("parquet");
            spark.createDataFrame(sparkRows(table), SCHEMA).coalesce(1).write()
                    .parquet(parquetDir.toUri().toString());
            Path part = onlyPart(parquetDir);
            Path csv = Files.write(staging.resolve(CSV), table.csvLines());
            Files.move(part, out.resolve(PARQUET), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.move(csv, out.resolve(CSV), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            deleteRecursively(staging);
        }
    }

    private static List<Row> sparkRows(BenchTable table) {
        Timestamp started = Timestamp.from(table.run().startedAt());
        List<Row> rows = new ArrayList<>();
        for (BenchRow r : table.rows()) {
            rows.add(RowFactory.create(r.section(), r.item(), r.metric(), r.value(), r.unit(), r.baseline(), r.ratio(),
                    r.target(), r.met(), r.note(), table.run().runId(), started, table.run().machine()));
        }
        return rows;
    }

    private static Path onlyPart(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> parts = files.filter(p -> p.getFileName().toString().startsWith("part-")
                    && p.getFileName().toString().endsWith(".parquet")).toList();
            if (parts.size() != 1) {
                throw new IOException("expected one Parquet part file in " + dir + " but found " + parts);
            }
            return parts.get(0);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
