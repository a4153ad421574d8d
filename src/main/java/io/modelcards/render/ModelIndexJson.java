package io.modelcards.render;

import io.modelcards.model.Model;
import java.util.List;

/** A model in the Hugging Face {@code model-index} shape (name, results) so hub tools can read it. */
record ModelIndexJson(@com.fasterxml.jackson.annotation.JsonProperty("model-index") List<Entry> modelIndex) {
    record Entry(String name, List<Object> results) {}

    static ModelIndexJson of(Model m) {
        return new ModelIndexJson(List.of(new Entry(m.name(), List.of())));
    }
}
