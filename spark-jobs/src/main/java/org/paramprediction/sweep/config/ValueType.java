package org.paramprediction.sweep.config;

/** The type of a config value, with the words an error message uses for it. */
enum ValueType {
    STRING("a string"),
    INT("an integer"),
    LONG("an integer"),
    DOUBLE("a number"),
    BOOL("true or false"),
    INT_LIST("a list of integers"),
    CONV_LIST("a list of conv layers, e.g. [{filters: 32, kernel: 5, pad: 2, pool: 2}]"),
    ACTIVATION("one of relu, tanh, sigmoid"),
    ALTERNATE("a mapping {v_epochs: N, u_epochs: N}, e.g. {v_epochs: 2, u_epochs: 1}"),
    GROW("a mapping {to: F, every: N, step: F}, e.g. {to: 0.5, every: 2, step: 0.05}"),
    RICA("a mapping {features: N, patch: N, ...}, e.g. {features: 64, patch: 8, patches: 100000, sparsity: 0.1,"
            + " iterations: 300, pool: 3}"),
    METHOD("one of " + Method.validNames());

    private final String description;

    ValueType(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }
}
