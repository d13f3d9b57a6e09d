package org.paramprediction.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paramprediction.SharedSpark;
import org.paramprediction.dictionary.Dictionary;
import org.paramprediction.dictionary.DictionaryBuilder;
import org.paramprediction.dictionary.DictionaryKind;
import org.paramprediction.dictionary.DictionaryRecipe;
import org.paramprediction.io.RecipeJson;
import org.paramprediction.results.ResultStore;

/** The opt-in weights table of a real sweep: one row per trial, layer and column, rebuildable recipes. */
class WeightsTableTest {

    @TempDir
    Path tmp;

    private static List<Map<String, Object>> duck(Path out, String sql) {
        return ReportFixture.duckdb(out, ReportFixture.SWEEP, sql);
    }

    @Test
    void everyTrialKeepsOneRowPerLayerAndColumnWithVOfTheRightShape() {
        Path out = ReportFixture.output();
        List<Map<String, Object>> perTrial = duck(out, """
                SELECT t.trial_id, t.method, t.columns, count(*) AS n, sum(w.units) AS units,
                       bool_and(len(w.v) = w.atoms * w.units) AS shaped, bool_and(w.u IS NULL) AS no_u
                FROM trials t JOIN weights w ON w.trial_id = t.trial_id
                GROUP BY t.trial_id, t.method, t.columns""");
        assertEquals(ReportFixture.TRIALS, perTrial.size(), "every trial kept its weights");
        for (Map<String, Object> r : perTrial) {
            int columns = ((Number) r.get("columns")).intValue();
            assertEquals(2L * columns, ((Number) r.get("n")).longValue(), "2 layers x columns: " + r);
            assertEquals(Boolean.TRUE, r.get("shaped"), r.toString());
            assertEquals(Boolean.TRUE, r.get("no_u"), "U is only kept for LowRank: " + r);
            if (!r.get("method").equals("Downsized")) {
                assertEquals(2L * 24, ((Number) r.get("units")).longValue(), "both layers' units: " + r);
            }
        }
    }

    @Test
    void recipesParseBackToTheTrialsRecipesAndRebuildU() {
        List<Map<String, Object>> rows = duck(ReportFixture.output(), """
                SELECT w.recipe, w.inputs, w.atoms, t.recipes, t.method FROM weights w
                JOIN trials t ON t.trial_id = w.trial_id WHERE w.layer = 1 AND w."column" = 1""");
        for (Map<String, Object> r : rows) {
            DictionaryRecipe recipe = RecipeJson.parse((String) r.get("recipe"));
            assertEquals(recipe, RecipeJson.parse(RecipeJson.render(recipe)));
            assertTrue(((String) r.get("recipes")).contains(recipe.toString()), r.toString());
            assertEquals(((Number) r.get("atoms")).intValue(), recipe.atoms());
            if (recipe.kind() != DictionaryKind.FULL) {
                Dictionary u = DictionaryBuilder.build(recipe, null);
                assertEquals(((Number) r.get("inputs")).intValue(), u.inputs(), r.toString());
            }
        }
        assertEquals(ReportFixture.TRIALS, rows.size());
    }

    @Test
    void prepareDropsTheWeightsOfTrialsToRerun() throws IOException {
        Path copy = ReportFixture.copyTo(tmp.resolve("copy"));
        String rerun = (String) duck(copy, "SELECT min(trial_id) AS id FROM trials").get(0).get("id");
        new ResultStore(SharedSpark.session(), copy.toString(), ReportFixture.SWEEP).prepare(Set.of(rerun));
        assertEquals(0L, ((Number) duck(copy, "SELECT count(*) AS n FROM weights WHERE trial_id = '" + rerun + "'")
                .get(0).get("n")).longValue());
        assertEquals(ReportFixture.TRIALS - 1L, ((Number) duck(copy, "SELECT count(DISTINCT trial_id) AS n FROM weights")
                .get(0).get("n")).longValue());
    }

    @Test
    void readmeDocumentsEveryColumnOfTheWeightsTable() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        for (var c : org.paramprediction.results.WeightTable.COLUMNS) {
            assertTrue(readme.contains("`" + c.name() + "`"), "README documents weights column " + c.name());
        }
        assertTrue(readme.contains("`weights` (written only when the config sets `output.keep_weights: true`)"));
    }
}
