package io.modelcards.model;

/**
 * Site settings from content/site.yaml, overridden by command-line flags. {@code cards} says which files are
 * one card and which are collections; {@code sourceUrl} is the pattern of a card's source repository, such as
 * {@code https://huggingface.co/{id}/blob/main/{path}} ({@code {id}}: the card's id, {@code {path}}: the link as
 * written), used for links and images that point into the card's repository rather than to the site.
 * {@code modelJson} writes each model's whole normalized model as {@code models/<slug>/model.json} (off by default:
 * nothing in the site reads it, and at 10,000 cards it is as large as the pages; see README "The site").
 */
public record SiteConfig(String title, String description, String baseUrl, String repoUrl, String footer,
                         CardLayout cards, String sourceUrl, boolean modelJson) {
    public static final SiteConfig DEFAULTS = new SiteConfig("Model Cards",
            "A catalogue of AI model cards.", "", "", "Built with modelcards.");

    public SiteConfig {
        title = title == null || title.isBlank() ? DEFAULTS_TITLE : title;
        description = description == null ? "" : description;
        baseUrl = baseUrl == null ? "" : baseUrl;
        repoUrl = repoUrl == null ? "" : repoUrl;
        footer = footer == null ? "" : footer;
        cards = cards == null ? CardLayout.AUTO : cards;
        sourceUrl = sourceUrl == null ? "" : sourceUrl.strip();
    }

    public SiteConfig(String title, String description, String baseUrl, String repoUrl, String footer) {
        this(title, description, baseUrl, repoUrl, footer, CardLayout.AUTO, "", false);
    }

    public SiteConfig(String title, String description, String baseUrl, String repoUrl, String footer,
                      CardLayout cards, String sourceUrl) {
        this(title, description, baseUrl, repoUrl, footer, cards, sourceUrl, false);
    }

    private static final String DEFAULTS_TITLE = "Model Cards";

    public SiteConfig withBaseUrl(String url) {
        return new SiteConfig(title, description, url, repoUrl, footer, cards, sourceUrl, modelJson);
    }
}
