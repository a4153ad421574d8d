package io.modelcards.render;

import io.modelcards.render.TemplateMarkup.Attr;
import io.modelcards.render.TemplateMarkup.Element;
import io.modelcards.render.TemplateMarkup.Part;
import io.modelcards.render.TemplateMarkup.Text;
import io.modelcards.render.TemplateMarkup.Unsupported;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.expression.IExpressionObjects;
import org.unbescape.html.HtmlEscape;

/**
 * Render stage: a template read once into a plan that writes a page straight from its variables, the page Thymeleaf
 * writes from the same template. Thymeleaf handles each element of each page through its chain of processors (a
 * tenth of a clean build of 10,000 cards, most of it the model pages' layout); a plan walks a tree made once.
 *
 * <p>A plan reads only the part of Thymeleaf's standard dialect the bundled templates are written in, and it reads it
 * as Thymeleaf does: {@code th:text}, {@code th:utext}, {@code th:if}, {@code th:unless}, {@code th:each} (its status
 * variable's {@code index}, {@code count}, {@code first} and {@code last}), {@code th:href}, {@code th:src}, {@code th:id}, {@code th:class}, {@code th:content}, {@code
 * th:action}, {@code th:value}, {@code th:attr}, {@code th:classappend}, {@code th:block}, {@code th:fragment}, {@code th:replace} of
 * a named fragment or an id with arguments, and {@code th:insert} of a fragment passed in; each value one {@code
 * ${…}} that {@link TemplateExpressions} evaluates itself. A template with anything else (a theme's override may
 * use all of Thymeleaf) has no plan ({@link #of} gives null), and a page for which a value is outside these rules
 * (a condition that is not a boolean, an attribute's value null or empty, where Thymeleaf's rules differ by
 * attribute) is left to Thymeleaf ({@link #write} gives false): the page is then Thymeleaf's, byte for byte.
 * {@code TemplatePlanTest} renders every page of the seed both ways and compares them.
 */
final class TemplatePlan {
    /** A template's text by its name ({@code pages/model}), or null when there is no such template. */
    interface Sources {
        String text(String template);
    }

    /**
     * The elements before whose second and later items {@code th:each} writes again the spaces before the first
     * (Thymeleaf's ProcessorTemplateHandler: block elements, so that the markup reads as one item a line).
     */
    private static final Set<String> SPACED = Set.of("address", "article", "aside", "audio", "blockquote", "canvas",
            "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
            "h6", "header", "hgroup", "hr", "li", "main", "nav", "noscript", "ol", "option", "output", "p", "pre",
            "section", "table", "tbody", "td", "tfoot", "th", "tr", "ul", "video");

    /** Whitespace as Thymeleaf's Text.isWhitespace reads it (and not empty). */
    private static boolean isWhitespace(String text) {
        if (text.isEmpty()) return false;
        for (int k = 0; k < text.length(); k++) if (!Character.isWhitespace(text.charAt(k))) return false;
        return true;
    }

    private static final Set<String> MODIFIED = Set.of("href", "src", "id", "class", "content", "action", "value");
    private static final Pattern EACH = Pattern.compile(
            "\\s*([A-Za-z_]\\w*)\\s*(?:,\\s*([A-Za-z_]\\w*)\\s*)?:\\s*\\$\\{(.*)}\\s*", Pattern.DOTALL);
    private static final Pattern EXPRESSION = Pattern.compile("\\s*\\$\\{(.*)}\\s*", Pattern.DOTALL);
    private static final Pattern FRAGMENT = Pattern.compile("\\s*~\\{(.*)}\\s*", Pattern.DOTALL);
    private static final Pattern SELECTOR = Pattern.compile("\\s*(#?[A-Za-z_][\\w-]*)\\s*(?:\\((.*)\\))?\\s*", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z][\\w-]*");
    private static final Pattern PARAMETER = Pattern.compile("[A-Za-z_]\\w*");
    /** How deep fragments may call fragments (a template that calls itself has no plan). */
    private static final int DEPTH = 16;

