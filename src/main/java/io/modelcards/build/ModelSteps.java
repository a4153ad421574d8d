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
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

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
    private Map<Model, Done> typed = new IdentityHashMap<>();
    /** typed model → linked model, valid for {@link #names} */
    private Map<Model, Done> linked = new IdentityHashMap<>();
    /** The keys of {@link #typed} and {@link #linked} in site order: where an equal model would be (by slug). */
    private List<Model> typedKeys = List.of();
    private List<Model> linkedKeys = List.of();
    private Map<String, String> names = Map.of();
    private io.modelcards.model.BenchmarkVocabulary vocabulary;
    private SiteLinker.Context context;

    /** The same site as {@link SiteBuilder#assemble} gives, with the same diagnostics. */
    Site assemble(SiteConfig config, List<Model> models, Curated curated, Diagnostics diagnostics) {
        List<Model> curatedModels = SiteNormalizer.curate(models, curated, diagnostics);
        if (!curated.benchmarks().equals(vocabulary)) typed = new IdentityHashMap<>(); // results are read with it
        vocabulary = curated.benchmarks();
        typed = reuse(curatedModels, typed, typedKeys, done -> true, m -> {
            Diagnostics local = new Diagnostics();
            return new Done(SiteNormalizer.type(m, vocabulary, local), local.all(), false);
        });
        typedKeys = curatedModels;
        List<Model> types = new ArrayList<>();
        for (Model m : curatedModels) {
            Done done = typed.get(m);
            done.diagnostics().forEach(diagnostics::add);
            types.add(done.model());
        }
        Site site = new Site(config, types, curated);
        context = linker.context(site, context);
        Map<String, String> nowNames = context.names();
        boolean sameNames = nowNames.equals(names);
        linked = reuse(types, linked, linkedKeys, done -> sameNames && !done.looksElsewhere(), m -> {
            Diagnostics local = new Diagnostics();
            SiteLinker.Linked l = linker.link(m, context, local);
            return new Done(l.model(), local.all(), l.looksElsewhere());
        });
        linkedKeys = types;
        names = nowNames;
        List<Model> out = new ArrayList<>();
        for (Model m : types) {
            Done done = linked.get(m);
            done.diagnostics().forEach(diagnostics::add);
            out.add(done.model());
        }
        return site.withModels(out);
    }

    /**
     * The step's result for each model, by model instance: kept from {@code last} when {@code usable} (for the same
     * instance, else for an equal model), or done now (on every core, as a build does).
     */
    private static Map<Model, Done> reuse(List<Model> models, Map<Model, Done> last, List<Model> lastKeys,
                                          Predicate<Done> usable, Function<Model, Done> step) {
        Map<Model, Done> next = new IdentityHashMap<>(models.size()); // sized once: growing it was a tenth of an edit
        List<Model> missing = new ArrayList<>();
        for (Model m : models) {
            Done done = last.get(m);
            if (done != null && usable.test(done)) next.put(m, done);
            else missing.add(m);
        }
        if (!missing.isEmpty() && !last.isEmpty()) {
            // a model made again (its file was edited) may equal one kept; hashing all kept models is the slow part
            Map<Model, Done> byValue = new HashMap<>();
            if (missing.size() > 16) byValue.putAll(last);
            List<Model> still = new ArrayList<>();
            for (Model m : missing) {
                Done done = missing.size() > 16 ? byValue.get(m) : equal(last, lastKeys, m);
                if (done != null && usable.test(done)) next.put(m, done);
                else still.add(m);
            }
            missing = still;
        }
        var stream = missing.size() > 1 ? missing.parallelStream() : missing.stream();
        Map<Model, Done> made = stream.distinct().collect(Collectors.toMap(m -> m, step));
        next.putAll(made);
        return next;
    }

    /**
     * The kept result of a model equal to {@code m}: only the one of the same slug can be (slugs are unique in a
     * site), looked for in the last site's order (a plain scan of a list: cheaper than a map made for one look-up).
     */
    private static Done equal(Map<Model, Done> last, List<Model> lastKeys, Model m) {
        String slug = m.slug();
        for (Model k : lastKeys) {
            if (k.slug().equals(slug)) return k.equals(m) ? last.get(k) : null;
        }
        return null;
    }
}
