package io.modelcards.render;

import java.util.List;

/**
 * The records handed to the benchmark and dataset templates, the related-models list of a model page, and the pager
 * and filter form of the catalogue pages.
 */
public final class CatalogueViews {
    private CatalogueViews() {}

    public record TopicSummaryView(String name, String href, String aliases, int models, int results) {}

    public record TopicIndexView(String kind, String intro, List<TopicSummaryView> topics) {}

    public record ResultView(String model, String modelHref, String row, String rowHref, String metric, String value,
                             String type, String sortKey) {}

    public record MentionView(String model, String href, String where) {}

    /** {@code otherHref}: the dataset page of a benchmark, or the benchmark page of a dataset ("" if none). */
    public record TopicPageView(String name, String kind, String aliases, List<ResultView> results,
                                List<MentionView> mentions, String otherHref, String otherLabel,
                                List<Views.ChartView> charts, String note) {}

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
