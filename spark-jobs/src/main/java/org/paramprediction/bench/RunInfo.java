package org.paramprediction.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.paramprediction.platform.BlasCheck;
import org.paramprediction.platform.CpuInfo;

/**
 * The run-level columns of every row: an id unique per run, when it started and what it ran on, so
 * that tables of several runs (or machines) can be concatenated and still told apart.
 *
 * @param machine CPU model (from {@code /proc/cpuinfo}), cores the JVM sees, the Java version and the
 *     OpenBLAS kernel
 */
public record RunInfo(String runId, Instant startedAt, String machine) {

    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** The run starting now on this machine. */
    public static RunInfo now() {
        Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String id = ID_TIME.format(started) + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt())
                .substring(0, 6);
        return new RunInfo(id, started, describeMachine());
    }

    static String describeMachine() {
        return CpuInfo.current().modelName() + ", " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "), OpenBLAS "
                + BlasCheck.report().core() + " kernel";
    }
}
