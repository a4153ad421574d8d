package io.modelcards.model;

import java.util.List;
import java.util.Objects;

/** The whole catalogue: settings and models in a stable order (source file, then line). */
public record Site(SiteConfig config, List<Model> models, Curated curated) {
    public Site {
        Objects.requireNonNull(config, "config");
        models = List.copyOf(models);
        curated = curated == null ? Curated.EMPTY : curated;
    }

    public Site withModels(List<Model> newModels) {
        return new Site(config, newModels, curated);
    }
}