    private final Node root;

    private TemplatePlan(Node root) {
        this.root = root;
    }

    /** The plan of {@code template}, or null when Thymeleaf must render it. */
    static TemplatePlan of(String template, Sources sources) {
        try {
            Planner planner = new Planner(sources);
            return new TemplatePlan(planner.parts(template, planner.tree(template), 0));
        } catch (Unsupported e) {
            return null;
        }
    }

    /**
     * Writes the page of {@code variables} to {@code out}; false when a value is outside the plan's rules, and then
     * what was written is to be thrown away.
     */
    boolean write(Map<String, Object> variables, Writer out) {
        try {
            return root.write(new Scope(variables), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            return false; // Thymeleaf's error, then, and its message
        }
    }

    // ---- the plan: a tree of nodes, each writing its part or saying it cannot ----

    private interface Node {
        boolean write(Scope scope, Writer out) throws IOException;
    }

    private record Fixed(String text) implements Node {
        public boolean write(Scope scope, Writer out) throws IOException {
            out.write(text);
            return true;
        }
    }

    private record Sequence(Node[] nodes) implements Node {
        public boolean write(Scope scope, Writer out) throws IOException {
            for (Node n : nodes) if (!n.write(scope, out)) return false;
            return true;
        }
    }

    /** An expression between {@code ${…}}. */
    private record Expression(TemplateExpressions.Compiled compiled) {
        static Expression of(String attributeValue) {
            Matcher m = EXPRESSION.matcher(attributeValue);
            if (!m.matches()) throw new Unsupported("not one ${…}: " + attributeValue);
            return inner(m.group(1));
        }

        static Expression inner(String text) {
            if (text.contains("${") || text.contains("}")) throw new Unsupported("more than one ${…}: " + text);
            TemplateExpressions.Compiled c = TemplateExpressions.compiled(text);
            if (c == null) throw new Unsupported("an expression for OGNL: " + text);
            return new Expression(c);
        }

        Object value(Scope scope) {
            return compiled.value(scope);
        }
    }

    private static final Object OUTSIDE = TemplateExpressions.NOT_EVALUATED;

    /** A value written as text, as Thymeleaf writes it; {@link #OUTSIDE} for a value whose text it may write otherwise. */
    private static Object text(Object v) {
        if (v == null) return "";
        if (v instanceof String) return v;
        if (v instanceof Integer || v instanceof Long || v instanceof Boolean || v instanceof Character) return v.toString();
        return OUTSIDE;
    }

    /** An attribute's value as text, or {@link #OUTSIDE} (null and empty too: Thymeleaf's rules for them differ). */
    private static Object attributeText(Object v) {
        Object t = text(v);
        return v == null || "".equals(t) ? OUTSIDE : t;
    }

    /** {@code th:href} and the like, and each assignment of {@code th:attr}: {@code space name="value"}. */
    private record SetAttr(String space, String name, Expression value) implements Node {
        public boolean write(Scope scope, Writer out) throws IOException {
            Object t = attributeText(value.value(scope));
            if (t == OUTSIDE) return false;
            out.write(space);
            out.write(name);
            out.write("=\"");
            out.write(HtmlEscape.escapeHtml4Xml((String) t));
            out.write('"');
            return true;
        }
    }

    /** A {@code class} attribute with a {@code th:classappend}. */
    private record AppendedClass(String space, String name, String quote, String value, Expression appended)
            implements Node {
        public boolean write(Scope scope, Writer out) throws IOException {
            Object t = text(appended.value(scope)); // OUTSIDE stays OUTSIDE
            if (t == OUTSIDE) return false;
            String more = (String) t;
            String all = more.isEmpty() ? value : value.isEmpty() ? more : value + " " + more;
            out.write(space);
            out.write(name);
            out.write('=');
            out.write(quote);
            out.write(HtmlEscape.escapeHtml4Xml(all));
            out.write(quote);
            return true;
        }
    }

    /** An element, or a {@code th:block} (no tags), with what its {@code th:} attributes do. */
    private static final class Tag implements Node {
        String name;            // null: a th:block
        Node[] attrs = {};      // in place, then th:attr's at the end
        String end = ">";
        String close;           // null: none (a th:block, a void element)
        String eachVar;
        /** The iteration's status variable, or null (Thymeleaf's default name, {@code xStat}, is not set). */
        String statusVar;
        Expression each;
        /** The spaces before an iterated element, which Thymeleaf writes again before each item after the first. */
        String spaceBefore = "";
        Expression condition;
        boolean unless;
        Expression text;
        boolean escaped;
        Node children;          // when no text

        public boolean write(Scope scope, Writer out) throws IOException {
            if (each == null) return once(scope, out);
            Object items = each.value(scope);
            if (!(items instanceof List<?> list)) return false; // an array, a map, null: Thymeleaf's
            int index = 0;
            for (Object item : list) {
                if (index > 0) out.write(spaceBefore);
                scope.push(eachVar, item);
                if (statusVar != null) scope.push(statusVar, new TemplateExpressions.Iteration(index, list.size()));
                boolean ok = once(scope, out);
                if (statusVar != null) scope.pop();
                scope.pop();
                if (!ok) return false;
                index++;
            }
            return true;
        }

        private boolean once(Scope scope, Writer out) throws IOException {
            if (condition != null) {
                Object v = condition.value(scope);
                if (v != null && !(v instanceof Boolean)) return false;
                boolean shown = Boolean.TRUE.equals(v) != unless;
                if (!shown) return true;
            }
            if (name != null) {
                // straight to the page: a page left to Thymeleaf halfway through is thrown away as a whole
                out.write('<');
                out.write(name);
                for (Node a : attrs) if (!a.write(scope, out)) return false;
                out.write(end);
            }
            if (text != null) {
                Object t = text(text.value(scope));
                if (t == OUTSIDE) return false;
                out.write(escaped ? HtmlEscape.escapeHtml4Xml((String) t) : (String) t);
            } else if (children != null && !children.write(scope, out)) {
                return false;
            }
            if (close != null) out.write(close);
            return true;
        }
    }

    /** A fragment passed to another as an argument ({@code ~{::#content}}), written where it is inserted. */
    private record Fragment(Node node) {}

    /** {@code th:insert} of a fragment passed in: what the host element holds. */
    private record Insert(Expression fragment) implements Node {
        public boolean write(Scope scope, Writer out) throws IOException {
            return fragment.value(scope) instanceof Fragment f && f.node().write(scope, out);
        }
    }

    /** {@code th:replace} of a fragment: its element, written with its parameters set. */
    private record Call(Node fragment, String[] params, Object[] args) implements Node {
        public boolean write(Scope scope, Writer out) throws IOException {
            Object[] values = new Object[args.length];
            for (int k = 0; k < args.length; k++) {
                Object v = args[k] instanceof Expression e ? e.value(scope) : args[k];
                if (v == OUTSIDE) return false;
                values[k] = v;
            }
            for (int k = 0; k < params.length; k++) scope.push(params[k], values[k]);
            boolean ok = fragment.write(scope, out);
            for (int k = 0; k < params.length; k++) scope.pop();
            return ok;
        }
    }

    // ---- reading templates into plans ----

    private static final class Planner {
        private final Sources sources;
        private final Map<String, List<Part>> trees = new HashMap<>();

        Planner(Sources sources) {
            this.sources = sources;
        }

        List<Part> tree(String template) {
            List<Part> tree = trees.get(template);
            if (tree == null) {
                String text = sources.text(template);
                if (text == null) throw new Unsupported("no template " + template);
                tree = TemplateMarkup.parse(text);
                trees.put(template, tree);
            }
            return tree;
        }

        Node parts(String template, List<Part> parts, int depth) {
            List<Node> nodes = new ArrayList<>(parts.size());
            StringBuilder fixed = new StringBuilder();
            Part before = null;
            Part beforeThat = null;
            for (Part p : parts) {
                Node n = part(template, p, depth);
                if (n instanceof Tag t && t.each != null && t.name != null
                        && SPACED.contains(t.name.toLowerCase(Locale.ROOT))
                        && before instanceof Text space && isWhitespace(space.raw())) {
                    // two texts in a row (a parser-level comment between them): which one Thymeleaf repeats is not
                    // clear, so Thymeleaf writes it
                    if (beforeThat instanceof Text) throw new Unsupported("an iterated element after a comment");
                    t.spaceBefore = space.raw();
                }
                beforeThat = before;
                before = p;
                if (n instanceof Fixed f) {
                    fixed.append(f.text());
                    continue;
                }
                if (fixed.length() > 0) {
                    nodes.add(new Fixed(fixed.toString()));
                    fixed.setLength(0);
                }
                nodes.add(n);
            }
            if (fixed.length() > 0) nodes.add(new Fixed(fixed.toString()));
            return nodes.size() == 1 ? nodes.get(0) : new Sequence(nodes.toArray(Node[]::new));
        }

        private Node part(String template, Part p, int depth) {
            if (p instanceof Text t) return new Fixed(t.raw());
            Element e = (Element) p;
            Attr replace = e.attr("th:replace");
            if (replace != null) {
                for (Attr a : e.attrs()) {
                    if (a != replace && isTh(a)) throw new Unsupported("th:replace with another th: attribute");
                }
                return call(template, replace.value(), depth);
            }
            return element(template, e, depth);
        }

        private static boolean isTh(Attr a) {
            return a.name().regionMatches(true, 0, "th:", 0, 3);
        }

        private Node element(String template, Element e, int depth) {
            Tag tag = new Tag();
            boolean block = e.name().equalsIgnoreCase("th:block");
            List<Node> attrs = new ArrayList<>();
            List<Node> appended = new ArrayList<>();
            Set<String> names = new HashSet<>();
            Attr classAppend = e.attr("th:classappend");
            Expression insert = null;
            for (Attr a : e.attrs()) {
                String n = a.name().toLowerCase(Locale.ROOT);
                if (!isTh(a)) {
                    if (!names.add(n)) throw new Unsupported("an attribute twice");
                    if (n.equals("class") && classAppend != null) {
                        if (a.value() == null) throw new Unsupported("a class without a value");
                        String quote = a.raw().endsWith("\"") ? "\"" : a.raw().endsWith("'") ? "'" : null;
                        if (quote == null) throw new Unsupported("a class without quotes");
                        attrs.add(new AppendedClass(a.space(), a.name(), quote, a.value(),
                                Expression.of(classAppend.value())));
                    } else {
                        attrs.add(new Fixed(a.space() + a.raw()));
                    }
                    continue;
                }
                if (a.value() == null) throw new Unsupported("a th: attribute without a value");
                String th = n.substring(3);
                switch (th) {
                    case "each" -> {
                        Matcher m = EACH.matcher(a.value());
                        if (!m.matches()) throw new Unsupported("th:each of " + a.value());
                        tag.eachVar = m.group(1);
                        tag.statusVar = m.group(2);
                        tag.each = Expression.inner(m.group(3));
                    }
                    case "if", "unless" -> {
                        if (tag.condition != null) throw new Unsupported("th:if with th:unless");
                        tag.condition = Expression.of(a.value());
                        tag.unless = th.equals("unless");
                    }
                    case "text", "utext" -> {
                        if (tag.text != null) throw new Unsupported("th:text with th:utext");
                        tag.text = Expression.of(a.value());
                        tag.escaped = th.equals("text");
                    }
                    case "attr" -> {
                        for (String[] set : assignments(a.value())) {
                            if (!names.add(set[0].toLowerCase(Locale.ROOT))) throw new Unsupported("th:attr sets an attribute twice");
                            appended.add(new SetAttr(" ", set[0], Expression.inner(set[1])));
                        }
                    }
                    case "classappend" -> {
                        if (e.attr("class") == null) throw new Unsupported("th:classappend without a class");
                    }
                    case "fragment" -> { } // the fragment's name: not in the output
                    case "insert" -> {
                        insert = Expression.of(a.value());
                    }
                    default -> {
                        if (!MODIFIED.contains(th)) throw new Unsupported("th:" + th);
                        // th:href beside href (before or after it), or beside th:attr="href=…"
                        if (e.attr(th) != null || !names.add(th)) throw new Unsupported("th:" + th + " beside " + th);
                        attrs.add(new SetAttr(a.space(), th, Expression.of(a.value())));
                    }
                }
            }
            if (insert != null && (tag.text != null || tag.each != null || tag.condition != null)) {
                throw new Unsupported("th:insert with other th: attributes");
            }
            attrs.addAll(appended);
            if (!block) {
                tag.name = e.name();
                tag.attrs = attrs.toArray(Node[]::new);
                tag.end = e.end();
                tag.close = e.close();
                if (tag.close == null && tag.text != null) throw new Unsupported("th:text on a void element");
            } else if (!attrs.isEmpty()) {
                throw new Unsupported("attributes on th:block");
            }
            if (insert != null) tag.children = new Insert(insert);
            else if (tag.text == null) tag.children = parts(template, e.children(), depth);
            if (tag.name == null && tag.each == null && tag.condition == null && tag.text == null) return tag.children;
            return tag;
        }

        /** {@code th:attr="a=${x},b=${y}"}: each name and expression. */
        private static List<String[]> assignments(String value) {
            List<String[]> out = new ArrayList<>();
            for (String one : splitArgs(value)) {
                int eq = one.indexOf('=');
                if (eq < 0) throw new Unsupported("th:attr without =");
                String name = one.substring(0, eq).trim();
                if (!ATTRIBUTE_NAME.matcher(name).matches()) throw new Unsupported("th:attr of a computed name");
                Matcher m = EXPRESSION.matcher(one.substring(eq + 1));
                if (!m.matches()) throw new Unsupported("th:attr not set to one ${…}");
                out.add(new String[] {name, m.group(1)});
            }
            return out;
        }

        /** {@code th:replace="~{template :: name(args)}"} or {@code ~{:: #id}}. */
        private Node call(String template, String value, int depth) {
            if (depth >= DEPTH) throw new Unsupported("fragments too deep");
            Matcher f = FRAGMENT.matcher(value);
            if (!f.matches()) throw new Unsupported("th:replace of " + value);
            int colons = f.group(1).indexOf("::");
            if (colons < 0) throw new Unsupported("a fragment expression " + value);
            String[] sides = {f.group(1).substring(0, colons), f.group(1).substring(colons + 2)};
            String target = sides[0].trim().isEmpty() ? template : sides[0].trim();
            Matcher s = SELECTOR.matcher(sides[1]);
            if (!s.matches()) throw new Unsupported("a fragment selector " + sides[1]);
            Element root = find(tree(target), s.group(1));
            if (root == null) throw new Unsupported("no fragment " + value);
            String[] params = params(root, s.group(1));
            List<Object> args = new ArrayList<>();
            if (s.group(2) != null && !s.group(2).isBlank()) {
                for (String arg : splitArgs(s.group(2))) {
                    if (FRAGMENT.matcher(arg).matches()) args.add(new Fragment(call(template, arg, depth + 1)));
                    else args.add(Expression.of(arg));
                }
            }
            if (args.size() != params.length) throw new Unsupported("arguments that do not match " + value);
            Node node = part(target, root, depth + 1);
            return params.length == 0 ? node : new Call(node, params, args.toArray());
        }

        /** The element {@code th:fragment} names {@code selector}, or ({@code #id}) that has the id. */
        private static Element find(List<Part> parts, String selector) {
            for (Part p : parts) {
                if (!(p instanceof Element e)) continue;
                if (selector.startsWith("#")) {
                    Attr id = e.attr("id");
                    if (id != null && selector.substring(1).equals(id.value())) return e;
                } else {
                    Attr frag = e.attr("th:fragment");
                    if (frag != null && frag.value() != null && fragmentName(frag.value()).equals(selector)) return e;
                }
                Element inner = find(e.children(), selector);
                if (inner != null) return inner;
            }
            return null;
        }

        private static String fragmentName(String declaration) {
            int paren = declaration.indexOf('(');
            return (paren < 0 ? declaration : declaration.substring(0, paren)).trim();
        }

        private static String[] params(Element root, String selector) {
            if (selector.startsWith("#")) return new String[0];
            String declaration = root.attr("th:fragment").value();
            int paren = declaration.indexOf('(');
            if (paren < 0) return new String[0];
            if (!declaration.endsWith(")")) throw new Unsupported("a fragment's parameters " + declaration);
            String inside = declaration.substring(paren + 1, declaration.length() - 1).trim();
            if (inside.isEmpty()) return new String[0];
            String[] names = inside.split(",");
            for (int k = 0; k < names.length; k++) {
                names[k] = names[k].trim();
                if (!PARAMETER.matcher(names[k]).matches()) throw new Unsupported("a fragment parameter " + names[k]);
            }
            return names;
        }

        /** A call's arguments (or th:attr's assignments), split at the commas outside braces, parentheses and quotes. */
        private static List<String> splitArgs(String args) {
            List<String> out = new ArrayList<>();
            int depth = 0;
            char quote = 0;
            int start = 0;
            for (int k = 0; k < args.length(); k++) {
                char c = args.charAt(k);
                if (quote != 0) {
                    if (c == quote) quote = 0;
                } else if (c == '\'') {
                    quote = c;
                } else if (c == '{' || c == '(') {
                    depth++;
                } else if (c == '}' || c == ')') {
                    depth--;
                } else if (c == ',' && depth == 0) {
                    out.add(args.substring(start, k));
                    start = k + 1;
                }
            }
            if (quote != 0 || depth != 0) throw new Unsupported("arguments unbalanced");
            out.add(args.substring(start));
            return out;
        }
    }

    // ---- the variables a page is written with ----

    /** The page's variables and, above them, the loop variables and fragment parameters in effect. */
    private static final class Scope implements IExpressionContext {
        private final Map<String, Object> globals;
        private String[] names = new String[8];
        private Object[] values = new Object[8];
        private int size;

        Scope(Map<String, Object> globals) {
            this.globals = globals;
        }

        void push(String name, Object value) {
            if (size == names.length) {
                names = java.util.Arrays.copyOf(names, size * 2);
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            names[size] = name;
            values[size++] = value;
        }

        void pop() {
            values[--size] = null;
        }

        @Override
        public Object getVariable(String name) {
            for (int k = size - 1; k >= 0; k--) if (names[k].equals(name)) return values[k];
            return globals.get(name);
        }

        @Override
        public boolean containsVariable(String name) {
            for (int k = size - 1; k >= 0; k--) if (names[k].equals(name)) return true;
            return globals.containsKey(name);
        }

        @Override
        public Set<String> getVariableNames() {
            Set<String> all = new LinkedHashSet<>(globals.keySet());
            for (int k = 0; k < size; k++) all.add(names[k]);
            return all;
        }

        @Override
        public Locale getLocale() {
            return Locale.ROOT;
        }

        @Override
        public IEngineConfiguration getConfiguration() {
            throw new UnsupportedOperationException("a plan's expressions read variables only");
        }

        @Override
        public IExpressionObjects getExpressionObjects() {
            throw new UnsupportedOperationException("a plan's expressions read variables only");
        }
    }
}
