package io.modelcards.render;

import io.modelcards.diag.Diagnostics;
import io.modelcards.model.Model;
import io.modelcards.model.SiteConfig;
import io.modelcards.render.Views.CardView;
import io.modelcards.render.Views.Crumb;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What serve keeps from one render of the catalogue-wide files to the next, for the same templates: each page by
 * everything its template is given (a page whose view is equal is not rendered again), what each model puts on
 * the benchmarks, datasets and leaderboards, each model's card on the index, the search index and the sitemap. Only what the last render used is kept. A page whose rendering reported anything is not kept, so
 * that the report is repeated. Not for concurrent renders.
 */
public final class RenderCache {
    /** Everything a page's bytes depend on, besides the templates. */
    record PageInput(String path, String template, String title, String description, List<Crumb> crumbs,
                     SiteConfig config, Map<String, Object> vars) {}

    /** The model pages each model links to (RelatedModels), by model instance; only this render's models are kept. */
    private final PassMemo<Model, List<String>> linkedPages = new PassMemo<>();

    /** What each model added to the benchmarks and datasets. */
    final Topics.Memo topics = new Topics.Memo();
    /** The last related-models index. */
    final RelatedModels.Memo related = new RelatedModels.Memo();
    /** What each model put on the leaderboards. */
    final Leaderboards.Memo leaderboards = new Leaderboards.Memo();
    /** Each card's record in the catalogue's data file. */
    final CatalogueData.Memo catalogueData = new CatalogueData.Memo();
    /** path → the page's inputs and bytes; looked up by path, since hashing a view would walk all of it */
    private final Generation<String, Made<PageInput, OutputFile>> pages = new Generation<>();
    private final PassMemo<Model, Card> cards = new PassMemo<>();
    private final PassMemo<Model, List<SearchIndex.Entry>> searchEntries = new PassMemo<>();
    private final PassMemo<Model, SearchPart> searchItems = new PassMemo<>();
    private final PassMemo<Model, SiteRenderer.CatalogueJson.Entry> catalogueEntries = new PassMemo<>();
    private final PassMemo<Model, SiteRenderer.CatalogueJson.Entry> catalogueEntriesWithJson = new PassMemo<>();
    /** each model's compare data (results.js), by model instance, with the vocabulary it was made with */
    private final PassMemo<Model, Made<Object, OutputFile>> compareData = new PassMemo<>();
    /** the first path of a group of files → what they were made from, and the files */
    private final Generation<String, Made<Object, List<OutputFile>>> fileGroups = new Generation<>();
    /** path → what a file was made from, and the file */
    private final Generation<String, Made<Object, OutputFile>> files = new Generation<>();

    /** Starts a render: what it does not use again is forgotten at its end. */
    synchronized void start() {
        linkedPages.next();
        pages.next();
        cards.next();
        searchEntries.next();
        searchItems.next();
        catalogueEntries.next();
        catalogueEntriesWithJson.next();
        files.next();
        compareData.next();
        fileGroups.next();
    }

    /** A value and what it was made from. */
    private record Made<I, V>(I input, V value) {}

    /** A map to fill for this render, holding what the last render found for the models it still has. */
    Map<Model, List<String>> linkedPages() {
        return new java.util.AbstractMap<>() {
            @Override
            public List<String> get(Object m) {
                return m instanceof Model model ? linkedPages.get(model) : null;
            }

            // AbstractMap's would walk this render's entries only: every model would be read again on every edit
            @Override
            public boolean containsKey(Object m) {
                return get(m) != null;
            }

            @Override
            public List<String> put(Model m, List<String> v) {
                linkedPages.put(m, v);
                return null;
            }

            @Override
            public Set<Entry<Model, List<String>>> entrySet() {
                return linkedPages.entries();
            }
        };
    }

    OutputFile page(PageInput input, Function<Diagnostics, OutputFile> render, Diagnostics diagnostics) {
        Made<PageInput, OutputFile> kept;
        synchronized (this) {
            kept = pages.get(input.path());
        }
        if (kept != null && kept.input().equals(input)) return kept.value();
        Diagnostics local = new Diagnostics();
        OutputFile made = render.apply(local);
        if (local.all().isEmpty()) {
            synchronized (this) {
                pages.put(input.path(), new Made<>(input, made));
            }
        } else {
            diagnostics.addAll(local);
        }
        return made;
    }

    List<SearchIndex.Entry> searchEntries(Model m) {
        return cached(searchEntries, m, SearchIndex::entries);
    }

    /** A model's entry in models.json (with or without its model.json). */
    SiteRenderer.CatalogueJson.Entry catalogueEntry(Model m, boolean modelJson) {
        return modelJson ? cached(catalogueEntriesWithJson, m, k -> SiteRenderer.CatalogueJson.entry(k, true))
                : cached(catalogueEntries, m, k -> SiteRenderer.CatalogueJson.entry(k, false));
    }

    /**
     * A model's search entries as JSON array items ({@link SearchIndex#items}): an edit writes its model's alone. As
     * text (compared, to tell whether the index changed) and as UTF-8 bytes (joined into the index without a string
     * of all of it).
     */
    record SearchPart(String text, byte[] bytes) {}

    SearchPart searchPart(Model m) {
        return cached(searchItems, m, makeSearchPart);
    }

