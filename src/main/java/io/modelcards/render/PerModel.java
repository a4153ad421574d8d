package io.modelcards.render;

import io.modelcards.model.Model;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A catalogue-wide step's per-model part: what {@code read} gives for each model, read on every core, or kept from
 * {@code last} for the same model instance (serve's memos). The caller then puts the parts together in catalogue
 * order, so the result does not depend on the cores.
 */
final class PerModel {
    private PerModel() {}

    /** For each model of {@code models} (by instance): {@code last}'s value for it, or {@code read}'s. */
    static <T> Map<Model, T> read(List<Model> models, Map<Model, T> last, Function<Model, T> read) {
        List<T> values = models.parallelStream().map(m -> {
            T kept = last.get(m);
            return kept != null ? kept : read.apply(m);
        }).toList();
        Map<Model, T> out = new IdentityHashMap<>(models.size());
        for (int i = 0; i < values.size(); i++) out.put(models.get(i), values.get(i));
        return out;
    }
}
