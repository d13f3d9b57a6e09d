package org.paramprediction.sweep.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.paramprediction.sweep.config.SweepDraft.Axis;
import org.paramprediction.sweep.config.SweepDraft.Setting;

/**
 * Sorts the trials of a sweep with a {@code select} section into configurations: the grid points
 * that differ only in the over keys (and the repeat) form one {@link SelectGroup}, whose candidates
 * are their distinct trials in expansion order (file order of the values, the order that breaks
 * ties). Trials are normalised before they are grouped, so a setting a method ignores gives one
 * candidate (Full over fractions), and configurations that normalise to the same candidates are
 * kept once (also across the products of {@code variants}).
 */
final class SelectGrouping {

    private final Set<SweepField> over;
    private final Set<SweepField> varied;
    private final Map<List<Integer>, String> labels = new LinkedHashMap<>();
    private final Map<List<Integer>, Map<String, SelectCandidate>> candidates = new LinkedHashMap<>();

    /** {@code varied}: the fields that take more than one value in the sweep (the ones a label names). */
    SelectGrouping(List<SweepField> over, Set<SweepField> varied) {
        this.over = Set.copyOf(over);
        this.varied = Set.copyOf(varied);
    }

    /**
     * The trials (one per repeat) of the grid point at {@code index} of product {@code set} (a
     * variant; 0 without variants) over {@code axes}, whose settings are {@code v}.
     */
    void add(List<Axis> axes, int set, int[] index, Map<SweepField, Setting> v, List<TrialSpec> trials) {
        List<Integer> key = new ArrayList<>();
        key.add(set);
        for (int i = 0; i < index.length; i++) {
            key.add(over.contains(axes.get(i).field()) ? -1 : index[i]);
        }
        TrialSpec first = trials.get(0);
        labels.computeIfAbsent(key, k -> label(axes, v, first, false));
        candidates.computeIfAbsent(key, k -> new LinkedHashMap<>())
                .putIfAbsent(first.trialId(), new SelectCandidate(label(axes, v, first, true), trials));
    }

    /**
     * The configurations in expansion order, each once (also when two variants give it, in any order
     * of its candidates). Two configurations that share a candidate trial but not all of them (two
     * variants giving one configuration different {@code over} values) are reported to {@code errors}:
     * one trial cannot be chosen among two sets.
     */
    List<SelectGroup> groups(ErrorCollector errors) {
        List<SelectGroup> out = new ArrayList<>();
        Map<Set<String>, String> seen = new HashMap<>();
        Map<String, Set<String>> groupOf = new HashMap<>();
        for (var e : candidates.entrySet()) {
            Set<String> ids = Set.copyOf(e.getValue().keySet());
            if (seen.containsKey(ids)) {
                continue;
            }
            String label = labels.get(e.getKey());
            for (String id : ids) {
                Set<String> other = groupOf.putIfAbsent(id, ids);
                if (other != null) {
                    errors.add(1, "select.over", "must give each trial one set of candidates, but configuration "
                            + label + " has different candidates in two places (e.g. two variants with different "
                            + "values of an over key): give them the same values", label);
                    return List.of();
                }
            }
            seen.put(ids, label);
            out.add(new SelectGroup(label, List.copyOf(e.getValue().values())));
        }
        return out;
    }

    /**
     * {@code path=value} of the over keys ({@code overKeys}) or of the other axes whose field takes
     * more than one value in the sweep; method, fraction and columns as normalised in the trial.
     */
    private String label(List<Axis> axes, Map<SweepField, Setting> v, TrialSpec t, boolean overKeys) {
        StringJoiner s = new StringJoiner(" ");
        for (Axis a : axes) {
            SweepField f = a.field();
            if (over.contains(f) == overKeys && (overKeys || varied.contains(f))) {
                s.add(f.path() + "=" + shown(f, v, t));
            }
        }
        return s.length() == 0 ? "all" : s.toString();
    }

    private static String shown(SweepField f, Map<SweepField, Setting> v, TrialSpec t) {
        return switch (f) {
            case METHOD -> t.method();
            case FRACTION -> CanonicalJson.decimal(t.fraction());
            case COLUMNS -> String.valueOf(t.columns());
            default -> v.get(f).shown();
        };
    }
}
