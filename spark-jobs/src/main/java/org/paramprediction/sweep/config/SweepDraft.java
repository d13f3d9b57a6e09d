package org.paramprediction.sweep.config;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A sweep file as read, before expansion: the value of every field (given or default) and the
 * axes to expand (method, fraction, columns, then the grid keys in file order), each value
 * remembering where it came from for error messages.
 *
 * @param base  every field's single value (for an axis field: the scalar it overrides, if any)
 * @param axes  the fields that take several values, in expansion order (last one fastest)
 * @param select the {@code select} section, or null (then {@code repeats} is the top-level one)
 */
record SweepDraft(String name, int repeats, Map<SweepField, Setting> base, List<Axis> axes, List<String> gridKeys,
        SelectSection select) {

    SweepDraft {
        base = Map.copyOf(base);
        axes = List.copyOf(axes);
        gridKeys = List.copyOf(gridKeys);
    }

    /** The values of an axis field, or of a base field as a one-value list; empty if absent. */
    List<Object> values(SweepField field) {
        for (Axis a : axes) {
            if (a.field() == field) {
                return a.values().stream().map(Setting::value).toList();
            }
        }
        Setting s = base.get(field);
        return s == null ? List.of() : Collections.singletonList(s.value());
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
