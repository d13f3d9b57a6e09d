package org.paramprediction.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class in a separate JVM, the way the launch scripts do: the same java binary,
 * classpath and JVM flags as this JVM (so the Java 17 {@code --add-opens} list comes along), but
 * its own heap limit and one BLAS thread per task. Sweeps measured this way pay their own JVM and
 * Spark start, as a user's run does, and their memory is their own. The main class is the
 * project's command line, named by the caller ({@link BenchContext#childMain()}), so that this
 * package does not depend on the {@code cli} package that calls it.
 */
public final class ChildJvm {

    /** A child that runs longer than this is stopped and reported as failed. */
    static final long TIMEOUT_MINUTES = 60;

    /** @param peakRssBytes the child's VmHWM when polled, else -1 */
    record Finished(int exitCode, double wallSeconds, long peakRssBytes, Path log) {}

    private ChildJvm() {}

    /**
     * The child's command line: this JVM's flags with {@code -Xmx} replaced by {@code xmx}, then
     * {@code mainClass args}.
     */
    static List<String> command(String mainClass, String xmx, List<String> args) {
        return command(mainClass, xmx, List.of(), args);
    }

    /** As {@link #command(String, String, List)}, with {@code jvmFlags} added after this JVM's own. */
    public static List<String> command(String mainClass, String xmx, List<String> jvmFlags, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command()
                .orElseThrow(() -> new IllegalStateException("cannot tell which java binary runs this JVM")));
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!flag.startsWith("-Xmx") && !flag.startsWith("-XX:MaxHeapSize=")) {
                cmd.add(flag);
            }
        }
        cmd.addAll(jvmFlags);
        cmd.add("-Xmx" + xmx);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /**
     * Runs {@code mainClass args} with heap {@code xmx}, console to {@code log}, and waits for it; with
     * {@code pollRss}, samples its peak resident memory until it exits. The child is stopped if this
     * JVM shuts down first.
     */
    static Finished run(String mainClass, String xmx, List<String> args, Path log, boolean pollRss)
            throws IOException, InterruptedException {
        return run(mainClass, xmx, List.of(), Map.of(), args, log, pollRss);
    }

    /**
     * As {@link #run(String, String, List, Path, boolean)}, with extra JVM flags and environment variables
     * (e.g. {@code OPENBLAS_CORETYPE} to force a kernel; without it the child chooses for itself).
     */
    static Finished run(String mainClass, String xmx, List<String> jvmFlags, Map<String, String> env,
            List<String> args, Path log, boolean pollRss) throws IOException, InterruptedException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder pb = new ProcessBuilder(command(mainClass, xmx, jvmFlags, args)).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process child = pb.start();
        Thread stopChild = new Thread(child::destroy);
        Runtime.getRuntime().addShutdownHook(stopChild);
        try {
            long peak = pollRss ? PeakRss.watch(child) : -1;
            if (!child.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                child.destroy();
                throw new IllegalStateException("child JVM " + child.pid() + " still running after " + TIMEOUT_MINUTES
                        + " min; stopped it (log: " + log + ")");
            }
            double wall = (System.nanoTime() - start) / 1e9;
            return new Finished(child.exitValue(), wall, peak, log);
        } finally {
            if (child.isAlive()) {
                child.destroy();
            }
            Runtime.getRuntime().removeShutdownHook(stopChild);
        }
    }

    /** Throws unless the child exited 0; the message names the command and the log to read. */
    static Finished requireSuccess(Finished f, List<String> args) {
        if (f.exitCode() != 0) {
            throw new IllegalStateException("child JVM 'Main " + String.join(" ", args) + "' exited with "
                    + f.exitCode() + "; see " + f.log());
        }
        return f;
    }
}
