package org.paramprediction;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.paramprediction.bench.ChildJvm;

/**
 * The CLI ({@code org.paramprediction.cli.Main}) in a JVM of its own, on this test JVM's classpath
 * and flags ({@link ChildJvm#command}), its console in a log file: a real second process (a driver
 * to kill, or a command whose exit code and session must not touch the tests' shared Spark session).
 */
public final class ChildDriver {

    private ChildDriver() {}

    /** Starts {@code Main args} with extra JVM {@code flags}; stdout and stderr go to {@code log}. */
    public static Process start(Path log, List<String> flags, String... args) throws IOException {
        List<String> cmd = ChildJvm.command("org.paramprediction.cli.Main", "1g", flags, List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return pb.start();
    }
}
