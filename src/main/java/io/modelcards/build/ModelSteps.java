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
    /** The last curated models, in site order, and what typing each gave (same positions). */
    private List<Model> typedKeys = List.of();
    private List<Done> typed = List.of();
    /** The last typed models, in site order, and what linking each gave (same positions), valid for {@link #names}. */
    private List<Model> linkedKeys = List.of();
    private List<Done> linked = List.of();
    private Map<String, String> names = Map.of();
    private io.modelcards.model.BenchmarkVocabulary vocabulary;
    private SiteLinker.Context context;

    /** The same site as {@link SiteBuilder#assemble} gives, with the same diagnostics. */
    Site assemble(SiteConfig config, List<Model> models, Curated curated, Diagnostics diagnostics) {
        List<Model> curatedModels = SiteNormalizer.curate(models, curated, diagnostics);
        if (!curated.benchmarks().equals(vocabulary)) { // results are read with it: nothing typed is kept
            typedKeys = List.of();
            typed = List.of();
        }
        vocabulary = curated.benchmarks();
        typed = reuse(curatedModels, typedKeys, typed, done -> true, m -> {
            Diagnostics local = new Diagnostics();
            return new Done(SiteNormalizer.type(m, vocabulary, local), local.all(), false);
        });
        typedKeys = curatedModels;
        List<Model> types = new ArrayList<>(typed.size());
        for (Done done : typed) types.add(done.model());
        diagnostics.addAll(diagnosticsOf(typed));
        Site site = new Site(config, types, curated);
        context = linker.context(site, context);
        Map<String, String> nowNames = context.names();
        boolean sameNames = nowNames.equals(names);
        linked = reuse(types, linkedKeys, linked, done -> sameNames && !done.looksElsewhere(), m -> {
            Diagnostics local = new Diagnostics();
            SiteLinker.Linked l = linker.link(m, context, local);
            return new Done(l.model(), local.all(), l.looksElsewhere());
        });
        linkedKeys = types;
        names = nowNames;
        List<Model> out = new ArrayList<>(linked.size());
        for (Done done : linked) out.add(done.model());
        diagnostics.addAll(diagnosticsOf(linked));
        return site.withModels(out);
    }

    /** The diagnostics of every step's result, in order, in one list (serve adds a catalogue's on every edit). */
    private static List<Diagnostic> diagnosticsOf(List<Done> done) {
        int n = 0;
        for (Done d : done) n += d.diagnostics().size();
        List<Diagnostic> all = new ArrayList<>(n);
        for (Done d : done) all.addAll(d.diagnostics());
        return all;
    }

    /**
     * The step's result for each model, in the same order: kept from the last run when {@code usable} (for the same
     * instance, else for an equal model), or done now (on every core, as a build does). An edit leaves nearly every
     * model where it was, so a model is first looked for at its own position: a reference comparison, where hashing
     * 10,000 models on every edit was a fifth of it.
     */
    private static List<Done> reuse(List<Model> models, List<Model> lastKeys, List<Done> last,
                                    Predicate<Done> usable, Function<Model, Done> step) {
        int n = models.size();
        Done[] next = new Done[n];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Done done = i < last.size() && lastKeys.get(i) == models.get(i) ? last.get(i) : null;
            if (done != null && usable.test(done)) next[i] = done;
            else missing.add(i);
        }
        if (missing.size() > 16 && !last.isEmpty()) {
            // models moved (a file added or removed before them): look them up by instance
            Map<Model, Done> byInstance = new IdentityHashMap<>(lastKeys.size());
            for (int i = 0; i < lastKeys.size(); i++) byInstance.put(lastKeys.get(i), last.get(i));
            List<Integer> still = new ArrayList<>();
            for (int i : missing) {
                Done done = byInstance.get(models.get(i));
                if (done != null && usable.test(done)) next[i] = done;
                else still.add(i);
            }
            missing = still;
        }
        if (!missing.isEmpty() && !last.isEmpty()) {
            // a model made again (its file was edited) may equal one kept; hashing all kept models is the slow part
            Map<Model, Done> byValue = null;
            if (missing.size() > 16) {
                byValue = new HashMap<>();
                for (int i = 0; i < lastKeys.size(); i++) byValue.put(lastKeys.get(i), last.get(i));
            }
            List<Integer> still = new ArrayList<>();
            for (int i : missing) {
                Model m = models.get(i);
                Done done = byValue != null ? byValue.get(m) : equal(lastKeys, last, m, i);
                if (done != null && usable.test(done)) next[i] = done;
                else still.add(i);
            }
            missing = still;
        }
        var stream = missing.size() > 1 ? missing.parallelStream() : missing.stream();
        Map<Model, Done> made = stream.map(models::get).distinct().collect(Collectors.toMap(m -> m, step));
        for (int i : missing) next[i] = made.get(models.get(i));
        return java.util.Arrays.asList(next);
    }

    /**
     * The kept result of a model equal to {@code m}: only the one of the same slug can be (slugs are unique in a
     * site), looked for first at {@code at}, where an edited model usually still is, then in the last site's order (a
     * plain scan of a list: cheaper than a map made for one look-up).
     */
    private static Done equal(List<Model> lastKeys, List<Done> last, Model m, int at) {
        String slug = m.slug();
        if (at < lastKeys.size() && lastKeys.get(at).slug().equals(slug)) return lastKeys.get(at).equals(m) ? last.get(at) : null;
        for (int i = 0; i < lastKeys.size(); i++) {
            Model k = lastKeys.get(i);
            if (k.slug().equals(slug)) return k.equals(m) ? last.get(i) : null;
        }
        return null;
    }
}
