package org.paramprediction.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.paramprediction.dictionary.DictionaryKind;
import org.paramprediction.dictionary.DictionaryRecipe;
import org.paramprediction.dictionary.KernelKind;

/**
 * A {@link DictionaryRecipe} as a flat JSON object with its component names, e.g. {@code
 * {"kind":"KERNEL_RIDGE","kernel":"SE","inputs":784,"atoms":78,"seed":42,"ridge":0.001,...}}: the
 * {@code recipe} column of the {@code weights} table, readable from a notebook. {@link #parse}
 * gives back an equal recipe (Jackson, which Spark provides, reads it).
 */
public final class RecipeJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecipeJson() {}

    public static String render(DictionaryRecipe r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", r.kind().name());
        m.put("kernel", r.kernel() == null ? null : r.kernel().name());
        m.put("inputs", r.inputs());
        m.put("atoms", r.atoms());
        m.put("seed", r.seed());
        m.put("ridge", r.ridge());
        m.put("length_scale", r.lengthScale());
        m.put("length_scale_factor", r.lengthScaleFactor());
        m.put("grid_rows", r.gridRows());
        m.put("grid_cols", r.gridCols());
        m.put("covariance_id", r.covarianceId());
        m.put("orthonormal", r.orthonormal());
        try {
            return JSON.writeValueAsString(m);
        } catch (IOException e) {
            throw new IllegalStateException("a map of strings and numbers always renders", e);
        }
    }

    /** The recipe of {@code json}; a malformed one is an IllegalArgumentException naming the field and the text. */
    public static DictionaryRecipe parse(String json) {
        JsonNode n;
        try {
            n = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("recipe must be JSON but was " + json + " (" + e.getMessage() + ")", e);
        }
        try {
            return new DictionaryRecipe(DictionaryKind.valueOf(text(n, "kind")),
                    n.path("kernel").isNull() ? null : KernelKind.valueOf(text(n, "kernel")),
                    field(n, "inputs").asInt(), field(n, "atoms").asInt(), field(n, "seed").asLong(),
                    field(n, "ridge").asDouble(), field(n, "length_scale").asDouble(),
                    field(n, "length_scale_factor").asDouble(), field(n, "grid_rows").asInt(),
                    field(n, "grid_cols").asInt(),
                    n.path("covariance_id").isNull() ? null : text(n, "covariance_id"),
                    field(n, "orthonormal").asBoolean());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("recipe " + json + " is invalid: " + e.getMessage(), e);
        }
    }

    private static JsonNode field(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || v.isMissingNode()) {
            throw new IllegalArgumentException("field " + name + " is missing");
        }
        return v;
    }

    private static String text(JsonNode n, String name) {
        return field(n, name).asText();
    }
}
