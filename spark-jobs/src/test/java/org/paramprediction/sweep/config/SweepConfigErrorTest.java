package org.paramprediction.sweep.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every class of bad input gives a ConfigException naming file, line, path, rule and value. */
class SweepConfigErrorTest {

    private static final String FILE = "conf/sweeps/x.yaml";

    private static ConfigException fail(String yaml) {
        return assertThrows(ConfigException.class, () -> SweepConfigLoader.parse(yaml, FILE));
    }

    /** The single error has these parts, and the message shows them as file:line: path ... value. */
    private static void assertError(ConfigException e, int line, String path, String value) {
        assertEquals(1, e.errors().size(), e.getMessage());
        assertEquals(FILE, e.file());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(path, e.path(), e.getMessage());
        assertEquals(value, e.value(), e.getMessage());
        assertTrue(e.getMessage().startsWith(FILE + ":" + line + ": " + path + " "), e.getMessage());
        if (value != null) {
            assertTrue(e.getMessage().endsWith(" but was " + value), e.getMessage());
        }
    }

    private static String base(String extra) {
        return "name: bad\nmethod: [Full, SE]\nfraction: 0.1\ncolumns: 5\nrepeats: 1\n" + extra;
    }

    @Test
    void outOfRangeValueNamesFileLinePathRuleAndValue() {
        ConfigException e = fail(base("training:\n  epochs: 3\n  learning_rate: -0.1\n"));
        assertError(e, 8, "training.learning_rate", "-0.1");
        assertEquals("must be > 0", e.rule());
        assertEquals(FILE + ":8: training.learning_rate must be > 0 but was -0.1", e.getMessage());
    }

    @Test
    void unknownKeyGivesItsLineAndTheAllowedKeys() {
        ConfigException e = fail(base("dataset:\n  train_size: 100\n  rooot: /data\n"));
        assertError(e, 8, "dataset", "rooot");
        assertEquals("keys must be one of [format, root, train_size, valid_size, test_size, permutation_seed]", e.rule());
    }

    @Test
    void unknownTopLevelKey() {
        ConfigException e = fail(base("epochs: 3\n"));
        assertError(e, 6, "top-level", "epochs");
        assertTrue(e.rule().contains("training"), e.rule());
    }

    @Test
    void wrongTypes() {
        assertError(fail(base("training:\n  batch_size: \"100\"\n")), 7, "training.batch_size", "\"100\"");
        assertError(fail(base("training:\n  epochs: 2.5\n")), 7, "training.epochs", "2.5");
        assertError(fail(base("dictionary:\n  orthonormal: yes\n")), 7, "dictionary.orthonormal", "yes");
        assertError(fail(base("model:\n  hidden: 500\n")), 7, "model.hidden", "500");
        assertError(fail(base("dataset: /data\n")), 6, "dataset", "/data");
        ConfigException list = fail(base("training:\n  learning_rate: [0.01, 0.02]\n"));
        assertError(list, 7, "training.learning_rate", "a list [0.01, 0.02]");
        assertTrue(list.rule().contains("grid"), list.rule());
    }

    @Test
    void outOfRangeInListsNamesTheIndex() {
        assertError(fail("name: bad\nmethod: SE\nfraction: [0.05, 0.1, 1.5]\ncolumns: 5\nrepeats: 1\n"),
                3, "fraction[2]", "1.5");
        assertError(fail(base("model:\n  hidden: [500, 0]\n")), 7, "model.hidden[1]", "0");
        ConfigException grid = fail(base("grid:\n  training.learning_rate: [0.01, 0.02, 0, 0.04]\n"));
        assertError(grid, 7, "grid.training.learning_rate[2]", "0");
    }

    @Test
    void emptyListsAreRefused() {
        assertError(fail("name: bad\nmethod: []\nfraction: 0.1\ncolumns: 5\nrepeats: 1\n"), 2, "method", "[]");
        assertError(fail(base("grid:\n  dictionary.ridge: []\n")), 7, "grid.dictionary.ridge", "[]");
    }

    @Test
    void badMethodNameListsTheValidNames() {
        ConfigException e = fail("name: bad\nmethod: [Full, SE-emp]\nfraction: 0.1\ncolumns: 5\nrepeats: 1\n");
        assertError(e, 2, "method[1]", "SE-emp");
        assertTrue(e.rule().contains(
                "[Full, LowRank, RandCon, RandFixU, SE, SE-Emp, SE-Emp2, SE-Rand, Emp-Emp, PCA, DCT, Downsized]"), e.rule());
        IllegalArgumentException direct = assertThrows(IllegalArgumentException.class, () -> Method.parse("full"));
        assertTrue(direct.getMessage().contains("Full, LowRank"), direct.getMessage());
    }

    @Test
    void unknownGridPathListsTheValidOnes() {
        ConfigException e = fail(base("grid:\n  training.lr: [0.01]\n"));
        assertError(e, 7, "grid", "training.lr");
        assertTrue(e.rule().contains("training.learning_rate"), e.rule());
        assertError(fail(base("grid:\n  name: [a, b]\n")), 7, "grid", "name");
    }

    @Test
    void keyInGridAndAsATopLevelListIsRefused() {
        ConfigException e = fail(base("grid:\n  method: [SE-Emp]\n"));
        assertError(e, 7, "grid.method", null);
        assertTrue(e.rule().contains("line 2"), e.rule());
    }

