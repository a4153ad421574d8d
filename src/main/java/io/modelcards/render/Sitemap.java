package io.modelcards.render;

import java.util.List;
import org.jsoup.nodes.Entities;

/** sitemap.xml for the pages; absolute URLs need --base-url, otherwise the URLs stay relative. */
final class Sitemap {
    private Sitemap() {}

    static String xml(String baseUrl, List<String> pages) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String p : pages.stream().sorted().toList()) {
            String path = p.endsWith("index.html") ? p.substring(0, p.length() - "index.html".length()) : p;
            String url = baseUrl.isEmpty() ? path : SiteRenderer.absolute(baseUrl, path);
            sb.append("  <url><loc>").append(Entities.escape(url)).append("</loc></url>\n");
        }
        return sb.append("</urlset>\n").toString();
    }
}
