package org.paramprediction.sweep.config;

import java.io.Serializable;
import java.util.List;

/**
 * One configuration of the keys a {@code select} section does not choose (everything but the over
 * keys and the repeat), with its candidates in file order (the order that breaks ties).
 *
 * @param configuration the other keys' values, e.g. {@code SE-Emp f=0.1 c=5}
 * @param candidates    at least one, distinct trials
 */
public record SelectGroup(String configuration, List<SelectCandidate> candidates) implements Serializable {

    private static final long serialVersionUID = 1L;

    public SelectGroup {
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("configuration " + configuration + " has no candidate");
        }
    }
}
