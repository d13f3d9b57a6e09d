package org.paramprediction.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The config, output and resume options shared by {@code sweep} and {@code train-distributed} (a picocli mixin). */
final class SweepRunOptions {

    @Parameters(index = "0", paramLabel = "CONFIG", description = "Sweep config (YAML), e.g. conf/sweeps/quickstart.yaml.")
    Path config;

    @Option(names = "--out", required = true,
            description = "Output root (any Hadoop path): trials/, epochs/, rounds/, covariance/.")
    String out;

    @Option(names = "--master", description = "Spark master when not run by spark-submit (default: local[*]).")
    String master;

    @Option(names = "--resume", description = "Skip trials already committed; run the rest.")
    boolean resume;

    @Option(names = "--retry-failed", description = "Also rerun trials committed as FAILED (implies --resume).")
    boolean retryFailed;
}
