package io.modelcards.render;

import io.modelcards.render.CatalogueViews.FiltersView;
import io.modelcards.render.CatalogueViews.OptionView;
import io.modelcards.render.CatalogueViews.PageLinkView;
import io.modelcards.render.CatalogueViews.PagerView;
import io.modelcards.render.Views.CardView;
import io.modelcards.render.Views.IndexView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The catalogue as static pages, as Hugo's paginator lays out a list: {@code index.html} holds the first
 * {@link #PAGE_SIZE} cards in name order, {@code page/2/index.html}… the next ones, each with a pager, so every model
 * is reachable without JavaScript. Each page also carries the filter form that catalogue.js runs over the data file.
 */
final class CataloguePages {
    /**
     * Cards per page: about 45 KB of HTML for 100 cards of the synthetic corpus, and at most 1.2 KB a card (summary
     * cut to 140 characters), so a page stays far below 200 KB; 100 pages for 10,000 models.
     */
    static final int PAGE_SIZE = 100;
    /** Most options a task or license list shows (by number of models); the 2022 Hub snapshot has 29 and 47. */
    static final int MAX_OPTIONS = 100;
    /** The value the filters give a task, license or organisation that a card does not name, and its size. */
    static final String UNKNOWN = "unknown";

    /** A range of parameter counts in billions, {@code min} included and {@code max} not (-1: no upper end). */
    record SizeRange(String id, String label, int min, int max) {
        boolean contains(BigDecimal billions) {
            return billions.compareTo(BigDecimal.valueOf(min)) >= 0
                    && (max < 0 || billions.compareTo(BigDecimal.valueOf(max)) < 0);
        }
    }

    /** The size filter's ranges: the usual steps of model families, each holding its lower end (7B is in 7–14B). */
    static final List<SizeRange> SIZES = List.of(
            new SizeRange("0-1b", "under 1B", 0, 1),
            new SizeRange("1-3b", "1–3B", 1, 3),
            new SizeRange("3-7b", "3–7B", 3, 7),
            new SizeRange("7-14b", "7–14B", 7, 14),
            new SizeRange("14-35b", "14–35B", 14, 35),
            new SizeRange("35-70b", "35–70B", 35, 70),
            new SizeRange("70b-", "70B and more", 70, -1));

    static final List<OptionView> SORTS = List.of(new OptionView("name", "Name"),
            new OptionView("size", "Size, largest first"), new OptionView("size-asc", "Size, smallest first"),
            new OptionView("results", "Results, most first"));

    /** Name order as readers expect it: case ignored, numbers by value (Nova-9 before Nova-10), then as written. */
    static final Comparator<CardView> BY_NAME = Comparator.<CardView, String>comparing(
            c -> c.name().toLowerCase(Locale.ROOT), CataloguePages::compareNatural)
            .thenComparing(CardView::name).thenComparing(CardView::href);

    private CataloguePages() {}

    /**
     * Sorts cards as {@link #BY_NAME} does, each name lower-cased once rather than at every comparison (serve sorts the
     * whole catalogue on every edit).
     */
    static void sortByName(List<CardView> cards) {
        record Keyed(String lower, CardView card) {}
        List<Keyed> keyed = new ArrayList<>(cards.size());
        for (CardView c : cards) keyed.add(new Keyed(c.name().toLowerCase(Locale.ROOT), c));
        keyed.sort(Comparator.<Keyed, String>comparing(Keyed::lower, CataloguePages::compareNatural)
                .thenComparing(k -> k.card().name()).thenComparing(k -> k.card().href()));
        for (int i = 0; i < keyed.size(); i++) cards.set(i, keyed.get(i).card());
    }

    /** Whether {@link #sortByName} puts {@code b} where it puts {@code a}: it reads a card's name and link only. */
    static boolean samePlace(CardView a, CardView b) {
        return a.name().equals(b.name()) && a.href().equals(b.href());
    }

    /** One catalogue page: where it is written, its number and its view. */
    record Page(String path, int number, IndexView view) {}

    /** The path of page {@code number}: index.html, then page/2/index.html… */
    static String path(int number) {
        return number == 1 ? "index.html" : "page/" + number + "/index.html";
    }

    /** The pages of {@code cards} (in name order), {@code pageSize} cards each; at least one page, even if empty. */
    static List<Page> pages(List<CardView> cards, int tables, int pageSize) {
        int total = Math.max(1, (cards.size() + pageSize - 1) / pageSize);
        String counts = cards.size() + (cards.size() == 1 ? " model, " : " models, ") + tables
                + (tables == 1 ? " table" : " tables");
        List<OptionView> tasks = options(cards, CardView::task);
        List<OptionView> licenses = options(cards, CardView::license);
        List<OptionView> sizes = new ArrayList<>();
        for (SizeRange r : SIZES) sizes.add(new OptionView(r.id(), r.label()));
        sizes.add(new OptionView(UNKNOWN, UNKNOWN));
        List<Page> pages = new ArrayList<>();
        for (int n = 1; n <= total; n++) {
            String path = path(n);
            int from = (n - 1) * pageSize;
            int to = Math.min(cards.size(), from + pageSize);
            String showing = total == 1 ? "" : "Page " + n + " of " + total + ": models " + (from + 1) + "–" + to + ".";
            FiltersView filters = new FiltersView(SitePaths.link(path, path(1)), n == 1,
                    SitePaths.link(path, CatalogueData.PATH), pageSize, tasks, licenses, sizes, SORTS);
            pages.add(new Page(path, n, new IndexView(cards.subList(from, to), counts, showing, pager(n, total),
                    filters)));
        }
        return pages;
    }

    /**
     * The pager of page {@code number}: the first and last pages, two on each side of this one, gaps between, and
     * previous and next. Links are relative to page {@code number}.
     */
    static PagerView pager(int number, int total) {
        String from = path(number);
        List<PageLinkView> links = new ArrayList<>();
        int last = 0;
        for (int n = 1; n <= total; n++) {
            if (n != 1 && n != total && Math.abs(n - number) > 2) continue;
            if (n > last + 1) links.add(new PageLinkView("…", "", false, true));
            links.add(new PageLinkView(String.valueOf(n), n == number ? "" : SitePaths.link(from, path(n)), n == number,
                    false));
            last = n;
        }
        return new PagerView(number, total, number > 1 ? SitePaths.link(from, path(number - 1)) : "",
                number < total ? SitePaths.link(from, path(number + 1)) : "", links);
    }

    /**
     * The options of a task or license list: the values cards name, most used first (then by name), at most
     * {@link #MAX_OPTIONS}, and "unknown" last when some card names none.
     */
    static List<OptionView> options(List<CardView> cards, Function<CardView, String> facet) {
        Map<String, Integer> counts = new TreeMap<>();
        for (CardView c : cards) counts.merge(facet.apply(c), 1, Integer::sum);
        boolean unknown = counts.remove("") != null;
        List<String> values = new ArrayList<>(counts.keySet());
        values.sort(Comparator.comparing((String v) -> -counts.get(v)));
        List<OptionView> options = new ArrayList<>();
        for (String v : values.subList(0, Math.min(values.size(), MAX_OPTIONS))) options.add(new OptionView(v, v));
        if (unknown) options.add(new OptionView(UNKNOWN, UNKNOWN));
        return options;
    }

    /** Compares two strings with runs of digits compared by value ("nova-9" before "nova-10"). */
    static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (isDigit(x) && isDigit(y)) {
                int ei = digitsEnd(a, i);
                int ej = digitsEnd(b, j);
                // the numbers without their leading zeros: the longer is larger, else the first digit that differs
                int si = zerosEnd(a, i, ei);
                int sj = zerosEnd(b, j, ej);
                if (ei - si != ej - sj) return Integer.compare(ei - si, ej - sj);
                for (int k = 0; k < ei - si; k++) {
                    int c = Character.compare(a.charAt(si + k), b.charAt(sj + k));
                    if (c != 0) return c;
                }
                i = ei;
                j = ej;
            } else {
                if (x != y) return Character.compare(x, y);
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitsEnd(String s, int from) {
        int k = from;
        while (k < s.length() && isDigit(s.charAt(k))) k++;
        return k;
    }

    /** Where the digits from {@code from} to {@code end} start after their leading zeros (one digit is kept). */
    private static int zerosEnd(String s, int from, int end) {
        int k = from;
        while (k < end - 1 && s.charAt(k) == '0') k++;
        return k;
    }
}
