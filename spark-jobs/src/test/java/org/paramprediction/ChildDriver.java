package org.paramprediction;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CLI ({@code org.paramprediction.cli.Main}) in a JVM of its own, on this test JVM's classpath
 * and module flags, its console in a log file: a real second process (a driver to kill, or a command
 * whose exit code and session must not touch the tests' shared Spark session).
 */
public final class ChildDriver {

    private ChildDriver() {}

    /** Starts {@code Main args} with extra JVM {@code flags}; stdout and stderr go to {@code log}. */
    public static Process start(Path log, List<String> flags, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-opens") || arg.startsWith("--add-modules") || arg.startsWith("-Djdk.reflect")
                    || arg.startsWith("-XX:+Ignore")) {
                cmd.add(arg);
            }
        }
        cmd.add("-Xmx1g");
        cmd.addAll(flags);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.paramprediction.cli.Main");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return pb.start();
    }
}
