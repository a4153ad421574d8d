package io.modelcards.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.build.BuildOptions;
import io.modelcards.build.BuildResult;
import io.modelcards.build.SiteBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A template's plan writes what Thymeleaf writes from it, byte for byte: for every page of the seed site, and for
 * small templates with every form a plan reads, given values that need escaping, nulls, empty and long lists. A
 * template with anything else has no plan, and a value outside the plan's rules leaves the page to Thymeleaf.
 */
class TemplatePlanTest {
    @TempDir
    Path dir;

    public record Item(String name, List<String> tags, int count, boolean flag, Item child, String nothing) {}

    private static final Item PLAIN = new Item("Atlas 7B", List.of("a", "b", "c"), 3, true, null, null);
    private static final Item MARKUP = new Item("<b>A & \"B\" 'C'</b> — é", List.of("<i>", "x & y"), 0, false,
            PLAIN, null);
    private static final Item EMPTY = new Item("", List.of(), -1, false, null, null);

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title th:text="${item.name()}">Title</title>
            <meta name="description" th:content="${'about ' + item.name()}"></head>
            <body th:attr="data-count=${item.count()},data-flag=${item.flag()}">
            <!-- kept as written --><!--/* not in the output */-->
            <div id="top" class="box  wide" th:classappend="${item.flag() ? 'on' : 'off'}" th:attr="aria-label=${item.name() + '!'}">
              <h1 th:id="${'h-' + item.count()}" th:text="${item.name()}">Name</h1>
              <p th:utext="${item.name()}">raw</p>
              <a class="x" th:href="${'#n' + item.count()}" title='single' th:text="${item.count()}">0</a>
              <br th:if="${item.flag()}">
              <input th:unless="${item.flag()}" type="text" disabled>
              <img src="a.png" alt=""/>
            </div>
            <ul>
              <li th:each="t : ${item.tags()}" th:text="${t}">tag</li>
            </ul>
            <ol><li th:each="t : ${item.tags()}"><span th:text="${t}">tag</span></li></ol>
            <select name="s"><option value="">any</option><option th:each="t : ${item.tags()}" th:value="${t}" th:text="${t}">o</option></select>
            <select>
              <option th:each="t : ${item.tags()}" th:value="${t + '-v'}" th:text="${t}">o</option>
            </select>
            <p>
              <span th:each="t : ${item.tags()}" th:text="${t}">tag</span>
            </p>
            <section>
              <th:block th:each="t : ${item.tags()}"><b th:text="${t}"></b>,</th:block>
              <tr th:each="t : ${item.tags()}"><td th:text="${t}"></td></tr>
              <th:block th:each="t, s : ${item.tags()}"><th:block th:if="${!s.first}">, </th:block><b th:text="${t}"></b><i th:if="${s.last}" th:text="${s.count + ' of ' + s.index}"></i></th:block>
            </section>
            <th:block th:if="${item.child() == null}">no child</th:block><th:block th:unless="${item.child() == null}">child: <em th:text="${item.child().name()}">c</em></th:block>
            <p th:if="${!item.tags().isEmpty()}" th:text="${item.tags().size() + ' tags'}">n tags</p>
            <p th:text="${item.nothing()}">gone</p>
            <script th:src="${'js/' + item.count() + '.js'}" defer></script>
            <script type="application/json" th:utext="${item.name()}"></script>
            <style>p > b { color: red }</style>
            </body>
            </html>
            """;

    private static final String LAYOUT = """
            <!DOCTYPE html>
            <html lang="en" th:fragment="layout(content, title)">
            <head><title th:text="${title}">T</title></head>
            <body>
            <header th:replace="~{parts/header :: header}"></header>
            <main><th:block th:insert="${content}"></th:block></main>
            </body>
            </html>
            """;

    private static final String HEADER = """
            <header class="site" th:fragment="header">
              <a th:href="${'home/' + item.count()}" th:text="${item.name()}">Home</a>
            </header>
            <footer th:fragment="footer"><p>never used</p></footer>
            """;

    private static final String WITH_LAYOUT = """
            <!DOCTYPE html>
            <html lang="en" th:replace="~{layout :: layout(~{::#content}, ${item.name()})}">
            <body>
            <div id="content">
              <article th:each="t : ${item.tags()}"><h2 th:text="${t}">t</h2>
              <div th:replace="~{parts/box :: box(${t}, ${item.count()})}"></div></article>
            </div>
            </body>
            </html>
            """;

    private static final String BOX = """
            <div class="box" th:fragment="box(label, n)" th:attr="data-n=${n}"><span th:text="${label}">l</span></div>
            """;

    @Test
    void writesWhatThymeleafWrites() throws IOException {
        Map<String, String> templates = Map.of("pages/page", PAGE, "layout", LAYOUT, "parts/header", HEADER,
                "pages/with-layout", WITH_LAYOUT, "parts/box", BOX);
        write(templates);
        TemplateEngine engine = TemplateEngineFactory.create(dir);
        TemplatePlan.Sources sources = TemplateEngineFactory.sources(dir);
        for (String template : List.of("pages/page", "pages/with-layout")) {
            TemplatePlan plan = TemplatePlan.of(template, sources);
            assertNotNull(plan, template);
            for (Item item : List.of(PLAIN, MARKUP)) {
                String thymeleaf = thymeleaf(engine, template, Map.of("item", item));
                assertEquals(thymeleaf, planned(plan, Map.of("item", item)), template + " with " + item.name());
            }
        }
    }

    @Test
    void leavesToThymeleafWhatItDoesNotRead() throws IOException {
        Map<String, String> unread = new LinkedHashMap<>();
        unread.put("status", "<ul><li th:each=\"t, s : ${item.tags()}\" th:text=\"${s.size}\"></li></ul>");
        unread.put("with", "<p th:with=\"n=${item.name()}\" th:text=\"${n}\"></p>");
        unread.put("inlined", "<p>[[${item.name()}]]</p>");
        unread.put("literal", "<p th:text=\"|name: ${item.name()}|\"></p>");
        unread.put("two", "<p th:text=\"${item.name()} + ${item.name()}\"></p>");
        unread.put("property", "<p th:text=\"${item.name}\"></p>");
        unread.put("unclosed", "<div><p th:text=\"${item.name()}\"></div>");
        unread.put("prototype", "<!--/*/ <p th:text=\"${item.name()}\"></p> /*/-->");
        unread.put("reference", "<a th:href=\"${item.name()}\" title=\"a &amp; b\"></a>");
        unread.put("twice", "<a href=\"x\" th:href=\"${item.name()}\"></a>");
        unread.put("missing", "<div th:replace=\"~{nowhere :: part}\"></div>");
        unread.put("self", "<div th:fragment=\"me\"><div th:replace=\"~{self :: me}\"></div></div>");
        write(unread);
        TemplatePlan.Sources sources = TemplateEngineFactory.sources(dir);
        for (String template : unread.keySet()) assertNull(TemplatePlan.of(template, sources), template);
    }

    @Test
    void leavesToThymeleafAPageWithAValueOutsideItsRules() throws IOException {
        write(Map.of("t", "<a th:href=\"${item.nothing()}\">x</a><p th:if=\"${item.name()}\">y</p>",
                "u", "<p th:if=\"${item.name()}\">y</p>", "v", "<p th:text=\"${item.child()}\">y</p>",
                "w", "<a th:href=\"${item.name()}\">x</a>", "o", "<p th:text=\"${item.name().toUpperCase()}\"></p>"));
        TemplatePlan.Sources sources = TemplateEngineFactory.sources(dir);
        Map<String, Object> vars = Map.of("item", PLAIN);
        assertFalse(TemplatePlan.of("t", sources).write(vars, new Utf8Writer(16)), "a null href");
        assertFalse(TemplatePlan.of("u", sources).write(vars, new Utf8Writer(16)), "a condition that is a string");
        assertFalse(TemplatePlan.of("v", sources).write(Map.of("item", MARKUP), new Utf8Writer(16)), "a record as text");
        assertFalse(TemplatePlan.of("w", sources).write(Map.of("item", EMPTY), new Utf8Writer(16)), "an empty href");
        assertTrue(TemplatePlan.of("w", sources).write(vars, new Utf8Writer(16)));
        assertFalse(TemplatePlan.of("o", sources).write(vars, new Utf8Writer(16)), "a method OGNL calls");
    }

    @Test
    void theBundledModelAndCataloguePagesHavePlans() {
        TemplatePlan.Sources bundled = TemplateEngineFactory.sources(null);
        for (String page : List.of("model", "benchmark", "benchmarks", "dataset", "datasets", "index", "compare", "search", "404")) {
            assertNotNull(TemplatePlan.of("pages/" + page, bundled), page);
        }
    }

    @Test
    void theSeedSiteIsTheSameWrittenByPlansAndByThymeleaf() {
        Map<String, byte[]> planned = seedFiles(null);
        Map<String, byte[]> thymeleaf = seedFiles("false");
        assertEquals(thymeleaf.keySet(), planned.keySet());
        List<String> differ = new ArrayList<>();
        thymeleaf.forEach((path, bytes) -> {
            if (!Arrays.equals(bytes, planned.get(path))) differ.add(path);
        });
        assertEquals(List.of(), differ);
        assertTrue(thymeleaf.keySet().stream().filter(p -> p.startsWith("models/") && p.endsWith(".html")).count() >= 6);
    }

    private static Map<String, byte[]> seedFiles(String plans) {
        String before = System.getProperty("modelcards.templatePlans");
        if (plans == null) System.clearProperty("modelcards.templatePlans");
        else System.setProperty("modelcards.templatePlans", plans);
        try {
            BuildResult result = new SiteBuilder().render(BuildOptions.defaults().withContent(Path.of("content")));
            assertTrue(result.ok());
            Map<String, byte[]> files = new HashMap<>();
            for (OutputFile f : result.files()) files.put(f.path(), f.bytes());
            return files;
        } finally {
            if (before == null) System.clearProperty("modelcards.templatePlans");
            else System.setProperty("modelcards.templatePlans", before);
        }
    }

    private void write(Map<String, String> templates) throws IOException {
        for (Map.Entry<String, String> t : templates.entrySet()) {
            Path file = dir.resolve(t.getKey() + ".html");
            Files.createDirectories(file.getParent());
            Files.writeString(file, t.getValue(), StandardCharsets.UTF_8);
        }
    }

    private static String thymeleaf(TemplateEngine engine, String template, Map<String, Object> vars) {
        Context ctx = new Context(Locale.ROOT);
        vars.forEach(ctx::setVariable);
        return engine.process(template, ctx);
    }

    private static String planned(TemplatePlan plan, Map<String, Object> vars) {
        Utf8Writer out = new Utf8Writer(64);
        assertTrue(plan.write(vars, out), () -> "left to Thymeleaf; written so far: " + new String(out.toBytes(),
                StandardCharsets.UTF_8));
        return new String(out.toBytes(), StandardCharsets.UTF_8);
    }
}
