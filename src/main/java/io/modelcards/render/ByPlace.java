package io.modelcards.render;

import io.modelcards.model.Model;
import java.util.Arrays;
import java.util.function.Function;

/**
 * serve: a value made for the model in each place of the catalogue, found again for the same instance in the same
 * place by a reference comparison (no read of the model, no hash): an edit leaves nearly every model where it was.
 * The caller's values must depend only on the model (for as long as this is kept). Not for concurrent use.
 */
final class ByPlace<V> {
    private Model[] models = new Model[0];
    private Object[] values = new Object[0];

    /** The value for {@code m} in place {@code i}: the one kept there for the same instance, else {@code make}'s. */
    @SuppressWarnings("unchecked")
    V get(int i, Model m, Function<Model, V> make) {
        if (i < models.length && models[i] == m) return (V) values[i];
        V v = make.apply(m);
        if (i >= models.length) {
            int size = Math.max(i + 1, models.length * 2);
            models = Arrays.copyOf(models, size);
            values = Arrays.copyOf(values, size);
        }
        models[i] = m;
        values[i] = v;
        return v;
    }

    /** A copy, to be changed apart from this one. */
    ByPlace<V> copy() {
        ByPlace<V> out = new ByPlace<>();
        out.models = models.clone();
        out.values = values.clone();
        return out;
    }
}
