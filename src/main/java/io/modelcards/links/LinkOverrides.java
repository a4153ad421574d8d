package io.modelcards.links;

import io.modelcards.model.Curated;
import io.modelcards.model.Link;
import java.util.List;

/** The curated decisions about links: force a link to another href, or forbid any automatic fix of it. */
final class LinkOverrides {
    private final List<Curated.LinkOverride> overrides;

    LinkOverrides(List<Curated.LinkOverride> overrides) {
        this.overrides = List.copyOf(overrides);
    }

    boolean forbids(Link link) {
        for (Curated.LinkOverride o : overrides) if (!o.isForce() && matches(o, link)) return true;
        return false;
    }

    /** The forced replacement of a link, or null. */
    Link forced(Link link) {
        for (Curated.LinkOverride o : overrides) {
            if (o.isForce() && matches(o, link) && !o.to().equals(link.href())) {
                String why = (o.why().isEmpty() ? "forced" : o.why()) + " (curated at " + o.origin() + ")";
                return link.withFix(o.to(), why);
            }
        }
        return null;
    }

    private static boolean matches(Curated.LinkOverride o, Link link) {
        return o.href().equals(link.originalHref()) && (o.line() <= 0 || o.line() == link.origin().line());
    }
}
