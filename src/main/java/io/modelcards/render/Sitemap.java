package io.modelcards.render;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Entities;

/**
 * sitemap.xml for the pages; absolute URLs need --base-url, otherwise the URLs stay relative. A sitemap lists at most
 * 50,000 URLs (sitemaps.org): a larger site's {@code sitemap.xml} is a sitemap index of {@code sitemap-1.xml},
 * {@code sitemap-2.xml}, … each of at most that many pages, in the same order.
 */
final class Sitemap {
    static final String PATH = "sitemap.xml";
    /** The most URLs one sitemap may list (sitemaps.org; search engines refuse a longer one). */
    static final int MAX_URLS = 50_000;

    private Sitemap() {}

    static String xml(String baseUrl, List<String> pages) {
        return urlset(baseUrl, pages.stream().sorted().toList());
    }

    /** The sitemap of {@code sorted} pages, in that order. */
    private static String urlset(String baseUrl, List<String> sorted) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String p : sorted) {
            String path = p.endsWith("index.html") ? p.substring(0, p.length() - "index.html".length()) : p;
            sb.append("  <url><loc>").append(Entities.escape(url(baseUrl, path))).append("</loc></url>\n");
        }
        return sb.append("</urlset>\n").toString();
    }

    /** {@link #PATH}, and when the site has more than {@code maxUrls} pages, the sitemaps it is the index of. */
    static List<OutputFile> files(String baseUrl, List<String> pages, int maxUrls) {
        List<String> sorted = pages.stream().sorted().toList();
        if (sorted.size() <= maxUrls) return List.of(OutputFile.text(PATH, urlset(baseUrl, sorted)));
        List<OutputFile> files = new ArrayList<>();
        StringBuilder index = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (int from = 0, n = 1; from < sorted.size(); from += maxUrls, n++) {
            String path = "sitemap-" + n + ".xml";
            files.add(OutputFile.text(path, urlset(baseUrl, sorted.subList(from, Math.min(sorted.size(), from + maxUrls)))));
            index.append("  <sitemap><loc>").append(Entities.escape(url(baseUrl, path))).append("</loc></sitemap>\n");
        }
        files.add(0, OutputFile.text(PATH, index.append("</sitemapindex>\n").toString()));
        return files;
    }

    private static String url(String baseUrl, String path) {
        return baseUrl.isEmpty() ? path : SiteRenderer.absolute(baseUrl, path);
    }
}
