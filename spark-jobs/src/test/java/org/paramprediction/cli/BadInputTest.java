package org.paramprediction.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of bad configs and bad data paths (src/test/resources/bad-configs, each with a first line
 * {@code # expect: <text the message must contain>}): every one exits 2 with a message naming the
 * field, before any Spark work.
 */
class BadInputTest {

    @TempDir
    Path tmp;

    static Stream<Path> corpus() throws IOException, URISyntaxException {
        Path dir = Path.of(BadInputTest.class.getResource("/bad-configs").toURI());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void validateExitsTwoNamingTheField(Path config) throws IOException {
        String expect = Files.readAllLines(config).get(0).replace("# expect:", "").trim();
        CliRun r = CliRun.of("validate", config.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(expect), "message should name '" + expect + "': " + r.err());
        assertTrue(r.err().contains(config.getFileName().toString()), "message should name the file: " + r.err());
    }

    @Test
    void sweepWithAMissingDataPathExitsTwoAndWritesNothing() throws Exception {
        Path config = Path.of(BadInputTest.class.getResource("/bad-configs/missing-data.yaml").toURI());
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("sweep", config.toString(), "--out", out.toString(), "--master", "local[1]");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("dataset.root"), r.err());
        assertFalse(Files.exists(out), "nothing may be written for bad input");
    }

    @Test
    void missingConfigFileAndUnknownOptionExitTwo() {
        CliRun missing = CliRun.of("validate", tmp.resolve("no-such.yaml").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no-such.yaml"), missing.err());
        assertEquals(2, CliRun.of("sweep", "--no-such-option").code());
    }

    @Test
    void theShippedConfigsValidate() {
        CliRun r = CliRun.of("validate", "../conf/sweeps/quickstart.yaml", "../conf/sweeps/example-full-reference.yaml",
                "../conf/distributed/fashion-se-emp.yaml");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("fashion-se-emp.yaml: sweep 'distributed-se-emp', 18 trials"), r.out());
        assertTrue(r.out().contains("quickstart.yaml: sweep 'quickstart', 10 trials"), r.out());
    }

    @Test
    void trainDistributedRefusesAConfigWithoutADistributedModeAndWritesNothing() {
        Path out = tmp.resolve("dist-out");
        CliRun r = CliRun.of("train-distributed", "../conf/sweeps/quickstart.yaml", "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("quickstart.yaml") && r.err().contains("distributed.mode"), r.err());
        assertFalse(Files.exists(out), "nothing may be written for bad input");
    }
}