    @Test
    void explicitTagsAreRefusedAndNothingIsConstructed() {
        ConfigException e = fail(base("dataset:\n  root: !!java.lang.Runtime []\n"));
        assertError(e, 7, "dataset.root", "!!java.lang.Runtime");
        ConfigException e2 = fail(base("training:\n  epochs: !!int 3\n"));
        assertError(e2, 7, "training.epochs", "!!int");
        ConfigException e3 = fail("!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader "
                + "[[!!java.net.URL [\"http://example.invalid/\"]]]]\n");
        assertTrue(e3.getMessage().contains("!!javax.script.ScriptEngineManager"), e3.getMessage());
    }

    @Test
    void duplicateKeysAreRefused() {
        ConfigException e = fail(base("training:\n  epochs: 3\n  epochs: 4\n"));
        assertError(e, 8, "training.epochs", null);
        assertTrue(e.rule().contains("first at line 7"), e.rule());
        assertError(fail(base("repeats: 2\n")), 6, "repeats", null);
    }

    @Test
    void missingRequiredKeysAreReported() {
        ConfigException e = fail("name: bad\nmethod: SE\n");
        assertEquals(List.of("columns", "fraction", "repeats"),
                e.errors().stream().map(ConfigError::path).sorted().toList());
        e.errors().forEach(x -> assertTrue(x.message().startsWith(FILE + ":1: " + x.path() + " is required"),
                x.message()));
    }

    @Test
    void badNameAndSyntaxErrors() {
        assertError(fail(base("").replace("name: bad", "name: My Sweep")), 1, "name", "My Sweep");
        ConfigException syntax = fail("name: bad\nmethod: [Full\nfraction: 0.1\n");
        assertTrue(syntax.line() > 0 && syntax.getMessage().contains("is not valid YAML"), syntax.getMessage());
        assertTrue(fail("").getMessage().contains("is empty"));
        assertError(fail("- a\n- b\n"), 1, "document", "a list [a, b]");
    }

    @Test
    void crossFieldRulesNameTheOffendingKey() {
        ConfigException both = fail(base("dictionary:\n  length_scale: 2.0\n  length_scale_factor: 1.5\n"));
        assertEquals(8, both.line(), both.getMessage());
        assertEquals("dictionary.length_scale_factor", both.path());
        assertTrue(both.rule().startsWith("and dictionary.length_scale must not both be set"), both.rule());
        ConfigException neither = fail(base("dictionary:\n  length_scale: null\n"));
        assertError(neither, 7, "dictionary.length_scale", "length_scale=null, length_scale_factor=null");
        assertEquals("length_scale=2.0, length_scale_factor=1.5", both.value());
        ConfigException columns = fail("name: bad\nmethod: SE\nfraction: 0.1\ncolumns: [5, 600]\nrepeats: 1\n");
        assertError(columns, 4, "columns[1]", "600");
        assertTrue(columns.rule().contains("[500, 500]"), columns.rule());
    }

    @Test
    void pcaOrAnAllDctNetworkWithSeveralColumnsIsRefusedWhenAskedForExplicitly() {
        ConfigException pca = fail("name: bad\nmethod: PCA\nfraction: 0.1\ncolumns: 5\nrepeats: 1\n");
        assertError(pca, 4, "columns", "5");
        assertTrue(pca.rule().startsWith("must be 1 for PCA with this model: every column would get the same"
                + " principal directions"), pca.rule());
        ConfigException dct = fail("name: bad\nmethod: DCT\nfraction: 0.1\ncolumns: 5\nrepeats: 1\n"
                + "model: {hidden: [100]}\n");
        assertError(dct, 4, "columns", "5");
        assertTrue(dct.rule().contains("all DCT layers"), dct.rule());
        // an empirical layer above the DCT one draws its own atoms per column: allowed
        assertEquals(5, SweepConfigLoader.parse("name: ok\nmethod: DCT\nfraction: 0.1\ncolumns: 5\nrepeats: 1\n"
                + "model: {hidden: [100, 100]}\n", FILE).trials().get(0).columns());
    }

    @Test
    void severalErrorsAreAllReportedInLineOrder() {
        ConfigException e = fail("""
                name: Bad_Name
                method: [Full, Nope]
                fraction: [0.1, 2]
                columns: 5
                repeats: 0
                training:
                  learning_rate: -1
                  momentum_end: 1.0
                  epoch: 3
                """);
        List<String> paths = e.errors().stream().map(ConfigError::path).toList();
        assertEquals(List.of("name", "method[1]", "fraction[1]", "repeats", "training.learning_rate",
                "training.momentum_end", "training"), paths, e.getMessage());
        assertEquals(1, e.line());
        assertEquals("name", e.path());
        assertTrue(e.getMessage().startsWith("7 errors in " + FILE + ":"), e.getMessage());
        assertTrue(e.getMessage().contains("\n  " + FILE + ":8: training.momentum_end must be in [0, 1) but was 1.0"),
                e.getMessage());
    }

    @Test
    void valueAndCrossFieldErrorsAreReportedTogether() {
        ConfigException e = fail("""
                name: together
                method: SE
                fraction: 0.1
                columns: 600
                repeats: 1
                training:
                  epochs: 0
                """);
        assertEquals(List.of("columns", "training.epochs"), e.errors().stream().map(ConfigError::path).toList());
    }

    @Test
    void aTypoCannotScheduleMillionsOfTrials() {
        ConfigException e = fail(base("").replace("repeats: 1", "repeats: 100001"));
        assertTrue(e.getMessage().contains("more than 100000 trials"), e.getMessage());
    }

    @Test
    void missingFileIsAConfigException() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> SweepConfigLoader.load(Path.of("no/such/sweep.yaml")));
        assertTrue(e.getMessage().startsWith("no/such/sweep.yaml: cannot be read"), e.getMessage());
    }
}
