package org.paramprediction.sweep.config;

import java.util.function.Predicate;

/**
 * A range rule on one parsed value (for a list type: on each element), e.g. {@code must be > 0}.
 *
 * @param text the words of an error message, starting with {@code must}
 * @param ok   true when the value obeys the rule
 */
record Rule(String text, Predicate<Object> ok) {

    static final Rule ANY = new Rule("", v -> true);

    static Rule atLeast(long min) {
        return new Rule("must be >= " + min, v -> ((Number) v).longValue() >= min);
    }

    static Rule positive() {
        return new Rule("must be > 0", v -> number(v) > 0 && Double.isFinite(number(v)));
    }

    static Rule nonNegative() {
        return new Rule("must be >= 0", v -> number(v) >= 0 && Double.isFinite(number(v)));
    }

    /** {@code (0, 1]}. */
    static Rule fraction() {
        return new Rule("must be in (0, 1]", v -> number(v) > 0 && number(v) <= 1);
    }

    /** {@code [0, 1)}. */
    static Rule momentum() {
        return new Rule("must be in [0, 1)", v -> number(v) >= 0 && number(v) < 1);
    }

    static Rule nonBlank() {
        return new Rule("must not be blank", v -> !((String) v).isBlank());
    }

    static Rule matches(String regex) {
        return new Rule("must match " + regex, v -> ((String) v).matches(regex));
    }

    boolean test(Object value) {
        return ok.test(value);
    }

    private static double number(Object v) {
        return ((Number) v).doubleValue();
    }
}
