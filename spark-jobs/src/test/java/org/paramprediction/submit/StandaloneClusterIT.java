package org.paramprediction.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.paramprediction.sweep.ParquetQueries;

/**
 * Sweeps on a real standalone cluster: a Master and two Workers on 127.0.0.1 (1 core, 1g each), each
 * a JVM of its own started through Spark's launcher from the stand-in SPARK_HOME
 * ({@link StandInSparkHome}), whose Workers start the executor JVMs; the sweep goes through
 * {@code submit-sweep.sh} with {@code --master spark://...}. A clean run of the sweep is the
 * reference. Then one executor JVM is SIGKILLed while it trains a trial (Spark runs the trial again
 * on another executor), and the driver is SIGKILLed and the sweep resumed with {@code --resume}: in
 * both, every trial exactly once and every number bit for bit as in the clean run, since a trial's
 * seed comes from its config and every executor runs the same OpenBLAS kernel on the same CPU.
 */
class StandaloneClusterIT {

    private static final long SWEEP_TIMEOUT_SECONDS = 300;
    private static final String SWEEP = "cluster-it";
    private static final int TRIALS = 8;
    /** 784-64-10 on 4,000 images, 6 epochs: 1.5-5 s per trial on one BLAS thread. */
    private static final String CONFIG = """
            name: cluster-it
            dataset: {train_size: 4000, valid_size: 1000, test_size: 1000}
            model: {hidden: [64], activation: relu}
            training: {epochs: 6}
            method: [Full, SE]
            fraction: 0.5
            columns: 1
            repeats: 4
            """;
    /** A finished trial's console line, e.g. {@code [3/8] OK     SE f=0.500 ...}. */
    private static final Pattern TRIAL_LINE = Pattern.compile("^\\[\\d+/\\d+\\] ");
    private static final Pattern RUNNING_TASK = Pattern.compile("Running task (\\d+)\\.(\\d+) in stage (\\S+) \\(TID (\\d+)\\)");

    /** Every process this class started, killed (with its descendants) in @AfterAll or at JVM exit. */
    private static final List<Process> CHILDREN = new CopyOnWriteArrayList<>();

    /** Kept when a test fails (the daemons', drivers' and executors' logs), without the executors' jar copies. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path tmp;

    private static Path repo;
    private static Path sparkHome;
    private static Path config;
    private static String masterUrl;
    private static final List<Worker> workers = new ArrayList<>();
    private static Metrics clean;

    /** Drivers started by the current test, killed after it whatever happened. */
    private final List<Process> drivers = new ArrayList<>();

    private record Worker(Process process, Path workDir, Path log) {}

    /** The exit code and the combined stdout and stderr of a finished {@code submit-sweep.sh}. */
    private record Run(int exitCode, String output) {}

    /** The numbers of a sweep's output, as DuckDB reads them (doubles compare bit for bit). */
    private record Metrics(List<Map<String, Object>> trials, List<Map<String, Object>> epochs) {}

    // ---------------------------------------------------------------------------------------------
    // the cluster

