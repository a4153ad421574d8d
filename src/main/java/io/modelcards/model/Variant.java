package io.modelcards.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A size or flavour of a model (IDEFICS 9B, Whisper tiny, SAM vit_b). {@code parameters} is the count in
 * base units when the source gives it, else null; {@code attributes} holds other facts from its row.
 */
public record Variant(String name, BigDecimal parameters, String parametersText, Map<String, String> attributes,
                      List<Link> links) {
    public Variant {
        Objects.requireNonNull(name, "name");
        parametersText = parametersText == null ? "" : parametersText;
        // most variants have no attributes: one shared empty map, not a linked map and its view each
        attributes = attributes.isEmpty() ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
        links = List.copyOf(links);
    }
}
