package io.modelcards.model;

/** What a table holds, recognised from its shape. */
public enum TableKind {
    BENCHMARK, LINK_MATRIX, HYPERPARAMETERS, VARIANTS, OTHER;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