    @BeforeAll
    static void startClusterAndRunTheSweepCleanly() throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(StandaloneClusterIT::killAll));
        repo = StandInSparkHome.repo();
        sparkHome = StandInSparkHome.prepare();
        config = Files.writeString(tmp.resolve(SWEEP + ".yaml"), CONFIG);

        int port = freePort();
        int webUi = freePort();
        masterUrl = "spark://127.0.0.1:" + port;
        Process master = daemon(tmp.resolve("master.log"), "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", String.valueOf(port), "--webui-port", String.valueOf(webUi));
        for (int i = 1; i <= 2; i++) {
            Path workDir = Files.createDirectories(tmp.resolve("worker-" + i));
            Path log = tmp.resolve("worker-" + i + ".log");
            Process p = daemon(log, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                    "--webui-port", "0", "--cores", "1", "--memory", "1g", "--work-dir", workDir.toString(), masterUrl);
            workers.add(new Worker(p, workDir, log));
        }
        awaitAliveWorkers(master, webUi, 2);

        Path out = tmp.resolve("clean");
        Run run = finish(startSubmit(out, "clean"), log(out, "clean"));
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains(summary(0, TRIALS)), run.output());
        assertExactlyOnceAndOk(out);
        clean = metrics(out);
        assertEquals(1, clean.trials().stream().map(r -> r.get("blas_core")).distinct().count(),
                "one OpenBLAS kernel on every executor: " + clean.trials());
    }

    @AfterEach
    void killDrivers() {
        drivers.forEach(StandaloneClusterIT::killTree);
    }

    @AfterAll
    static void stopCluster() throws IOException {
        killAll();
        for (Worker w : workers) {
            try (Stream<Path> files = Files.walk(w.workDir())) {
                for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".jar")).toList()) {
                    Files.delete(f); // each executor's copy of the shaded jar, 130 MB
                }
            }
        }
    }

    /** Drivers, then the workers (with their executors), then the master; waits until each is gone. */
    private static void killAll() {
        List<Process> all = new ArrayList<>(CHILDREN);
        Collections.reverse(all);
        all.forEach(StandaloneClusterIT::killTree);
    }

    /** SIGKILLs {@code p} and all its descendants, and waits until they have exited. */
    private static void killTree(Process p) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(p.toHandle());
        p.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : tree) {
            try {
                h.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                // still going, or interrupted: nothing more can be done from here
            }
        }
    }

    /** {@code bin/spark-class class args}: the launcher builds the java command, which the script execs. */
    private static Process daemon(Path log, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(sparkHome.resolve("bin/spark-class").toString(), mainClass));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        StandInSparkHome.hermetic(pb.environment(), sparkHome);
        pb.environment().put("SPARK_DAEMON_MEMORY", "256m");
        Process p = pb.start();
        CHILDREN.add(p);
        return p;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Polls the master's JSON until {@code n} workers are ALIVE. */
    private static void awaitAliveWorkers(Process master, int webUi, int n) throws Exception {
        ObjectMapper json = new ObjectMapper();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!master.isAlive()) {
                fail("the master exited:\n" + tail(tmp.resolve("master.log")));
            }
            for (Worker w : workers) {
                if (!w.process().isAlive()) {
                    fail("a worker exited:\n" + tail(w.log()));
                }
            }
            try {
                URLConnection c = new URL("http://127.0.0.1:" + webUi + "/json/").openConnection();
                c.setConnectTimeout(2000);
                c.setReadTimeout(5000);
                try (InputStream in = c.getInputStream()) {
                    JsonNode state = json.readTree(in);
                    last = state.toString();
                    if (state.path("aliveworkers").asInt() == n) {
                        return;
                    }
                }
            } catch (IOException e) {
                last = e.toString(); // not listening yet
            }
            Thread.sleep(250);
        }
        fail("no " + n + " live workers after 120 s: " + last + "\n" + tail(tmp.resolve("master.log")));
    }

    // ---------------------------------------------------------------------------------------------
    // sweeps

    /** Starts {@code submit-sweep.sh CONFIG out --conf ... [-- sweepArgs]}; its console goes to {@code <out>-<name>.log}. */
    private Process submit(Path out, String name, String... sweepArgs) throws IOException {
        Process p = startSubmit(out, name, sweepArgs);
        drivers.add(p);
        return p;
    }

    private static Process startSubmit(Path out, String name, String... sweepArgs) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("bash", repo.resolve("submit-scripts/submit-sweep.sh").toString(),
                config.toString(), out.toString(), "--conf", "spark.ui.enabled=false"));
        if (sweepArgs.length > 0) {
            cmd.add("--");
            cmd.addAll(List.of(sweepArgs));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true)
                .redirectOutput(log(out, name).toFile());
        Map<String, String> env = pb.environment();
        StandInSparkHome.hermetic(env, sparkHome);
        env.put("MASTER", masterUrl);
        env.put("DRIVER_MEMORY", "1g");
        env.put("EXECUTOR_MEMORY", "1g");
        env.put("EXECUTOR_CORES", "1");
        env.put("MEMORY_OVERHEAD", "512m");
        Process p = pb.start();
        CHILDREN.add(p);
        return p;
    }

    private static Path log(Path out, String name) {
        return out.resolveSibling(out.getFileName() + "-" + name + ".log");
    }

    /** Waits for a sweep started by {@link #submit} to end; {@code log} is its console. */
    private static Run finish(Process p, Path log) throws Exception {
        if (!p.waitFor(SWEEP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            killTree(p);
            fail("the sweep did not finish in " + SWEEP_TIMEOUT_SECONDS + " s:\n" + tail(log));
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** Waits until the driver has printed the line of a finished (committed) trial. */
    private static void awaitTrialLine(Process driver, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SWEEP_TIMEOUT_SECONDS);
        while (trialLines(log) == 0) {
            assertTrue(driver.isAlive(), "the sweep ended before its first trial line:\n" + tail(log));
            assertTrue(System.nanoTime() < deadline, "no trial line:\n" + tail(log));
            Thread.sleep(20);
        }
    }

    private static long trialLines(Path log) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> TRIAL_LINE.matcher(l).find()).count();
        }
    }

    private static String summary(int skipped, int ran) {
        return String.format("sweep %s: %d trials, %d skipped (already committed), %d run, 0 failed;",
                SWEEP, TRIALS, skipped, ran);
    }

    // ---------------------------------------------------------------------------------------------
    // the tests

    @Test
    void aSigkilledExecutorsTrialRunsAgainElsewhereWithTheSameNumbers() throws Exception {
        Path out = tmp.resolve("executor-killed");
        Process driver = submit(out, "run");
        Path log = log(out, "run");
        awaitTrialLine(driver, log);
        KilledExecutor killed = killAnExecutorRunningATask(driver, log);

        Run run = finish(driver, log);
        assertEquals(0, run.exitCode(), run.output());
        // The driver's quiet console always has the lost executor (ERROR), but the lost task (WARN) only in
        // some runs (seen missing once, with the same exit-code-137 reason), so the executors' logs are the
        // evidence of the second attempt.
        assertTrue(run.output().contains("Lost executor " + killed.executorId() + " on 127.0.0.1"),
                "the driver lost " + killed + ":\n" + run.output());
        String retry = "Running task " + killed.task() + ".1 in stage " + killed.stage() + " ";
        Map<String, String> logs = executorLogs(killed.appId());
        List<String> retriedOn = logs.entrySet().stream().filter(e -> e.getValue().contains(retry))
                .map(Map.Entry::getKey).toList();
        assertEquals(1, retriedOn.size(), "one executor ran the second attempt (\"" + retry + "\"): " + retriedOn
                + " of " + logs.keySet());
        assertFalse(retriedOn.get(0).equals(killed.executorId()), "on another executor than " + killed);
        assertFalse(logs.get(killed.executorId()).contains("Finished task " + killed.task() + ".0 in stage "
                + killed.stage() + " "), "the killed executor did not finish its attempt");

        assertExactlyOnceAndOk(out);
        assertSameNumbers(clean, metrics(out));
        System.out.printf("StandaloneClusterIT: SIGKILLed executor %s (pid %d) during TID %s (task %s.0 of stage %s), "
                + "attempt %s.1 ran on executor %s; %d trials as in the clean run, bit for bit%n", killed.executorId(),
                killed.pid(), killed.tid(), killed.task(), killed.stage(), killed.task(), retriedOn.get(0), TRIALS);
    }

    @Test
    void aSigkilledDriversSweepIsFinishedByResume() throws Exception {
        Path out = tmp.resolve("driver-killed");
        Process driver = submit(out, "run");
        Path log = log(out, "run");
        awaitTrialLine(driver, log);
        String command = commandLine(driver.toHandle());
        assertTrue(command.contains("org.apache.spark.deploy.SparkSubmit"), "the driver's JVM: " + command);
        killTree(driver); // SIGKILL, the JVM and anything it started

        long printed = trialLines(log);
        List<Map<String, Object>> before = ParquetQueries.query(out,
                "SELECT trial_id, end_time FROM {trials} ORDER BY trial_id");
        assertTrue(before.size() >= printed, printed + " trial lines printed but " + before.size() + " committed");
        assertTrue(before.size() >= 1 && before.size() < TRIALS, "committed before the kill: " + before.size());
        assertTrue(Files.exists(out.resolve("driver.lock")), "the killed driver's lock is left behind");

        Run resumed = finish(submit(out, "resume", "--resume"), log(out, "resume"));
        assertEquals(0, resumed.exitCode(), resumed.output());
        assertTrue(resumed.output().contains("taking over the stale lock"), resumed.output());
        assertTrue(resumed.output().contains(summary(before.size(), TRIALS - before.size())), resumed.output());
        assertFalse(Files.exists(out.resolve("driver.lock")), "released at the end");

        assertExactlyOnceAndOk(out);
        List<Map<String, Object>> after = ParquetQueries.query(out,
                "SELECT trial_id, end_time FROM {trials} ORDER BY trial_id");
        for (Map<String, Object> row : before) {
            assertTrue(after.contains(row), "trial committed before the kill was not run again: " + row);
        }
        assertSameNumbers(clean, metrics(out));
        System.out.printf("StandaloneClusterIT: SIGKILLed the driver after %d trial line(s) with %d trial(s) committed; "
                + "--resume ran the other %d, every number as in the clean run, bit for bit%n", printed, before.size(),
                TRIALS - before.size());
    }

    // ---------------------------------------------------------------------------------------------
    // executors

    /** An executor JVM this test killed, and the task it was running. */
    private record KilledExecutor(long pid, String appId, String executorId, String task, String stage, String tid) {}

    /**
     * SIGKILLs an executor JVM (a descendant of a worker) whose log says it is running a task and has
     * not finished it; checks its JVM flags and its one BLAS thread first.
     */
    private static KilledExecutor killAnExecutorRunningATask(Process driver, Path driverLog) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && driver.isAlive()) {
            for (Worker w : workers) {
                for (ProcessHandle h : w.process().descendants().toList()) {
                    String cmd = commandLine(h);
                    if (!cmd.contains("org.apache.spark.executor.CoarseGrainedExecutorBackend")) {
                        continue;
                    }
                    String appId = argument(cmd, "--app-id");
                    String executorId = argument(cmd, "--executor-id");
                    Path stderr = w.workDir().resolve(appId).resolve(executorId).resolve("stderr");
                    Optional<Matcher> running = runningTask(stderr);
                    if (running.isEmpty()) {
                        continue;
                    }
                    assertTrue(cmd.contains("--add-modules=jdk.incubator.vector")
                            && cmd.contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"), "the executor's JVM flags: " + cmd);
                    assertTrue(environment(h).contains("OMP_NUM_THREADS=1"), "one BLAS thread in the executor");
                    h.destroyForcibly(); // SIGKILL
                    h.onExit().get(30, TimeUnit.SECONDS);
                    Matcher m = running.get();
                    return new KilledExecutor(h.pid(), appId, executorId, m.group(1), m.group(3), m.group(4));
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no executor was running a task after the first trial line; make the trials longer:\n"
                + tail(driverLog));
    }

    /** The last task an executor's log says it started, if it has not said it finished it. */
    private static Optional<Matcher> runningTask(Path stderr) throws IOException {
        if (!Files.exists(stderr)) {
            return Optional.empty();
        }
        String log = Files.readString(stderr, StandardCharsets.UTF_8);
        Matcher m = RUNNING_TASK.matcher(log);
        int last = -1;
        while (m.find()) {
            last = m.start();
        }
        if (last < 0) {
            return Optional.empty();
        }
        m.find(last);
        String finished = "Finished task " + m.group(1) + "." + m.group(2) + " in stage " + m.group(3)
                + " (TID " + m.group(4) + ")";
        return log.indexOf(finished, last) >= 0 ? Optional.empty() : Optional.of(m);
    }

    /** Each executor's log of application {@code appId}, by executor id, over both workers. */
    private static Map<String, String> executorLogs(String appId) throws IOException {
        Map<String, String> logs = new LinkedHashMap<>();
        for (Worker w : workers) {
            Path app = w.workDir().resolve(appId);
            if (!Files.isDirectory(app)) {
                continue;
            }
            try (Stream<Path> dirs = Files.list(app)) {
                for (Path dir : dirs.toList()) {
                    Path stderr = dir.resolve("stderr");
                    if (Files.exists(stderr)) {
                        logs.put(dir.getFileName().toString(), Files.readString(stderr, StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return logs;
    }

    private static String argument(String commandLine, String name) {
        Matcher m = Pattern.compile(Pattern.quote(name) + " (\\S+)").matcher(commandLine);
        assertTrue(m.find(), "no " + name + " in " + commandLine);
        return m.group(1);
    }

    /** A process's full command line, from /proc (ProcessHandle.Info may leave arguments out). */
    private static String commandLine(ProcessHandle h) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(h.pid()), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return h.info().commandLine().orElse(""); // gone, or no /proc
        }
    }

    private static List<String> environment(ProcessHandle h) throws IOException {
        return List.of(new String(Files.readAllBytes(Path.of("/proc", String.valueOf(h.pid()), "environ")),
                StandardCharsets.UTF_8).split("\0"));
    }

    // ---------------------------------------------------------------------------------------------
    // the output

    /** Every trial exactly once and OK, no epoch row twice. */
    private static void assertExactlyOnceAndOk(Path out) {
        assertEquals(TRIALS, ParquetQueries.count(out, "SELECT count(*) FROM {trials}"));
        assertEquals(TRIALS, ParquetQueries.count(out, "SELECT count(DISTINCT trial_id) FROM {trials}"));
        assertEquals(TRIALS, ParquetQueries.count(out, "SELECT count(*) FROM {trials} WHERE status = 'OK'"),
                ParquetQueries.query(out, "SELECT trial_id, status, error FROM {trials}").toString());
        assertEquals(0, ParquetQueries.count(out, "SELECT count(*) FROM (SELECT trial_id, stage, epoch, count(*) AS n "
                + "FROM {epochs} GROUP BY ALL HAVING n > 1)"), "duplicate epoch rows");
        assertEquals(TRIALS, ParquetQueries.count(out, "SELECT count(DISTINCT trial_id) FROM {epochs}"));
    }

    private static Metrics metrics(Path out) {
        return new Metrics(
                ParquetQueries.query(out, "SELECT trial_id, method, fraction, repeat, seed, status, best_epoch, "
                        + "best_valid_error, test_error, epochs_trained, n_params_dynamic, "
                        + "CAST(fraction_learned AS VARCHAR) AS fraction_learned, CAST(dead_units AS VARCHAR) AS dead_units, "
                        + "blas_core, cpu_model FROM {trials} ORDER BY trial_id"),
                ParquetQueries.query(out, "SELECT trial_id, stage, epoch, learning_rate, momentum, train_loss, "
                        + "train_error, valid_error, test_error FROM {epochs} ORDER BY trial_id, stage, epoch"));
    }

    /** Equal rows, values compared with equals (bit for bit for doubles); the first difference otherwise. */
    private static void assertSameNumbers(Metrics expected, Metrics actual) {
        assertSameRows("trials", expected.trials(), actual.trials());
        assertSameRows("epochs", expected.epochs(), actual.epochs());
    }

    private static void assertSameRows(String table, List<Map<String, Object>> expected, List<Map<String, Object>> actual) {
        assertEquals(expected.size(), actual.size(), table + " rows");
        for (int i = 0; i < expected.size(); i++) {
            Map<String, Object> e = expected.get(i);
            Map<String, Object> a = actual.get(i);
            for (String column : e.keySet()) {
                Object x = e.get(column);
                Object y = a.get(column);
                if (!Objects.equals(x, y)) {
                    fail(table + "." + column + " differs from the clean run: " + x + bits(x) + " against " + y + bits(y)
                            + "\nclean: " + e + "\nthis:  " + a);
                }
            }
        }
    }

    private static String bits(Object v) {
        return v instanceof Double d ? " (0x" + Long.toHexString(Double.doubleToRawLongBits(d)) + ")" : "";
    }

    private static String tail(Path log) {
        try {
            String s = Files.readString(log, StandardCharsets.UTF_8);
            return s.length() > 20_000 ? s.substring(s.length() - 20_000) : s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
