package org.paramprediction.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paramprediction.platform.CpuInfo;
import org.paramprediction.platform.OpenBlasCore;

/**
 * Runs {@code submit-scripts/submit-sweep.sh} through Spark's own launcher on {@code local[2]}: a
 * stand-in SPARK_HOME in {@code target/spark-home} ({@link StandInSparkHome}) holds Spark's jars
 * (copied by the pom in pre-integration-test) and a {@code bin/spark-class} that, like Spark's, runs
 * {@code org.apache.spark.launcher.Main} and execs the command it prints, so the shaded jar is run
 * by {@code org.apache.spark.deploy.SparkSubmit} in a JVM of its own.
 */
class SubmitSweepIT {

    private static final long TIMEOUT_SECONDS = 180;

    private static final String CONFIG = """
            name: submit-it
            dataset: {train_size: 1000, valid_size: 200, test_size: 200}
            model: {hidden: [16], activation: relu}
            training: {epochs: 1}
            method: [Full, RandFixU]
            fraction: 0.2
            columns: 1
            repeats: 1
            """;

    private static Path repo;
    private static Path sparkHome;

    @TempDir
    Path tmp;

    @BeforeAll
    static void standInSparkHome() throws IOException {
        repo = StandInSparkHome.repo();
        sparkHome = StandInSparkHome.prepare();
    }

    /** The exit code and the combined stdout and stderr of {@code submit-sweep.sh config out}. */
    private record Run(int exitCode, String output) {}

    private Run submit(Path config, Path out) throws IOException, InterruptedException {
        return submit(config, out, Map.of());
    }

    /** As {@link #submit(Path, Path)}, with more (or overriding) environment variables. */
    private Run submit(Path config, Path out, Map<String, String> more) throws IOException, InterruptedException {
        Path log = tmp.resolve("submit-" + config.getFileName() + ".log");
        ProcessBuilder pb = new ProcessBuilder("bash", repo.resolve("submit-scripts/submit-sweep.sh").toString(),
                config.toString(), out.toString())
                .directory(tmp.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        StandInSparkHome.hermetic(env, sparkHome); // each JVM chooses its kernel, unless a test sets it
        env.put("SPARK_PRINT_LAUNCH_COMMAND", "1");
        env.put("MASTER", "local[2]");
        env.put("DRIVER_MEMORY", "2g");
        env.putAll(more);
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("submit-sweep.sh did not finish in " + TIMEOUT_SECONDS + " s:\n" + tail(log));
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static String tail(Path log) {
        try {
            String s = Files.readString(log, StandardCharsets.UTF_8);
            return s.length() > 20_000 ? s.substring(s.length() - 20_000) : s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SPARK_PRINT_LAUNCH_COMMAND makes the launcher print the java command it built. */
    private static void assertLaunchedBySparkSubmit(Run run) {
        String launch = run.output().lines().filter(l -> l.startsWith("Spark Command: "))
                .findFirst().orElseThrow(() -> new AssertionError("no launch command printed:\n" + run.output()));
        assertTrue(launch.contains("org.apache.spark.deploy.SparkSubmit"), launch);
        assertTrue(launch.contains("--master local[2]"), launch);
        assertTrue(launch.contains("spark-jobs-0.1.0-SNAPSHOT.jar sweep "), launch);
        assertTrue(launch.contains("-Xmx2g"), "driver memory from DRIVER_MEMORY: " + launch);
    }

    @Test
    void sweepRunsThroughSparkSubmitOnLocal2AndWritesParquet() throws Exception {
        Path config = Files.writeString(tmp.resolve("submit-it.yaml"), CONFIG);
        Path out = tmp.resolve("out");
        Run run = submit(config, out);
        assertEquals(0, run.exitCode(), run.output());
        assertLaunchedBySparkSubmit(run);
        assertTrue(run.output().lines().anyMatch(l -> l.startsWith("BLAS: OpenBLAS ")), "the driver's BLAS check:\n"
                + run.output());
        assertTrue(run.output().lines().noneMatch(l -> l.contains(" INFO ")), "a quiet console:\n" + run.output());
        assertTrue(run.output().lines().anyMatch(l -> l.startsWith("sweep submit-it:")), run.output());

        Path trials = out.resolve("trials/sweep_id=submit-it");
        try (Stream<Path> s = Files.list(trials)) {
            assertTrue(s.anyMatch(f -> f.getFileName().toString().endsWith(".parquet")), "no Parquet in " + trials);
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*), min(status), max(status) FROM read_parquet('"
                        + out + "/trials/*/*.parquet')")) {
            assertTrue(rs.next());
            assertEquals(2, rs.getLong(1), "one row per trial");
            assertEquals("OK", rs.getString(2));
            assertEquals("OK", rs.getString(3));
        } catch (SQLException e) {
            throw new AssertionError(e.getMessage() + "\n" + run.output(), e);
        }
    }

    /**
     * {@code local-cluster[1,1,1024]}: a Master and a Worker in the driver, and an executor in a JVM of
     * its own, launched by the Worker from the stand-in SPARK_HOME. The executor must choose its own
     * OpenBLAS kernel through the plugin (its log says so) and the trial rows carry that kernel.
     */
    @Test
    void theExecutorJvmChoosesItsOwnKernelThroughThePlugin() throws Exception {
        Path config = Files.writeString(tmp.resolve("submit-it.yaml"), CONFIG);
        Path out = tmp.resolve("cluster-out");
        Path work = sparkHome.resolve("work");
        deleteRecursively(work);
        Run run = submit(config, out, Map.of("MASTER", "local-cluster[1,1,1024]", "EXECUTOR_MEMORY", "1g",
                "EXECUTOR_CORES", "1", "MEMORY_OVERHEAD", "512m"));
        assertEquals(0, run.exitCode(), run.output());
        String expected = OpenBlasCore.forCpu(CpuInfo.current()).orElse(null);
        List<String> executorLogs;
        try (Stream<Path> s = Files.walk(work)) {
            executorLogs = s.filter(f -> f.getFileName().toString().equals("stderr")).map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
        assertEquals(1, executorLogs.size(), "one executor JVM under " + work);
        String log = executorLogs.get(0);
        assertTrue(log.contains("CoarseGrainedExecutorBackend"), "an executor's log");
        if (expected != null) {
            assertTrue(log.contains("BLAS: OpenBLAS " + expected + " kernel (chosen for the CPU's"),
                    "the plugin set the kernel in the executor JVM:\n" + log);
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT blas_core), min(blas_core), "
                        + "min(cpu_model) FROM read_parquet('" + out + "/trials/*/*.parquet')")) {
            assertTrue(rs.next());
            assertEquals(2, rs.getLong(1));
            assertEquals(1, rs.getLong(2));
            if (expected != null) {
                assertEquals(expected, rs.getString(3), "the executor's kernel in the trial rows");
            }
            assertEquals(CpuInfo.current().modelName(), rs.getString(4));
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void badConfigExitsWithCodeTwoThroughTheSamePath() throws Exception {
        Path config = Files.writeString(tmp.resolve("bad.yaml"), CONFIG + "epochs: 3\n");
        Path out = tmp.resolve("bad-out");
        Run run = submit(config, out);
        assertEquals(2, run.exitCode(), run.output());
        assertLaunchedBySparkSubmit(run);
        assertTrue(run.output().lines().anyMatch(l -> l.startsWith("error: ") && l.contains("bad.yaml:9: top-level")
                && l.contains("epochs")), run.output());
        assertFalse(Files.exists(out.resolve("trials")), "nothing written for a bad config");
    }
}
