package io.modelcards.model;

import io.modelcards.diag.SourcePosition;
import java.util.Objects;

/**
 * A link as written in the content. {@code originalHref} is set (and differs from {@code href}) when the
 * links stage corrected it; {@code note} says why.
 */
public record Link(String text, String href, SourcePosition origin, String originalHref, String note) {
    public Link {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(href, "href");
        Objects.requireNonNull(origin, "origin");
        originalHref = originalHref == null ? href : originalHref;
        note = note == null ? "" : note;
    }

    public static Link of(String text, String href, SourcePosition origin) {
        return new Link(text, href, origin, href, "");
    }

    public boolean isFixed() {
        return !href.equals(originalHref);
    }

    public boolean isExternal() {
        return href.startsWith("http://") || href.startsWith("https://") || href.startsWith("//")
                || href.startsWith("mailto:");
    }

    public Link withFix(String newHref, String why) {
        return new Link(text, newHref, origin, originalHref, why);
    }
}
