package io.modelcards.render;

import java.util.List;

/**
 * The records handed to the benchmark and dataset templates, the related-models list of a model page, and the pager
 * and filter form of the catalogue pages.
 */
public final class CatalogueViews {
    private CatalogueViews() {}

    /** A benchmark or dataset in its index; {@code note} says what it is when its name alone does not ("" if none). */
    public record TopicSummaryView(String name, String href, String aliases, int models, int results, String note) {}

    public record TopicIndexView(String kind, String intro, List<TopicSummaryView> topics) {}

    public record MentionView(String model, String href, String where) {}

    public record LinkView(String label, String href) {}

    /**
     * A dataset page: its names, the datasets it was made from or that were made from it, the leaderboards on it
     * (links, never their rows again), the values read under its name when it has no leaderboard (a name the
     * vocabulary does not know, in a card's table), and the models naming it.
     */
    public record TopicPageView(String name, String kind, String aliases, List<LinkView> derivedFrom,
                                List<LinkView> derived, List<BoardLinkView> leaderboards, List<MentionView> results,
                                String note, List<MentionView> mentions) {}

    /** A leaderboard listed on a dataset page: where it is, what it ranks, and its leader. */
    public record BoardLinkView(String label, String href, String about) {}

    /**
     * A benchmark page: what the benchmark is (task, dataset, the dataset it was made from), its leaderboards, and the
     * script that filters them ({@code js/leaderboard.js}, relative to the page).
     */
    public record LeaderboardPageView(String name, String kind, String lead, List<FactView> facts,
                                      List<BoardView> boards, String script) {}

    public record FactView(String term, List<LinkView> values) {}

    /**
     * One leaderboard: its heading and what it ranks how, its setting filters, the table (head and body written in
     * Java, every card text escaped), the legend of its marks, and its chart (null if none).
     */
    public record BoardView(String id, String title, String about, String caption, List<FilterView> filters,
                            String head, String body, List<LegendView> legend, ChartFigureView chart, String note) {}

    /** A setting filter: one chip per value, "All" first; {@code key} is its URL parameter (?shots=0). */
    public record FilterView(String id, String key, String label, List<ChipView> chips) {}

    public record ChipView(String label, String value) {}

    public record LegendView(String symbol, String term, String text) {}

    /** A leaderboard's chart: the SVG drawn by LeaderboardChart (our markup, its text escaped) and its caption. */
    public record ChartFigureView(String svg, String caption) {}

    public record RelatedView(String name, String href, String reason) {}

    /** A link of the catalogue's pager: the current page has no {@code href}; a gap ("…") has neither. */
    public record PageLinkView(String label, String href, boolean current, boolean gap) {}

    /** Page {@code number} of {@code total}; {@code previous} and {@code next} "" where there is none. */
    public record PagerView(int number, int total, String previous, String next, List<PageLinkView> links) {}

    public record OptionView(String value, String label) {}

    /**
     * The catalogue's filter form. {@code action}: the first catalogue page, where the filtered pages are shown;
     * {@code live}: this is that page (its script filters in place); {@code data}: the catalogue's data file.
     */
    public record FiltersView(String action, boolean live, String data, int pageSize, List<OptionView> tasks,
                              List<OptionView> licenses, List<OptionView> sizes, List<OptionView> sorts) {}
}
