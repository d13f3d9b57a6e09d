package org.paramprediction.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paramprediction.SharedSpark;
import org.paramprediction.report.ReportFixture;
import org.paramprediction.sweep.ParquetQueries;

/**
 * The commit protocol's recovery: what a driver killed during a commit or a compaction leaves (a
 * hidden in-progress file, the compacted file next to the files it replaces, epoch rows without a
 * trial row) is repaired by the next {@link ResultStore#prepare}, and nothing committed is lost.
 */
class ResultStoreTest {

    @TempDir
    Path tmp;

    @Test
    void prepareRepairsWhatAKilledDriverLeaves() throws IOException {
        Path out = ReportFixture.copyTo(tmp.resolve("out"));
        Path trials = out.resolve("trials/sweep_id=" + ReportFixture.SWEEP);
        Path epochs = out.resolve("epochs/sweep_id=" + ReportFixture.SWEEP);
        Path trialFile = dataFiles(trials).get(0);
        Path epochFile = dataFiles(epochs).get(0);
        // killed during a compaction: the new file is written, the old ones are not deleted yet
        Files.copy(trialFile, trials.resolve("compacted-0000000000001-x.parquet"));
        Files.copy(epochFile, epochs.resolve("compacted-0000000000001-x.parquet"));
        // killed during a commit: a half-written file under its hidden name
        Files.write(trials.resolve(".trial-0000000000002-y.parquet.inprogress"), new byte[] {'P', 'A', 'R'});
        long epochRows = ParquetQueries.count(out, "SELECT count(*) FROM {epochs}");
        assertEquals(2L * ReportFixture.TRIALS, ParquetQueries.count(out, "SELECT count(*) FROM {trials}"));

        new ResultStore(SharedSpark.session(), out.toString(), ReportFixture.SWEEP).prepare(Set.of());

        assertEquals(ReportFixture.TRIALS, ParquetQueries.count(out, "SELECT count(*) FROM {trials}"));
        assertEquals(ReportFixture.TRIALS, ParquetQueries.count(out, "SELECT count(DISTINCT trial_id) FROM {trials}"));
        assertEquals(epochRows / 2, ParquetQueries.count(out, "SELECT count(*) FROM {epochs}"));
        assertEquals(1, dataFiles(trials).size());
        assertEquals(1, dataFiles(epochs).size());
        try (Stream<Path> files = Files.list(trials)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".inprogress")));
        }
    }

    @Test
    void olderCommittedRowsReadSelectedAsNullAndASelectionIsWrittenIntoThem() throws IOException {
        String sweep = "paper-convnet-small";
        Path committed = Path.of("../docs/results/paper-convnet/trials/sweep_id=" + sweep);
        Path out = tmp.resolve("old");
        Path trials = Files.createDirectories(out.resolve("trials/sweep_id=" + sweep));
        for (Path f : dataFiles(committed)) {
            Files.copy(f, trials.resolve(f.getFileName()));
        }
        ResultStore store = new ResultStore(SharedSpark.session(), out.toString(), sweep);
        List<Row> rows = store.committedRows();
        assertTrue(rows.size() > 1);
        for (Row r : rows) {
            assertTrue(r.<Integer>getAs("schema_version") < 5, "written before the selected column");
            assertTrue(r.isNullAt(r.fieldIndex(TrialTable.SELECTED)), "a missing column reads as null");
        }

        String first = rows.get(0).getAs("trial_id");
        store.select(Map.of(first, true));
        store.compact();
        List<Row> after = new ResultStore(SharedSpark.session(), out.toString(), sweep).committedRows();
        assertEquals(rows.size(), after.size());
        for (Row r : after) {
            Object selected = r.getAs(TrialTable.SELECTED);
            assertEquals(first.equals(r.getAs("trial_id")) ? Boolean.TRUE : null, selected, r.<String>getAs("trial_id"));
        }
        assertEquals(1, ParquetQueries.count(out, "SELECT count(*) FROM {trials} WHERE selected"));
    }

    private static List<Path> dataFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> ParquetFiles.isDataFile(new org.apache.hadoop.fs.Path(p.getFileName().toString())))
                    .sorted().toList();
        }
    }
}
