package org.paramprediction.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.paramprediction.console.Console;
import org.paramprediction.console.Eta;
import org.paramprediction.report.Figure;
import org.paramprediction.report.Report;
import org.paramprediction.report.SweepTables;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code report --sweep ID --out DIR [--results DIR]}: plots, summary.md and index.html of a sweep's output. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the plots (PNG), summary.md and index.html of a sweep's Parquet output.")
final class ReportCommand implements Callable<Integer>, WritesOutput {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Option(names = "--sweep", required = true, description = "Sweep id (the config's name).")
    String sweep;

    @Option(names = "--out", required = true, description = "Report directory (local), e.g. out/quickstart/reports/quickstart.")
    Path out;

    @Option(names = "--results", description = "The sweep's output root (any Hadoop path) holding trials/ and epochs/ "
            + "(default: out/<sweep>, the layout of submit-scripts/quickstart.sh).")
    String results;

    @Option(names = "--target-accuracy", defaultValue = "0.85",
            description = "Validation accuracy of the time-to-accuracy plots (default: ${DEFAULT-VALUE}).")
    double targetAccuracy;

    @Option(names = "--master", description = "Spark master when not run by spark-submit (default: local[*]).")
    String master;

    @Override
    public String outputRoot() {
        return out == null ? null : out.toString();
    }

    @Override
    public Integer call() {
        if (!(targetAccuracy >= 0 && targetAccuracy <= 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--target-accuracy must be in [0, 1] but was " + targetAccuracy);
        }
        Report report = new Report(sweep, results == null ? "out/" + sweep : results, out, 1 - targetAccuracy);
        SweepTables.requireTables(report.results(), sweep, new Configuration());
        Console console = main.console();
        SparkSession spark = Sessions.create("report " + sweep, master);
        try {
            console.line("report of sweep %s: plots, summary.md and index.html from %s into %s", sweep,
                    report.results(), out);
            long start = System.nanoTime();
            List<Figure> figures = report.write(spark);
            long written = figures.stream().filter(Figure::written).count();
            console.line("report of sweep %s: %d plots, %d skipped in %s; open %s", sweep, written,
                    figures.size() - written, Eta.clock((System.nanoTime() - start) / 1e9), out.resolve("index.html"));
            return ExitCodes.OK;
        } finally {
            spark.stop();
        }
    }
}
