package io.modelcards.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The parts of the preview server that need no network. */
class PreviewServerTest {
    @Test
    void injectsTheScriptBeforeTheLastBodyEndTag() {
        String html = "<html><body><p>&lt;/body&gt;</p>\n</BODY></html>";
        assertEquals("<html><body><p>&lt;/body&gt;</p>\n" + PreviewServer.SCRIPT_TAG + "\n</BODY></html>", inject(html));
    }

    @Test
    void appendsTheScriptWhenThereIsNoBodyEndTag() {
        assertEquals("<p>x" + PreviewServer.SCRIPT_TAG + "\n", inject("<p>x"));
    }

    @Test
    void contentTypesFollowTheExtension() {
        assertEquals("text/html; charset=utf-8", ContentTypes.of("models/a/index.html"));
        assertEquals("text/css; charset=utf-8", ContentTypes.of("css/site.css"));
        assertEquals("text/javascript; charset=utf-8", ContentTypes.of("search-index.js"));
        assertEquals("image/svg+xml", ContentTypes.of("img/favicon.svg"));
        assertEquals("application/octet-stream", ContentTypes.of(".nojekyll"));
        assertEquals("application/octet-stream", ContentTypes.of("a.d/README"));
    }

    @Test
    void errorsJsonEscapesWhatCouldBreakIt() {
        assertEquals("\"a\\\"b\\\\c\\n\\u003c/script>\\u0001\"", ErrorsJson.quote("a\"b\\c\n</script>\u0001"));
    }

    private static String inject(String html) {
        return new String(PreviewServer.inject(html.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }
}
