package org.paramprediction.sweep.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile YAML is refused at once with one config error (file, line, path, rule, value), never a
 * hang, a StackOverflowError or an OutOfMemoryError (the timeout only catches a hang; it is not a
 * speed requirement); numbers that YAML 1.1 reads in a surprising way are refused saying how.
 */
class YamlSafetyTest {

    private static final String FILE = "x.yaml";
    private static final Duration HANG = Duration.ofSeconds(10);
    private static final String ALIASES = "must be written out: YAML anchors and aliases are not supported";

    @TempDir
    Path tmp;

    /** The only error of {@code yaml}, parsed under the hang guard; any other throwable fails the test. */
    private static ConfigError refused(String yaml) {
        ConfigException e = assertTimeoutPreemptively(HANG,
                () -> assertThrows(ConfigException.class, () -> SweepConfigLoader.parse(yaml, FILE)));
        assertEquals(1, e.errors().size(), e.getMessage());
        return e.errors().get(0);
    }

    private static void assertError(ConfigError e, int line, String path, String rule, String value) {
        assertEquals(new ConfigError(FILE, line, path, rule, value), e, e.message());
    }

    private static String sweep(String extra) {
        return "name: ok\nmethod: Full\nfraction: 0.1\ncolumns: 1\nrepeats: 1\n" + extra;
    }

    /** Ten anchors, each a list of ten aliases of the one before: 10^9 strings if expanded. */
    private static String billionLaughs() {
        StringBuilder b = new StringBuilder("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 9; i++) {
            String prev = "*l" + (i - 1);
            b.append("l").append(i).append(": &l").append(i).append(" [")
                    .append(IntStream.range(0, 10).mapToObj(k -> prev).collect(Collectors.joining(", ")))
                    .append("]\n");
        }
        return b.append("name: *l9\n").toString();
    }

    @Test
    void billionLaughsIsRefusedAtItsFirstAnchor() {
        assertError(refused(billionLaughs()), 1, "l0", ALIASES, "&l0");
    }

    @Test
    void anchorsAndAliasesAreRefusedWithTheirPath() {
        assertError(refused(sweep("grid:\n  training.learning_rate: &lr [0.1]\n  dictionary.ridge: *lr\n")),
                7, "grid.training.learning_rate", ALIASES, "&lr");
        assertError(refused(sweep("").replace("method: Full", "method: [Full, &m SE]")), 2, "method[1]", ALIASES,
                "&m");
        assertError(refused(sweep("model:\n  hidden: [10, *undefined]\n")), 7, "model.hidden[1]", ALIASES,
                "*undefined");
    }

    @Test
    void tenThousandNestedListsOrMappingsAreRefusedAtDepthTwentyOne() {
        String rule = "must not nest lists and mappings more than 20 deep";
        int n = 10_000;
        String lists = "name: " + "[".repeat(n) + "]".repeat(n) + "\n";
        assertError(refused(lists), 1, "name" + "[0]".repeat(19), rule, null);
        String maps = "name: " + "{a: ".repeat(n) + "1" + "}".repeat(n) + "\n";
        assertError(refused(maps), 1, "name" + ".a".repeat(19), rule, null);
        String unclosed = "name: " + "[".repeat(n) + "\n";
        assertError(refused(unclosed), 1, "name" + "[0]".repeat(19), rule, null);
    }

    @Test
    void twentyLevelsAreStillReadAsYaml() {
        String deepest = sweep("").replace("name: ok", "name: " + "[".repeat(19) + "x" + "]".repeat(19));
        assertError(refused(deepest), 1, "name",
                "must be a string (to sweep over several values, list them under grid)", "a list [[[...]]]");
    }

    @Test
    void textOverOneMebibyteIsRefusedBeforeParsing() {
        String huge = sweep("# " + "x".repeat(YamlTree.MAX_SIZE) + "\n");
        assertError(refused(huge), 0, "", "must be at most 1 MiB (1048576 characters; a sweep file is a few KB)",
                huge.length() + " characters");
    }

    @Test
    void fileOverOneMebibyteIsRefusedWithItsSize() throws IOException {
        Path file = tmp.resolve("huge.yaml");
        Files.writeString(file, sweep("# " + "x".repeat(2 * YamlTree.MAX_SIZE) + "\n"), StandardCharsets.UTF_8);
        ConfigException e = assertTimeoutPreemptively(HANG,
                () -> assertThrows(ConfigException.class, () -> SweepConfigLoader.load(file)));
        assertEquals(List.of(new ConfigError(file.toString(), 0, "",
                "must be at most 1 MiB (1048576 bytes; a sweep file is a few KB)", Files.size(file) + " bytes")),
                e.errors());
    }

