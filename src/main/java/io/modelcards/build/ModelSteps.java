package io.modelcards.build;

import io.modelcards.diag.Diagnostic;
import io.modelcards.diag.Diagnostics;
import io.modelcards.links.SiteLinker;
import io.modelcards.model.Curated;
import io.modelcards.model.Model;
import io.modelcards.model.Site;
import io.modelcards.model.SiteConfig;
import io.modelcards.parse.SiteNormalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * serve's normalize and link steps ({@link SiteBuilder#assemble}), done again only for the models they could give
 * another result for. The catalogue-wide parts (curated data, the names that cross-link) run every time; a model
 * is typed again only when it changed, and linked again when it changed, when the names that cross-link changed,
 * or when one of its same-document links was looked for on other models' pages. What a step reported about a model
 * is kept with it and reported again. Not thread-safe.
 */
final class ModelSteps {
    private record Done(Model model, List<Diagnostic> diagnostics, boolean looksElsewhere) {}

    private final SiteLinker linker = new SiteLinker();
    /** curated model → typed model */
    private Map<Model, Done> typed = new HashMap<>();
    /** typed model → linked model, valid for {@link #names} */
    private Map<Model, Done> linked = new HashMap<>();
    private Map<String, String> names = Map.of();

    /** The same site as {@link SiteBuilder#assemble} gives, with the same diagnostics. */
    Site assemble(SiteConfig config, List<Model> models, Curated curated, Diagnostics diagnostics) {
        Map<Model, Done> nextTyped = new HashMap<>();
        List<Model> types = new ArrayList<>();
        for (Model m : SiteNormalizer.curate(models, curated, diagnostics)) {
            Done done = nextTyped.get(m);
            if (done == null) done = typed.get(m);
            if (done == null) {
                Diagnostics local = new Diagnostics();
                done = new Done(SiteNormalizer.type(m, local), local.all(), false);
            }
            nextTyped.put(m, done);
            done.diagnostics().forEach(diagnostics::add);
            types.add(done.model());
        }
        typed = nextTyped;
        Site site = new Site(config, types, curated);
        SiteLinker.Context context = linker.context(site);
        Map<String, String> nowNames = context.names();
        boolean sameNames = nowNames.equals(names);
        Map<Model, Done> nextLinked = new HashMap<>();
        List<Model> out = new ArrayList<>();
        for (Model m : types) {
            Done done = sameNames ? linked.get(m) : null;
            if (done == null || done.looksElsewhere()) {
                Diagnostics local = new Diagnostics();
                SiteLinker.Linked l = linker.link(m, context, local);
                done = new Done(l.model(), local.all(), l.looksElsewhere());
            }
            nextLinked.put(m, done);
            done.diagnostics().forEach(diagnostics::add);
            out.add(done.model());
        }
        linked = nextLinked;
        names = nowNames;
        return site.withModels(out);
    }
}
