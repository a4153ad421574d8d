package io.modelcards.render;

import java.util.List;

/** The records handed to the benchmark and dataset templates, and the related-models list of a model page. */
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
}
