package org.paramprediction.results;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.FloatType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paramprediction.SharedSpark;

/**
 * The driver-side Parquet writer: every column type of the output tables survives a round trip
 * through Spark and through DuckDB (a notebook's reader), and only complete files are visible.
 * Values are compared exactly: they are copies, not computations.
 */
class ParquetFilesTest {

    private static final StructType SCHEMA = Column.schema(List.<Column<Object[]>>of(
            new Column<>("s", StringType, false, a -> a[0]),
            new Column<>("i", IntegerType, false, a -> a[1]),
            new Column<>("l", LongType, true, a -> a[2]),
            new Column<>("d", DoubleType, false, a -> a[3]),
            new Column<>("f", FloatType, false, a -> a[4]),
            new Column<>("b", BooleanType, false, a -> a[5]),
            new Column<>("t", TimestampType, false, a -> a[6]),
            new Column<>("doubles", createArrayType(DoubleType, false), true, a -> a[7]),
            new Column<>("strings", createArrayType(StringType, false), true, a -> a[8])));

    @TempDir
    Path tmp;

    @Test
    void rowsRoundTripThroughSparkAndDuckDb() throws Exception {
        Timestamp t = Timestamp.valueOf("2026-12-02 11:29:14.123456");
        List<Row> rows = List.of(
                RowFactory.create("héllo", 7, 1L << 40, 0.1, 2.5f, true, t, List.of(1.0, -2.25), List.of("a", "bc")),
                RowFactory.create("", -1, null, Double.NaN, -0.0f, false, t, List.of(), null));
        Configuration conf = SharedSpark.session().sparkContext().hadoopConfiguration();
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(tmp.resolve("table").toUri());
        FileSystem fs = dir.getFileSystem(conf);
        org.apache.hadoop.fs.Path file = ParquetFiles.write(fs, conf, dir, ParquetFiles.newName("trial"), rows, SCHEMA);
        assertTrue(ParquetFiles.isDataFile(file));

        try (Stream<Path> files = Files.list(tmp.resolve("table"))) {
            assertFalse(files.anyMatch(p -> ParquetFiles.isInProgress(new org.apache.hadoop.fs.Path(p.toUri()))),
                    "an in-progress file was left behind");
        }

        List<Row> spark = SharedSpark.session().read().parquet(dir.toString()).orderBy("i").collectAsList();
        assertEquals(SCHEMA.simpleString(), SharedSpark.session().read().parquet(dir.toString()).schema().simpleString());
        Row a = spark.get(1);
        Row b = spark.get(0);
        assertEquals("héllo", a.getString(0));
        assertEquals(1L << 40, a.getLong(2));
        assertEquals(0.1, a.getDouble(3));
        assertEquals(2.5f, a.getFloat(4));
        assertTrue(a.getBoolean(5));
        assertEquals(t, a.getTimestamp(6));
        assertEquals(List.of(1.0, -2.25), a.getList(7));
        assertEquals(List.of("a", "bc"), a.getList(8));
        assertTrue(b.isNullAt(2));
        assertTrue(Double.isNaN(b.getDouble(3)));
        assertEquals(List.of(), b.getList(7));
        assertTrue(b.isNullAt(8));

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT s, l, epoch_us(t) AS us, len(doubles) AS n, strings FROM read_parquet('"
                        + tmp.resolve("table") + "/*.parquet') ORDER BY i")) {
            assertTrue(rs.next());
            assertEquals("", rs.getString("s"));
            rs.getLong("l");
            assertTrue(rs.wasNull());
            assertEquals(0, rs.getInt("n"));
            assertNull(rs.getObject("strings"));
            assertTrue(rs.next());
            assertEquals("héllo", rs.getString("s"));
            assertEquals(1L << 40, rs.getLong("l"));
            assertEquals(2, rs.getInt("n"));
            assertEquals(java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH, t.toInstant()), rs.getLong("us"));
            assertFalse(rs.next());
        }
    }

    /**
     * The driver-side reader gives exactly what a Spark read with the same schema gives: on files it
     * wrote, on a file Spark wrote with its legacy INT96 timestamps and a column missing (an older
     * schema version), and on every committed trials and epochs file under docs/results.
     */
    @Test
    void readerMatchesSparkOnOurFilesSparksFilesAndTheCommittedResults() throws Exception {
        Timestamp t = Timestamp.valueOf("2026-12-02 11:29:14.123456");
        List<Row> rows = List.of(
                RowFactory.create("héllo", 7, 1L << 40, 0.1, 2.5f, true, t, List.of(1.0, -2.25), List.of("a", "bc")),
                RowFactory.create("", -1, null, Double.NaN, -0.0f, false, t, List.of(), null));
        var spark = SharedSpark.session();
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        org.apache.hadoop.fs.Path ours = new org.apache.hadoop.fs.Path(tmp.resolve("ours").toUri());
        ParquetFiles.write(ours.getFileSystem(conf), conf, ours, ParquetFiles.newName("trial"), rows, SCHEMA);
        assertSameAsSpark(conf, ours, SCHEMA);

        // Spark's own writer, legacy INT96 timestamps, without the last column
        String previous = spark.conf().get("spark.sql.parquet.outputTimestampType");
        spark.conf().set("spark.sql.parquet.outputTimestampType", "INT96");
        try {
            spark.createDataFrame(rows, SCHEMA).drop("strings").coalesce(1).write()
                    .parquet(tmp.resolve("spark").toString());
        } finally {
            spark.conf().set("spark.sql.parquet.outputTimestampType", previous);
        }
        List<Row> legacy = assertSameAsSpark(conf, new org.apache.hadoop.fs.Path(tmp.resolve("spark").toUri()), SCHEMA);
        assertEquals(t, legacy.get(0).getAs("t"));
        assertTrue(legacy.get(0).isNullAt(8));

        int files = 0;
        for (String table : List.of("trials", "epochs")) {
            StructType schema = ResultStore.withoutSweepId(table.equals("trials") ? TrialTable.SCHEMA : EpochTable.SCHEMA);
            try (Stream<Path> dirs = Files.walk(Path.of("..", "docs", "results"))) {
                for (Path dir : dirs.filter(d -> Files.isDirectory(d) && d.getFileName().toString().startsWith("sweep_id=")
                        && d.getParent().getFileName().toString().equals(table)).toList()) {
                    assertSameAsSpark(conf, new org.apache.hadoop.fs.Path(dir.toAbsolutePath().toUri()), schema);
                    files++;
                }
            }
        }
        assertTrue(files >= 4, "expected the committed results under docs/results, found " + files + " tables");
    }

    /** Reads {@code dir}'s data files both ways and compares every value; returns the driver's rows. */
    private static List<Row> assertSameAsSpark(Configuration conf, org.apache.hadoop.fs.Path dir, StructType schema)
            throws Exception {
        List<org.apache.hadoop.fs.Path> files = new java.util.ArrayList<>();
        for (var f : dir.getFileSystem(conf).listStatus(dir, ParquetFiles::isDataFile)) {
            files.add(f.getPath());
        }
        assertFalse(files.isEmpty(), "no data files in " + dir);
        List<Row> driver = ParquetFiles.read(conf, files, schema);
        List<Row> spark = SharedSpark.session().read().schema(schema)
                .parquet(files.stream().map(Object::toString).toArray(String[]::new)).collectAsList();
        assertEquals(spark.size(), driver.size(), dir.toString());
        java.util.Comparator<Row> order = java.util.Comparator.comparing(row -> scalarKey(row, schema));
        List<Row> a = driver.stream().sorted(order).toList();
        List<Row> b = spark.stream().sorted(order).toList();
        for (int r = 0; r < a.size(); r++) {
            for (int c = 0; c < schema.size(); c++) {
                Object x = a.get(r).get(c);
                Object y = b.get(r).get(c);
                if (y instanceof scala.collection.Seq<?> seq) {
                    y = scala.collection.JavaConverters.seqAsJavaList(seq);
                }
                assertEquals(y, x, dir + " row " + r + " column " + schema.fields()[c].name());
            }
        }
        return driver;
    }

    /** The non-array values of a row, as text: a sort key that both readers' rows share. */
    private static String scalarKey(Row row, StructType schema) {
        StringBuilder key = new StringBuilder();
        for (int c = 0; c < schema.size(); c++) {
            if (!(schema.fields()[c].dataType() instanceof org.apache.spark.sql.types.ArrayType)) {
                key.append(row.get(c)).append('\u0001');
            }
        }
        return key.toString();
    }
}
