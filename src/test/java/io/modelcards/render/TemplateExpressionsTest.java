package io.modelcards.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * {@link TemplateExpressions} gives what Thymeleaf's OGNL gives: the same expression, in the same context, rendered
 * by an engine with each evaluator, gives the same text or an error in both; and the templates' own expressions are
 * nearly all evaluated without OGNL (else the class would be of no use).
 */
class TemplateExpressionsTest {
    public record Item(String name, List<String> tags, int count, boolean flag, Item child, String empty) {
        public String greet(String who) {
            return "hi " + who;
        }

        public String getLabel() {
            return "label of " + name;
        }

        public Object nothing() {
            return null;
        }

        public long big() {
            return 5_000_000_000L;
        }

        public java.math.BigDecimal decimal() {
            return new java.math.BigDecimal("1.50");
        }

        public String fails() {
            throw new IllegalStateException("no");
        }
    }

    /** Not public, as many of the views are. */
    record Hidden(String name, List<Integer> values) {}

    private static final List<String> EXPRESSIONS = List.of(
            "item.name()", "item.tags()", "item.tags().isEmpty()", "!item.tags().isEmpty()", "item.tags().size()",
            "item.tags().size() > 2", "item.tags().size() >= 2", "item.tags().size() < 2", "item.tags().size() <= 1",
            "item.count() == 3", "item.count() != 3", "item.count() == item.tags().size()", "item.flag()", "!item.flag()",
            "!!item.flag()", "item.child().name()", "item.child().child()", "item.child().child() == null",
            "item.child().child() != null", "null == item.child()", "item.child().child().name()", "missing",
            "missing == null", "missing.name()", "item.name() + '-title'", "'#' + item.name()", "'a' + 'bc'",
            "item.count() + ' models'", "item.count() + item.count()", "item.count() + 1", "'n: ' + item.count() + 1",
            "(item.count() == 1 ? ' model' : ' models')", "item.count() + (item.count() == 1 ? ' model' : ' models')",
            "item.flag() ? 'yes' : 'no'", "item.flag() and item.count() > 1", "item.flag() and !item.flag()",
            "!item.flag() or item.count() > 1", "item.flag() && item.count() > 1", "!item.flag() || false",
            "item.name() and item.flag()", "item.count() ? 'a' : 'b'", "'(' + item.tags() + ')'",
            "item.nothing() + 'x'", "'x' + item.nothing()", "item.big() + ' bytes'", "item.decimal() + ' %'",
            "item.empty().isEmpty()", "'x'", "''", "1", "12", "007", "true", "false", "null", "item.name", "item.label",
            "item.greet('you')", "item.fails()", "#strings.toUpperCase(item.name())", "item.name().toUpperCase()",
            "item.name().length()", "item.getClass()", "item.tags().get(0)", "hidden.name()", "hidden.values().size()",
            "!hidden.values().isEmpty() and hidden.name() != null", "page", "(item.name())", "( item.count()>2 )",
            "item.count()>=3", "item .name()", "item.count() === 3", "item.count() = 3", "item.name() + ' ' + item.flag()",
            "s.first", "!s.first", "item.name() + \"x\"", "'it\\'s'", "item.count() - 1", "item.count() * 2");

    @Test
    void everyExpressionGivesWhatOgnlGives() {
        TemplateEngine ognl = engine(false);
        TemplateEngine here = engine(true);
        for (String e : EXPRESSIONS) {
            for (String attr : List.of("th:text", "th:utext", "th:href", "th:if", "th:attr=\"data-x=")) {
                String template = attr.endsWith("=")
                        ? "<p " + attr + "${" + e + "}\">x</p>"
                        : "<p " + attr + "=\"${" + e.replace("\"", "&quot;") + "}\">x</p>";
                template = "<div th:each=\"s : ${item.tags()}\">" + template + "</div>";
                assertEquals(render(ognl, template), render(here, template), template);
            }
        }
    }

    @Test
    void anIterationsStatusGivesWhatOgnlGives() {
        TemplateEngine ognl = engine(false);
        TemplateEngine here = engine(true);
        for (String e : List.of("s.index", "s.count", "s.first", "s.last", "!s.first", "s.first and s.last",
                "!s.first or s.last", "s.count + ' of 3'", "'#' + s.index", "s.index == 1", "s.count > 2", "s.size",
                "s.even", "s.current", "s.first()", "t.first", "sStat.first")) {
            for (String list : List.of("item.tags()", "item.child().tags()")) {
                String template = "<ul><li th:each=\"t, s : ${" + list + "}\" th:text=\"${" + e + "}\">x</li></ul>"
                        + "<p th:each=\"t, s : ${" + list + "}\" th:if=\"${" + e + "}\">shown</p>";
                assertEquals(render(ognl, template), render(here, template), template);
            }
        }
        assertTrue(TemplateExpressions.evaluatesItself("!s.first"));
        assertTrue(TemplateExpressions.evaluatesItself("s.last"));
    }

    @Test
    void theTemplatesExpressionsAreEvaluatedWithoutOgnl() throws IOException {
        Pattern expression = Pattern.compile("\\$\\{([^}]*)}");
        TreeSet<String> all = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = expression.matcher(Files.readString(f));
                while (m.find()) all.add(m.group(1).replace("&quot;", "\""));
            }
        }
        List<String> toOgnl = new ArrayList<>();
        for (String e : all) if (!TemplateExpressions.evaluatesItself(e)) toOgnl.add(e);
        assertTrue(all.size() > 150, "the templates' expressions: " + all.size());
        // the expression objects (#…) stay OGNL's
        assertTrue(toOgnl.size() <= 1, "left to OGNL: " + toOgnl);
    }

    private static String render(TemplateEngine engine, String template) {
        Context context = new Context();
        context.setVariable("item", new Item("Llama", List.of("a", "b", "c"), 3, true,
                new Item("Child", List.of(), 1, false, null, ""), ""));
        context.setVariable("hidden", new Hidden("hid", List.of(1, 2)));
        context.setVariable("page", Map.of("k", "v"));
        try {
            return engine.process(template, context);
        } catch (RuntimeException e) {
            return "error: " + e; // both fail, with OGNL's message
        }
    }

    private static TemplateEngine engine(boolean fast) {
        TemplateEngine engine = new TemplateEngine();
        if (fast) {
            StandardDialect dialect = new StandardDialect();
            dialect.setVariableExpressionEvaluator(new TemplateExpressions());
            engine.setDialect(dialect);
        }
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
