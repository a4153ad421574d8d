package io.modelcards.model;

import java.util.List;
import java.util.Objects;

/** The whole catalogue: settings and models in a stable order (source file, then line). */
public record Site(SiteConfig config, List<Model> models) {
    public Site {
        Objects.requireNonNull(config, "config");
        models = List.copyOf(models);
    }

    public Site withModels(List<Model> newModels) {
        return new Site(config, newModels);
    }
}