    @Test
    void fileOfExactlyOneMebibyteIsRead() throws IOException {
        String config = sweep("");
        Path file = tmp.resolve("padded.yaml");
        Files.writeString(file, config + "#" + "x".repeat(YamlTree.MAX_SIZE - config.length() - 1),
                StandardCharsets.UTF_8);
        assertEquals(YamlTree.MAX_SIZE, Files.size(file));
        assertEquals(1, SweepConfigLoader.load(file).trials().size());
    }

    /** SnakeYAML resolves no scalar over 1024 characters as a number, so this one is never parsed as one. */
    @Test
    void aHundredThousandDigitNumberIsNotANumber() {
        ConfigException e = assertTimeoutPreemptively(HANG, () -> assertThrows(ConfigException.class,
                () -> SweepConfigLoader.parse(sweep("").replace("repeats: 1", "repeats: " + "9".repeat(100_000)),
                        FILE)));
        assertEquals("repeats", e.path());
        assertEquals("must be an integer", e.rule());
    }

    @Test
    void duplicateKeysAreRefused() {
        assertError(refused(sweep("training: {epochs: 3, epochs: 3}\n")), 6, "training.epochs",
                "must appear only once (first at line 6)", null);
    }

    @Test
    void mergeKeysAreRefused() {
        assertError(refused(sweep("training:\n  <<: {epochs: 3}\n")), 7, "training",
                "keys must be plain names; YAML merge keys are not supported", "<<");
        assertError(refused("base: &base {epochs: 3}\n" + sweep("training:\n  <<: *base\n")), 1, "base", ALIASES,
                "&base");
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource(delimiter = '|', value = {
            "010    | 8",
            "0x1F   | 31",
            "0b101  | 5",
            "1_000  | 1000",
            "-1_000 | -1000",
            "1:30   | 90",
            "00     | 0"})
    void integersNotInPlainDecimalAreRefusedNamingWhatYamlMadeOfThem(String written, String yaml11) {
        assertError(refused(sweep("training: {epochs: " + written + "}\n")), 6, "training.epochs",
                "must be written in plain decimal (YAML 1.1 reads " + written + " as the number " + yaml11 + ")",
                written);
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource(delimiter = '|', value = {
            "1_000.5 | 1000.5",
            "1:30.5  | 90.5",
            "010     | 8",
            "0x10    | 16"})
    void numbersNotInPlainDecimalAreRefusedWhereARealIsExpected(String written, String yaml11) {
        assertError(refused(sweep("training: {learning_rate: " + written + "}\n")), 6, "training.learning_rate",
                "must be written in plain decimal (YAML 1.1 reads " + written + " as the number " + yaml11 + ")",
                written);
    }

    @Test
    void yaml12OctalIsNotANumber() {
        assertError(refused(sweep("training: {epochs: 0o17}\n")), 6, "training.epochs", "must be an integer",
                "0o17");
    }

    @Test
    void plainDecimalNumbersKeepWorking() {
        String yaml = sweep("training: {epochs: 10, learning_rate: 2E-3}\n")
                .replace("fraction: 0.1", "fraction: [.5, 1e-1, 0.25, 1., +0.75]").replace("columns: 1", "columns: +1");
        SweepSpec s = SweepConfigLoader.parse(yaml, FILE);
        assertEquals(List.of(0.5, 0.1, 0.25, 1.0, 0.75), s.fractions());
        assertEquals(List.of(1), s.trials().stream().map(TrialSpec::columns).distinct().toList());
        assertEquals(10, s.trials().get(0).training().maxEpochs());
        assertEquals(0.002, s.trials().get(0).training().learningRate());
    }

    @ParameterizedTest(name = "name: {0}")
    @CsvSource(delimiter = '|', value = {
            "010        | the number 8",
            "2024       | the number 2024",
            "yes        | true",
            "off        | false",
            "2024-01-31 | a date"})
    void aStringWrittenAsANumberBooleanOrDateIsToldToBeQuoted(String written, String yaml11) {
        assertError(refused(sweep("").replace("name: ok", "name: " + written)), 1, "name",
                "must be a string (YAML 1.1 reads " + written + " as " + yaml11 + "; quote it to keep the text)",
                written);
        assertEquals(written, SweepConfigLoader.parse(sweep("").replace("name: ok", "name: '" + written + "'"),
                FILE).name());
    }

    @Test
    void yesIsNotABoolean() {
        assertError(refused(sweep("dictionary: {orthonormal: yes}\n")), 6, "dictionary.orthonormal",
                "must be true or false", "yes");
    }
}
