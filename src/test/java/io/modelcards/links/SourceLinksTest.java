package io.modelcards.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.modelcards.diag.Diagnostics;
import io.modelcards.diag.SourcePosition;
import io.modelcards.model.FrontMatter;
import io.modelcards.model.Model;
import io.modelcards.model.SiteConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rewrite rules of links written for a card's repository, one href at a time. */
class SourceLinksTest {
    private static final SourcePosition AT = SourcePosition.of("content/acme/nova-3b/README.md", 7);

    private static Model card(String id, Map<String, String> frontMatter) {
        FrontMatter fm = new FrontMatter("", List.of(), List.of(), List.of(), "", frontMatter);
        return new Model("acme-nova-3b", "Nova 3B", "Nova 3B", AT, "", fm, List.of(), List.of(), List.of(),
                List.of(), id);
    }

    private static String rewrite(String pattern, String id, Map<String, String> frontMatter, String href,
                                  boolean image) {
        SiteConfig config = new SiteConfig("t", "", "", "", "", null, pattern);
        SourceLinks.Rewrite r = new SourceLinks(config, card(id, frontMatter), java.util.Map.of(), new Diagnostics()).rewrite(href, image, AT);
        return r == null ? null : r.to();
    }

    @ParameterizedTest(name = "{1} → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            https://huggingface.co/{id}/blob/main/{path} | LICENSE                  | false | https://huggingface.co/acme/nova-3b/blob/main/LICENSE
            https://huggingface.co/{id}/blob/main/{path} | ./eval/../x.txt?raw=1#L2 | false | https://huggingface.co/acme/nova-3b/blob/main/x.txt?raw=1#L2
            https://huggingface.co/{id}/blob/main/{path} | assets/plot.png          | true  | https://huggingface.co/acme/nova-3b/resolve/main/assets/plot.png
            https://github.com/{id}/blob/main/{path}     | assets/plot.png          | true  | https://github.com/acme/nova-3b/raw/main/assets/plot.png
            https://git.example.org/{id}/blob/main/{path}| assets/plot.png          | true  | https://git.example.org/acme/nova-3b/blob/main/assets/plot.png
            https://huggingface.co/{id}/tree/main        | config/                  | false | https://huggingface.co/acme/nova-3b/tree/main/config/
            https://huggingface.co/{id}/blob/main/{path} | /acme/other/blob/main/x  | false | https://huggingface.co/acme/other/blob/main/x
            https://huggingface.co/{id}/blob/main/{path} | ../outside.txt           | false | null
            https://huggingface.co/{id}/blob/main/{path} | www.example.com          | false | null
            https://huggingface.co/{id}/blob/main/{path} | ../other-model/index.html| false | null
            https://huggingface.co/{id}/blob/main/{path} | #training                | false | null
            ''                                           | LICENSE                  | false | null
            """, nullValues = "null")
    void rewrites(String pattern, String href, boolean image, String expected) {
        assertEquals(expected, rewrite(pattern, "acme/nova-3b", Map.of(), href, image));
    }

    @ParameterizedTest(name = "id \"{0}\"")
    @CsvSource({"Nova 3B", "a/b/c", "''"})
    void aPatternWithIdNeedsAHubId(String id) {
        assertNull(rewrite("https://huggingface.co/{id}/blob/main/{path}", id, Map.of(), "LICENSE", false));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"https://github.com/acme/nova/blob/v1/{path}", "https://github.com/acme/nova/blob/v1/",
            "https://github.com/acme/nova/blob/v1"})
    void theFrontMatterSourceWinsWithOrWithoutPath(String own) {
        assertEquals("https://github.com/acme/nova/blob/v1/LICENSE", rewrite(
                "https://huggingface.co/{id}/blob/main/{path}", "Nova 3B", Map.of("source_url", own), "LICENSE", false));
    }
}
