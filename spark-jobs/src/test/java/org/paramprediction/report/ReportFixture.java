package org.paramprediction.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
import org.paramprediction.SharedSpark;
import org.paramprediction.sweep.SweepRunner;
import org.paramprediction.sweep.config.SweepConfigLoader;
import org.paramprediction.sweep.config.SweepSpec;

/**
 * One real small sweep per test JVM for the report tests: Full, Downsized, SE, SE-Emp and RandFixU
 * at two fractions, 1 and 2 columns, 2 seeds, with kept weights, on a 1,000-image Fashion-MNIST
 * subset (30 trials, a few seconds each on local[2]). Also DuckDB views over it, as a notebook
 * would make them.
 */
public final class ReportFixture {

    public static final String SWEEP = "report-fixture";
    static final String CONFIG = """
            name: report-fixture
            dataset: {train_size: 1000, valid_size: 200, test_size: 300}
            model: {hidden: [24, 24], activation: relu}
            training: {epochs: 3, stage_epochs: 1, learning_rate: 0.05, batch_size: 50}
            method: [Full, Downsized, SE, SE-Emp, RandFixU]
            fraction: [0.1, 0.25]
            columns: [1, 2]
            output: {keep_weights: true}
            repeats: 2
            """;
    public static final int TRIALS = 2 + 2 * 2 + 3 * 2 * 2 * 2;

    private static Path output;

    private ReportFixture() {}

    /** The sweep's output root (trials/, epochs/, weights/), run on first use. */
    public static synchronized Path output() {
        if (output == null) {
            try {
                Path out = Files.createTempDirectory("report-fixture");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(out)));
                SweepSpec sweep = SweepConfigLoader.parse(CONFIG, "report-fixture.yaml");
                PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
                SweepRunner.Result r = new SweepRunner(SharedSpark.session(), quiet).run(sweep, out.toString(), false,
                        false);
                if (r.failed() > 0 || r.total() != TRIALS) {
                    throw new IllegalStateException("fixture sweep: " + r);
                }
                output = out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return output;
    }

    /** Rows of {@code sql} on DuckDB, with views {@code trials}, {@code epochs} and {@code weights} of the sweep. */
    static List<Map<String, Object>> duckdb(Path out, String sweepId, String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            for (String table : List.of("trials", "epochs", "weights")) {
                if (Files.isDirectory(out.resolve(table))) {
                    s.execute("CREATE VIEW " + table + " AS SELECT * FROM read_parquet('" + out + "/" + table
                            + "/*/*.parquet', hive_partitioning = true) WHERE sweep_id = '" + sweepId + "'");
                }
            }
            s.execute(Files.isDirectory(out.resolve("selections"))
                    ? "CREATE VIEW selections AS SELECT * FROM read_parquet('" + out + "/selections/*/*.parquet', "
                            + "hive_partitioning = true) WHERE sweep_id = '" + sweepId + "'"
                    : ClaimsSqlTest.EMPTY_SELECTIONS);
            try (ResultSet rs = s.executeQuery(sql)) {
                return org.paramprediction.sweep.ParquetQueries.rows(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** A copy of the sweep's output under {@code target}, for tests that change it. */
    public static Path copyTo(Path target) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(output())) {
            for (Path p : files.toList()) {
                Path to = target.resolve(output().relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }

    static void deleteTree(Path root) {
        try (java.util.stream.Stream<Path> files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temporary directory
        }
    }
}
