package org.paramprediction.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paramprediction.sweep.config.SweepSpec;
import org.paramprediction.sweep.config.TrialSpec;

/**
 * What tells a sweep's trials apart beyond method, fraction, columns and repeat, for the console: the
 * {@code select.over} keys and the grid keys whose commonest value is not held by most trials, always;
 * the other grid (and variant) keys where a trial's value is not the commonest, e.g.
 * {@code learning_rate=0.05 orthonormal=false}. Values
 * come from each trial's canonical config (a key a trial leaves out, such as an unset
 * {@code training.alternate}, is null).
 */
final class TrialLabels {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> keys;
    private final Set<String> always;
    private final Map<String, String> usual = new HashMap<>();

    /** For {@code sweep}'s trials; a sweep without grid keys gives empty extras. */
    TrialLabels(SweepSpec sweep) {
        this.keys = List.copyOf(sweep.gridKeys());
        this.always = sweep.select() == null ? Set.of() : Set.copyOf(sweep.select().over());
        for (String key : keys) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (TrialSpec t : sweep.trials()) {
                counts.merge(value(t, key), 1, Integer::sum);
            }
            Map.Entry<String, Integer> most = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            if (2L * most.getValue() > sweep.trials().size()) {
                usual.put(key, most.getKey()); // else a real axis: always shown
            }
        }
    }

    /** A label with no extras, for callers without a sweep. */
    static final TrialLabels NONE = new TrialLabels();

    private TrialLabels() {
        this.keys = List.of();
        this.always = Set.of();
    }

    /** The extra words for {@code t}, each {@code name=value} (name: the last part of the key), or "". */
    String extra(TrialSpec t) {
        if (keys.isEmpty()) {
            return "";
        }
        List<String> words = new ArrayList<>();
        for (String key : keys) {
            String v = value(t, key);
            if (always.contains(key) || !v.equals(usual.get(key))) { // usual is null for an axis: shown
                words.add(key.substring(key.lastIndexOf('.') + 1) + "=" + v);
            }
        }
        return String.join(" ", words);
    }

    private static String value(TrialSpec t, String key) {
        try {
            JsonNode node = JSON.readTree(t.canonicalConfig()).at("/" + key.replace('.', '/'));
            return node.isMissingNode() || node.isNull() ? "null" : node.isValueNode() ? node.asText() : node.toString();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("trial " + t.trialId() + ": canonical config is not JSON", e);
        }
    }
}
