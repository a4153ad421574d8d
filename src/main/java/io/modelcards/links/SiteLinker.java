package io.modelcards.links;

import io.modelcards.diag.Diagnostics;
import io.modelcards.model.Site;

/** Links stage entry point: the parsed site → a site whose links are fixed up and resolved. */
public final class SiteLinker {
    public Site link(Site site, Diagnostics diagnostics) {
        return site;
    }
}
