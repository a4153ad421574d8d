package io.modelcards.links;

import io.modelcards.diag.Diagnostics;
import io.modelcards.model.Curated;
import io.modelcards.model.Link;
import io.modelcards.model.Model;
import io.modelcards.model.Site;
import io.modelcards.model.SiteConfig;
import io.modelcards.parse.ModelCardParser;
import io.modelcards.source.SourceFile;
import java.util.ArrayList;
import java.util.List;

/** Parses Markdown written in a test into a site, and links it. */
final class Sites {
    private Sites() {}

    static Site parse(String markdown, Curated curated) {
        Diagnostics d = new Diagnostics();
        List<Model> models = new ModelCardParser().parse(List.of(SourceFile.of("content/test.md", markdown)), d);
        return new Site(SiteConfig.DEFAULTS, models, curated);
    }

    static Site link(String markdown, Curated curated, Diagnostics diagnostics) {
        return new SiteLinker().link(parse(markdown, curated), diagnostics);
    }

    static Site link(String markdown) {
        return link(markdown, Curated.EMPTY, new Diagnostics());
    }

    static List<Link> fixes(Site site) {
        List<Link> fixed = new ArrayList<>();
        for (Model m : site.models()) for (Link l : m.links()) if (l.isFixed()) fixed.add(l);
        return fixed;
    }

    static List<String> hrefs(Site site) {
        List<String> hrefs = new ArrayList<>();
        for (Model m : site.models()) for (Link l : m.links()) hrefs.add(l.href());
        return hrefs;
    }
}
