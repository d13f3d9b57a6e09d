package org.paramprediction.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paramprediction.ChildDriver;
import org.paramprediction.SharedSpark;
import org.paramprediction.data.IdxFormatException;
import org.paramprediction.io.BadInputException;
import org.paramprediction.results.OutputLock;
import org.paramprediction.sweep.ParquetQueries;
import org.paramprediction.sweep.SweepRunner;
import org.paramprediction.sweep.config.ConfigError;
import org.paramprediction.sweep.config.ConfigException;
import org.paramprediction.sweep.config.SweepConfigLoader;

/**
 * Exit codes by class: bad input 2, anything else 3 with one line on the console and the stack
 * trace in a log. The disk of the output fills up in the middle of a real sweep (a child JVM whose
 * output is on {@link FullDiskFileSystem}): exit 3, and every trial committed before it stays
 * readable and is kept by {@code --resume}.
 */
class RuntimeFailureTest {

    private static final String CONFIG = """
            name: full-disk
            dataset: {train_size: 2000, valid_size: 500, test_size: 500}
            model: {hidden: [16], activation: relu}
            training: {epochs: 1}
            method: [RandFixU, RandCon]
            fraction: [0.1, 0.2, 0.3]
            columns: 1
            repeats: 1
            """;

    @TempDir
    Path tmp;

    @Test
    void badInputIsTwoAlsoWhenWrappedAndEverythingElseIsThree() {
        ConfigException config = new ConfigException(new ConfigError("a.yaml", 3, "method", "must be known", "X"));
        assertEquals(2, ExitCodes.of(config));
        assertEquals(2, ExitCodes.of(new SparkException("Job aborted", new RuntimeException("task", config))));
        assertEquals(2, ExitCodes.of(new IdxFormatException("train-images: magic 2049 but expected 2051")));
        assertEquals(2, ExitCodes.of(new BadInputException("--out x is in use")));
        assertEquals(config.getMessage(), ExitCodes.badInputMessage(new SparkException("Job aborted", config)));
        assertEquals(3, ExitCodes.of(new IllegalStateException("a bug")));
        assertEquals(3, ExitCodes.of(new java.io.UncheckedIOException(new java.io.IOException("No space left"))));
        assertEquals(3, ExitCodes.of(new SparkException("Job aborted: executor lost")));
    }

    @Test
    void aFullDiskMidSweepExitsThreeWithTheTraceInALogAndKeepsEveryCommittedTrial() throws Exception {
        Path config = Files.writeString(tmp.resolve("full-disk.yaml"), CONFIG);
        Path out = tmp.resolve("out");
        Path log = tmp.resolve("driver.log");
        Process driver = ChildDriver.start(log, List.of(
                        "-Dspark.hadoop.fs.fullfs.impl=" + FullDiskFileSystem.class.getName(),
                        "-Dspark.hadoop.fs.fullfs.impl.disable.cache=true",
                        "-Dspark.hadoop.fullfs.watch=" + out,
                        "-Dspark.hadoop.fullfs.trial-files=2",
                        "-Djava.io.tmpdir=" + tmp),
                "sweep", config.toString(), "--out", FullDiskFileSystem.SCHEME + "://" + out, "--master", "local[2]");
        assertTrue(driver.waitFor(5, TimeUnit.MINUTES), "the sweep did not end");
        String console = Files.readString(log);
        assertEquals(3, driver.exitValue(), console);

        // one clear line, and where the stack trace is: the output's disk is full, so a temporary file
        assertTrue(console.contains("error: sweep failed: ") && console.contains("No space left on device"), console);
        Matcher m = Pattern.compile("the stack trace is in (\\S+)").matcher(console);
        assertTrue(m.find(), console);
        String trace = Files.readString(Path.of(m.group(1)));
        assertTrue(trace.contains("No space left on device") && trace.contains("\tat org.paramprediction."), trace);
        assertFalse(console.contains("\tat "), "no stack trace on the console: " + console);

        // the two trials committed before the disk filled are readable, with their epochs; the lock is gone
        List<Map<String, Object>> rows = ParquetQueries.query(out,
                "SELECT t.trial_id, count(e.epoch) AS epochs FROM {trials} t JOIN {epochs} e USING (trial_id) "
                        + "GROUP BY t.trial_id");
        assertEquals(2, rows.size(), rows.toString());
        assertTrue(rows.stream().allMatch(r -> ((Number) r.get("epochs")).intValue() == 1), rows.toString());
        assertTrue(OutputLock.holder(out.toString(), new org.apache.hadoop.conf.Configuration()).isEmpty());

        // --resume on a disk with room runs only the other trials
        var sweep = SweepConfigLoader.load(config);
        SweepRunner.Result r = new SweepRunner(SharedSpark.session(), new PrintStream(new ByteArrayOutputStream()))
                .run(sweep, out.toString(), true, false);
        assertEquals(sweep.trials().size() - 2, r.ran());
        assertEquals(sweep.trials().size(), ParquetQueries.count(out, "SELECT count(DISTINCT trial_id) FROM {trials}"));
    }
}
