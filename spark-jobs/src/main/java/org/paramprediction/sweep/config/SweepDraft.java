package org.paramprediction.sweep.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A sweep file as read, before expansion: the value of every field (given or default) and the
 * axes to expand (method, fraction, columns, then the grid keys in file order), each value
 * remembering where it came from for error messages.
 *
 * @param base  every field's single value (for an axis field: the scalar it overrides, if any)
 * @param axisSets the axes of each product the sweep is the union of: one set, or one per entry of
 *              {@code variants}; each the fields that take several values, in expansion order (last
 *              one fastest)
 * @param gridKeys the keys under {@code grid} and then those only under {@code variants}, in file order
 * @param select the {@code select} section, or null (then {@code repeats} is the top-level one)
 */
record SweepDraft(String name, int repeats, Map<SweepField, Setting> base, List<List<Axis>> axisSets,
        List<String> gridKeys, SelectSection select) {

    SweepDraft {
        base = Map.copyOf(base);
        axisSets = axisSets.stream().map(List::copyOf).toList();
        gridKeys = List.copyOf(gridKeys);
    }

    /** The values a field takes in any product (an axis's, or the base value), distinct, in order; empty if absent. */
    List<Object> values(SweepField field) {
        List<Object> out = new ArrayList<>();
        for (List<Axis> axes : axisSets) {
            Axis axis = axes.stream().filter(a -> a.field() == field).findFirst().orElse(null);
            if (axis != null) {
                axis.values().stream().map(Setting::value).filter(v -> !out.contains(v)).forEach(out::add);
            } else if (base.get(field) != null && !out.contains(base.get(field).value())) {
                out.add(base.get(field).value());
            }
        }
        return out;
    }

    /**
     * One value and its origin.
     *
     * @param path      YAML path with list indices, e.g. {@code grid.fraction[3]}
     * @param line      1-based line where it was written (of the enclosing section for a default)
     * @param shown     the value as written, for error messages
     * @param defaulted true when the file did not give it
     */
    record Setting(Object value, String path, int line, String shown, boolean defaulted) {
    }

    /** A field that takes each of {@code values} in turn. */
    record Axis(SweepField field, List<Setting> values) {

        Axis {
            values = List.copyOf(values);
        }
    }
}
