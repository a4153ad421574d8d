package io.modelcards.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.TestContent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Every page the CLI generates passes the Nu HTML Checker (nu.validator, in-process) with zero errors: the
 * seed site, the small golden content (code blocks, lists, inline HTML, a site without base URL) and the spans
 * golden content and three real span tables (rowspan and colspan).
 */
class HtmlValidityTest {
    @TempDir
    static Path tmp;
    private static final Errors ERRORS = new Errors();
    private static SimpleDocumentValidator validator;

    @BeforeAll
    static void setUpValidator() throws Exception {
        // one validator for all pages: building the schema takes about a second, a page about 10 ms
        validator = new SimpleDocumentValidator(true, false, false);
        validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", ERRORS);
        validator.setUpValidatorAndParsers(ERRORS, false, false);
    }

    @TestFactory
    Stream<DynamicTest> everySeedPageIsValidHtml() {
        return pagesOf(build(TestContent.SEED, "seed"));
    }

    @TestFactory
    Stream<DynamicTest> everyPageOfTheSmallGoldenSiteIsValidHtml() {
        return pagesOf(build(TestContent.PROJECT.resolve("src/test/resources/golden/small/content"), "small"));
    }

    @TestFactory
    Stream<DynamicTest> everyPageOfTheSpansGoldenSiteIsValidHtml() {
        // rowspan/colspan as written, header of two rows: the HTML table model must hold
        return pagesOf(build(TestContent.PROJECT.resolve("src/test/resources/golden/spans/content"), "spans"));
    }

    @TestFactory
    Stream<DynamicTest> everyPageOfTheRealSpanTablesIsValidHtml() {
        return pagesOf(build(TestContent.PROJECT.resolve("src/test/resources/spans/content"), "real-spans"));
    }

    @TestFactory
    Stream<DynamicTest> theCataloguePagesWithPagerTagsAndFiltersAreValidHtml() throws IOException {
        Path content = tmp.resolve("paged-content");
        for (int i = 0; i < 110; i++) {
            Path dir = content.resolve("org-" + i % 3).resolve("m-" + i);
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("README.md"), "---\nlicense: " + (i % 2 == 0 ? "mit" : "apache-2.0")
                    + "\npipeline_tag: fill-mask\n---\n# M-" + i + " 7B\n\nA card & <b>bold</b> summary.\n");
        }
        Path site = build(content, "paged");
        assertTrue(Files.isRegularFile(site.resolve("page/2/index.html")));
        return Stream.of("index.html", "page/2/index.html").map(page -> DynamicTest.dynamicTest(page, () -> {
            List<String> errors = validate(site.resolve(page));
            assertTrue(errors.isEmpty(), errors.size() + " HTML errors:\n" + String.join("\n", errors));
        }));
    }

    @Test
    void theCheckerReportsInvalidMarkup() throws Exception {
        Path bad = tmp.resolve("bad.html");
        Files.writeString(bad, "<!DOCTYPE html><html lang=en><title>x</title><p><img src=a.png></div>");
        assertEquals(2, validate(bad).size(), "missing alt and a stray end tag: " + validate(bad));
    }

    private static Path build(Path content, String name) {
        Path out = tmp.resolve(name);
        CliRun run = CliRun.of("build", "--content", content.toString(), "--out", out.toString(),
                "--report", tmp.resolve(name + "-report.json").toString());
        assertEquals(0, run.exit(), run.err());
        return out;
    }

    private static Stream<DynamicTest> pagesOf(Path site) {
        List<Path> pages;
        try (Stream<Path> files = Files.walk(site)) {
            pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertTrue(pages.size() >= 4, "pages: " + pages);
        return pages.stream().map(page -> DynamicTest.dynamicTest(site.relativize(page).toString(), () -> {
            List<String> errors = validate(page);
            assertTrue(errors.isEmpty(), errors.size() + " HTML errors:\n" + String.join("\n", errors));
        }));
    }

    private static synchronized List<String> validate(Path page) throws Exception {
        ERRORS.found.clear();
        validator.checkHtmlFile(page.toFile(), true);
        return List.copyOf(ERRORS.found);
    }

    /** Collects errors as "line:column: message"; warnings (e.g. CSP checks against file: URLs) are ignored. */
    private static final class Errors implements ErrorHandler {
        final List<String> found = new ArrayList<>();

        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) {
            found.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
        }

        @Override
        public void fatalError(SAXParseException e) {
            error(e);
        }
    }
}