    private final Function<Model, SearchPart> makeSearchPart = m -> {
        String text = SearchIndex.items(searchEntries(m));
        return new SearchPart(text, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    };

    /** A model's card on the index, and its number of tables (counted on the index too). */
    record Card(CardView view, int tables) {}

    /** The last catalogue's cards in site order, and the same sorted by name (serve: sorted again only on a change). */
    private List<CardView> lastCards = List.of();
    private List<CardView> lastSorted = List.of();

    /**
     * {@code cards} sorted by name, by {@code sort}; the last order when the cards are the same as last time, with the
     * cards that are not put in the places of those they replace when {@code samePlace} says the sort puts them there
     * (an edit that changes a card's summary, not its name).
     */
    List<CardView> sorted(List<CardView> cards, java.util.function.Consumer<List<CardView>> sort,
                          java.util.function.BiPredicate<CardView, CardView> samePlace) {
        if (!cards.equals(lastCards)) {
            Map<CardView, CardView> replaced = replaced(cards, samePlace);
            List<CardView> sorted = new java.util.ArrayList<>(replaced != null ? lastSorted : cards);
            if (replaced != null) sorted.replaceAll(c -> replaced.getOrDefault(c, c));
            else sort.accept(sorted);
            lastCards = List.copyOf(cards);
            lastSorted = List.copyOf(sorted);
        }
        return new java.util.ArrayList<>(lastSorted);
    }

    /** The last cards (by instance) that {@code cards} has others in place of, each with its new one; or null. */
    private Map<CardView, CardView> replaced(List<CardView> cards, java.util.function.BiPredicate<CardView, CardView> samePlace) {
        if (cards.size() != lastCards.size()) return null;
        Map<CardView, CardView> replaced = new java.util.IdentityHashMap<>();
        for (int i = 0; i < cards.size(); i++) {
            CardView was = lastCards.get(i);
            CardView now = cards.get(i);
            if (was == now) continue;
            if (!samePlace.test(was, now) || replaced.put(was, now) != null) return null;
        }
        return replaced;
    }

    /** {@code m}'s card, kept or made by {@code make} (best a lambda that captures nothing: asked for every model). */
    Card card(Model m, Function<Model, Card> make) {
        return cached(cards, m, make);
    }

    /** The file at {@code path}, made again only when {@code input}, all it is made from, changed. */
    OutputFile file(String path, Object input, Supplier<OutputFile> make) {
        Made<Object, OutputFile> kept;
        synchronized (this) {
            kept = files.get(path);
        }
        if (kept != null && kept.input().equals(input)) return kept.value();
        OutputFile made = make.get();
        synchronized (this) {
            files.put(path, new Made<>(input, made));
        }
        return made;
    }

    /** Like {@link #file}, for files made together (the search index's parts), kept under the first one's path. */
    List<OutputFile> files(String path, Object input, Supplier<List<OutputFile>> make) {
        Made<Object, List<OutputFile>> kept;
        synchronized (this) {
            kept = fileGroups.get(path);
        }
        if (kept != null && kept.input().equals(input)) return kept.value();
        List<OutputFile> made = List.copyOf(make.get());
        synchronized (this) {
            fileGroups.put(path, new Made<>(input, made));
        }
        return made;
    }

    /**
     * A model's compare data: kept by instance for an unchanged model (a look-up by path built each time, for 10,000
     * models on every edit, was a tenth of a moved line's render), else by path and everything it is made from.
     */
    OutputFile compareData(Model m, Object vocabulary, Function<Model, OutputFile> make) {
        Made<Object, OutputFile> kept;
        synchronized (this) {
            kept = compareData.get(m);
        }
        if (kept != null && kept.input() == vocabulary) return kept.value();
        OutputFile made = file(CompareData.path(m.slug()), List.of(m.slug(), m.name(), m.results(), vocabulary),
                () -> make.apply(m));
        synchronized (this) {
            compareData.put(m, new Made<>(vocabulary, made));
        }
        return made;
    }

    /**
     * The value kept for {@code key}, or {@code make}'s. Asked for each model on every edit: {@code make} is a function
     * rather than a lambda that captures the model, which cost an allocation through a method handle per model.
     */
    private <K, V> V cached(PassMemo<K, V> memo, K key, Function<K, V> make) {
        synchronized (this) {
            V kept = memo.get(key);
            if (kept != null) return kept;
        }
        V made = make.apply(key);
        synchronized (this) {
            memo.put(key, made);
        }
        return made;
    }

    /**
     * Values by key (a path), each marked with the last render that used it; a render forgets, when it starts, the
     * values the render before did not use. One map for all renders. Values by model are in {@link PassMemo}s.
     */
    private static final class Generation<K, V> {
        private static final class Slot<V> {
            final V value;
            int render;

            Slot(V value, int render) {
                this.value = value;
                this.render = render;
            }
        }

        private final Map<K, Slot<V>> slots = new HashMap<>();
        private int render;
        /** How many slots this render used. */
        private int used;

        /** Starts the next render. */
        void next() {
            if (used < slots.size()) {
                int last = render;
                slots.values().removeIf(slot -> slot.render != last);
            }
            render++;
            used = 0;
        }

        V get(K key) {
            Slot<V> slot = slots.get(key);
            if (slot == null) return null;
            if (slot.render != render) {
                slot.render = render;
                used++;
            }
            return slot.value;
        }

        void put(K key, V value) {
            Slot<V> before = slots.put(key, new Slot<>(value, render));
            if (before == null || before.render != render) used++;
        }
    }
}
