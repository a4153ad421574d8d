package io.modelcards.model;

/** Site settings from content/site.yaml, overridden by command-line flags. */
public record SiteConfig(String title, String description, String baseUrl, String repoUrl, String footer) {
    public static final SiteConfig DEFAULTS = new SiteConfig("Model Cards",
            "A catalogue of AI model cards.", "", "", "Built with modelcards.");

    public SiteConfig {
        title = title == null || title.isBlank() ? DEFAULTS_TITLE : title;
        description = description == null ? "" : description;
        baseUrl = baseUrl == null ? "" : baseUrl;
        repoUrl = repoUrl == null ? "" : repoUrl;
        footer = footer == null ? "" : footer;
    }

    private static final String DEFAULTS_TITLE = "Model Cards";

    public SiteConfig withBaseUrl(String url) {
        return new SiteConfig(title, description, url, repoUrl, footer);
    }
}
