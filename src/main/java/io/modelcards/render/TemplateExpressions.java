package io.modelcards.render;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.engine.IterationStatusVar;
import org.thymeleaf.standard.expression.IStandardVariableExpression;
import org.thymeleaf.standard.expression.IStandardVariableExpressionEvaluator;
import org.thymeleaf.standard.expression.OGNLVariableExpressionEvaluator;
import org.thymeleaf.standard.expression.StandardExpressionExecutionContext;

/**
 * Render stage: Thymeleaf's {@code ${…}} expressions, the common ones evaluated here and every other one by OGNL, as
 * Thymeleaf does by default. The templates mostly call a view's accessors ({@code ${model.name()}}, {@code
 * ${!model.toc().isEmpty()}}, {@code ${page.root() + 'css/site.css'}}); OGNL resolves and checks each call anew
 * (Thymeleaf's member access list tests every call's class with a stream), about 5 % of a clean build of 10,000
 * cards and of a serve edit. Evaluated here, with the same result as OGNL's, when an expression is only: context
 * variables, calls without arguments of a public method of this project's classes (or {@code isEmpty()} and {@code
 * size()} of a string, collection or map), string, character and integer literals, {@code null}, {@code true}, {@code false},
 * parentheses, {@code +} with a string on one side, {@code !}, {@code and}, {@code or}, {@code ? :} on booleans,
 * {@code ==} and {@code !=} with {@code null} or between integers, and {@code < <= > >=} between integers. Anything
 * else (another method, a property, an argument, {@code #objects}, a selection {@code *{…}}, {@code ${{…}}}, a
 * restricted context's checks), or any value outside those rules met while evaluating (a null before a call, a
 * number where a boolean is read, an exception), goes to OGNL from the start, which then gives its result or its
 * error. Calls are side-effect-free accessors, so one made twice does no harm. A theme's templates get the same.
 */
final class TemplateExpressions implements IStandardVariableExpressionEvaluator {
    private final IStandardVariableExpressionEvaluator ognl = new OGNLVariableExpressionEvaluator(true);
    /** Each expression's tree, or {@link #OGNL} when this does not evaluate it; templates hold a few hundred. */
    private final Map<String, Node> parsed = new ConcurrentHashMap<>();
    private static final int MAX_PARSED = 10_000;

    @Override
    public Object evaluate(IExpressionContext context, IStandardVariableExpression expression,
                           StandardExpressionExecutionContext expContext) {
        String text = expression.getExpression();
        if (text != null && !expression.getUseSelectionAsRoot() && context instanceof ITemplateContext
                && !expContext.getPerformTypeConversion() && !expContext.getForbidUnsafeExpressionResults()) {
            Node node = parsed.get(text);
            if (node == null) {
                node = Parser.parse(text);
                if (parsed.size() < MAX_PARSED) parsed.put(text, node);
            }
            if (node != OGNL) {
                Object v = node.value(context);
                if (v != NOT_HERE) return v;
            }
        }
        return ognl.evaluate(context, expression, expContext);
    }

    /** Whether {@code expression} (the text between the braces of {@code ${…}}) is evaluated here, not by OGNL. */
    static boolean evaluatesItself(String expression) {
        return Parser.parse(expression) != OGNL;
    }

    /**
     * An expression (the text between the braces of {@code ${…}}) this class evaluates, for {@link TemplatePlan}: its
     * value from a context's variables, or {@link #NOT_EVALUATED} when it meets a value outside the rules; null when
     * OGNL would evaluate it.
     */
    static Compiled compiled(String expression) {
        Node node = Parser.parse(expression);
        return node == OGNL ? null : node::value;
    }

    /** An expression {@link #compiled}: its value, or {@link #NOT_EVALUATED}. */
    interface Compiled {
        Object value(IExpressionContext context);
    }

    /** What a compiled expression gives when OGNL would have to evaluate it after all. */
    static final Object NOT_EVALUATED = new Object();

    /** What a node gives when the value met is outside the rules: the expression goes to OGNL. */
    private static final Object NOT_HERE = NOT_EVALUATED;

    /** An expression's tree; {@link #value} gives {@link #NOT_HERE} when OGNL must evaluate it. */
    private interface Node {
        Object value(IExpressionContext context);
    }

    /** Marks an expression this class does not evaluate. */
    private static final Node OGNL = context -> NOT_HERE;

    private record Literal(Object value) implements Node {
        public Object value(IExpressionContext context) {
            return value;
        }
    }

    /** A context variable, as OGNL's root (the template context) gives it. */
    private record Variable(String name) implements Node {
        public Object value(IExpressionContext context) {
            return context.getVariable(name);
        }
    }

    /** {@code target.name()}. */
    private static final class Call implements Node {
        private final Node target;
        private final String name;
        /** The last target class and the method to call on it (one class per place in a template, nearly always). */
        private volatile Object[] last = {null, null};

        Call(Node target, String name) {
            this.target = target;
            this.name = name;
        }

        public Object value(IExpressionContext context) {
            Object t = target.value(context);
            if (t == null || t == NOT_HERE) return NOT_HERE;
            Object[] l = last;
            Method m;
            if (l[0] == t.getClass()) {
                m = (Method) l[1];
            } else {
                m = method(t.getClass(), name);
                last = new Object[] {t.getClass(), m};
            }
            if (m == null) return NOT_HERE;
            try {
                return m.invoke(t);
            } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
                return NOT_HERE;
            }
        }
    }

    /** The public method without parameters to call for {@code name} on a {@code type}, or null: OGNL's then. */
    private static Method method(Class<?> type, String name) {
        boolean ours = type.getName().startsWith("io.modelcards.");
        boolean sized = (name.equals("isEmpty") || name.equals("size"))
                && (String.class == type || Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type));
        if (!ours && !sized) return null;
        Method m;
        try {
            m = type.getMethod(name);
        } catch (NoSuchMethodException e) {
            return null;
        }
        if (Modifier.isStatic(m.getModifiers()) || m.getReturnType() == void.class) return null;
        if (ours && !sized && !m.getDeclaringClass().getName().startsWith("io.modelcards.")) return null; // getClass()
        if (Modifier.isPublic(m.getDeclaringClass().getModifiers())) return m;
        Method open = publicDeclaration(type, name);
        if (open != null) return open;
        return m.trySetAccessible() ? m : null;
    }

    /** The method {@code name} as a public class or interface above {@code type} declares it, or null. */
    private static Method publicDeclaration(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                Method m = publicDeclaration(i, name);
                if (m != null) return m;
            }
            if (Modifier.isPublic(c.getModifiers())) {
                try {
                    Method m = c.getDeclaredMethod(name);
                    if (Modifier.isPublic(m.getModifiers())) return m;
                } catch (NoSuchMethodException e) {
                    // not declared here: further up
                }
            }
        }
        return null;
    }

    /** The properties of an iteration's status this class reads. */
    private static final java.util.Set<String> STATUS = java.util.Set.of("index", "count", "first", "last");

    /**
     * An iteration's status as a template plan keeps it (Thymeleaf's own, {@link IterationStatusVar}, cannot be made
     * outside its package): the item's place and the number of items.
     */
    record Iteration(int index, int size) {}

    /**
     * {@code s.first}, {@code s.last}, {@code s.index} or {@code s.count} of an iteration's status, as OGNL reads them
     * from Thymeleaf's {@link IterationStatusVar} ({@code isFirst()}, …); of anything else, OGNL's.
     */
    private record StatusProperty(Node target, String name) implements Node {
        public Object value(IExpressionContext context) {
            Object t = target.value(context);
            int index;
            int size;
            if (t instanceof IterationStatusVar v) {
                index = v.getIndex();
                size = v.hasSize() ? v.getSize() : -1;
            } else if (t instanceof Iteration i) {
                index = i.index();
                size = i.size();
            } else {
                return NOT_HERE;
            }
            switch (name) {
                case "index": return index;
                case "count": return index + 1;
                case "first": return index == 0;
                default: return size < 0 ? NOT_HERE : (Object) (index == size - 1);
            }
        }
    }

    /** {@code a + b + …}, where OGNL joins strings: each sum with a string on one side (else OGNL's). */
    private record Sum(Node[] parts) implements Node {
        public Object value(IExpressionContext context) {
            Object sum = parts[0].value(context);
            if (sum == NOT_HERE) return NOT_HERE;
            for (int i = 1; i < parts.length; i++) {
                Object v = parts[i].value(context);
                if (!(sum instanceof String || v instanceof String) || !plain(sum) || !plain(v)) return NOT_HERE;
                sum = sum.toString() + v;
            }
            return sum;
        }
    }

    /** Whether OGNL writes {@code v} in a sum with a string as its {@code toString()}, as this class does. */
    private static boolean plain(Object v) {
        return v instanceof String || v instanceof Character || v instanceof Integer || v instanceof Long
                || v instanceof Boolean;
    }

    private record Not(Node operand) implements Node {
        public Object value(IExpressionContext context) {
            return operand.value(context) instanceof Boolean b ? (Boolean) !b : NOT_HERE;
        }
    }

    /** {@code a and b …} or {@code a or b …}: the first operand that settles it, as OGNL gives it (booleans only). */
    private record Logic(Node[] operands, boolean and) implements Node {
        public Object value(IExpressionContext context) {
            Object v = null;
            for (Node n : operands) {
                v = n.value(context);
                if (!(v instanceof Boolean b)) return NOT_HERE;
                if (b != and) return v;
            }
            return v;
        }
    }

    private record Choice(Node test, Node yes, Node no) implements Node {
        public Object value(IExpressionContext context) {
            return test.value(context) instanceof Boolean b ? (b ? yes : no).value(context) : NOT_HERE;
        }
    }

    /** {@code ==}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=}: with null (the first two), or integers. */
    private record Compare(Node left, String op, Node right) implements Node {
        public Object value(IExpressionContext context) {
            Object a = left.value(context);
            Object b = right.value(context);
            if (a == NOT_HERE || b == NOT_HERE) return NOT_HERE;
            boolean equality = op.equals("==") || op.equals("!=");
            if (equality && (left instanceof Literal l && l.value() == null || right instanceof Literal r && r.value() == null)) {
                return (a == b) == op.equals("==");
            }
            if (!(a instanceof Integer x) || !(b instanceof Integer y)) return NOT_HERE;
            int c = Integer.compare(x, y);
            return switch (op) {
                case "==" -> c == 0;
                case "!=" -> c != 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                default -> c >= 0;
            };
        }
    }

    /**
     * Parses the expressions this class evaluates, precedence as OGNL's: {@code ? :}, then {@code or}, {@code and},
     * equality, comparison, {@code +}, {@code !}, then a literal, a variable with its calls, or a parenthesis. Anything
     * else makes the whole expression {@link #OGNL}'s.
     */
    private static final class Parser {
        private static final java.util.Set<String> WORDS = java.util.Set.of("and", "or", "not", "in", "instanceof",
                "eq", "neq", "lt", "lte", "gt", "gte", "band", "bor", "xor", "shl", "shr", "ushr", "this", "new",
                "param", "session", "application", "request", "response");
        private final String s;
        private int at;

        private Parser(String s) {
            this.s = s;
        }

        static Node parse(String text) {
            try {
                Parser p = new Parser(text);
                Node n = p.choice();
                p.space();
                return p.at == text.length() ? n : OGNL;
            } catch (Unsupported e) {
                return OGNL;
            }
        }

        private static final class Unsupported extends RuntimeException {
            Unsupported() {
                super(null, null, false, false);
            }
        }

        private Node choice() {
            Node test = or();
            if (!take("?")) return test;
            Node yes = choice();
            if (!take(":")) throw new Unsupported();
            return new Choice(test, yes, choice());
        }

        private Node or() {
            return logic(false);
        }

        private Node logic(boolean and) {
            java.util.List<Node> parts = new java.util.ArrayList<>();
            parts.add(and ? equality() : logic(true));
            while (word(and ? "and" : "or") || take(and ? "&&" : "||")) parts.add(and ? equality() : logic(true));
            return parts.size() == 1 ? parts.get(0) : new Logic(parts.toArray(Node[]::new), and);
        }

        private Node equality() {
            Node left = comparison();
            for (String op : new String[] {"==", "!="}) {
                if (take(op)) return new Compare(left, op, comparison());
            }
            return left;
        }

        private Node comparison() {
            Node left = sum();
            for (String op : new String[] {"<=", ">=", "<", ">"}) {
                if (take(op)) return new Compare(left, op, sum());
            }
            return left;
        }

        private Node sum() {
            java.util.List<Node> parts = new java.util.ArrayList<>();
            parts.add(unary());
            while (take("+")) parts.add(unary());
            return parts.size() == 1 ? parts.get(0) : new Sum(parts.toArray(Node[]::new));
        }

        private Node unary() {
            space();
            if (at < s.length() && s.charAt(at) == '!' && !s.startsWith("!=", at)) {
                at++;
                return new Not(unary());
            }
            return primary();
        }

        private Node primary() {
            space();
            if (at >= s.length()) throw new Unsupported();
            char c = s.charAt(at);
            if (c == '(') {
                at++;
                Node n = choice();
                if (!take(")")) throw new Unsupported();
                return n;
            }
            if (c == '\'') {
                int end = s.indexOf('\'', at + 1);
                if (end < 0 || s.substring(at + 1, end).indexOf('\\') >= 0) throw new Unsupported();
                String text = s.substring(at + 1, end);
                at = end + 1;
                return new Literal(text.length() == 1 ? (Object) text.charAt(0) : text); // OGNL reads 'x' as a character
            }
            if (c >= '0' && c <= '9') {
                int start = at;
                while (at < s.length() && Character.isDigit(s.charAt(at))) at++;
                if (at < s.length() && (Character.isLetterOrDigit(s.charAt(at)) || s.charAt(at) == '.')) throw new Unsupported();
                if (at - start > 9 || (s.charAt(start) == '0' && at - start > 1)) throw new Unsupported();
                return new Literal(Integer.valueOf(s.substring(start, at)));
            }
            String name = identifier();
            switch (name) {
                case "null": return new Literal(null);
                case "true": return new Literal(Boolean.TRUE);
                case "false": return new Literal(Boolean.FALSE);
                default: break;
            }
            if (WORDS.contains(name)) throw new Unsupported();
            Node n = new Variable(name);
            while (at < s.length() && s.charAt(at) == '.') {
                at++;
                String method = identifier();
                if (!s.startsWith("()", at)) {
                    // a property: only an iteration's status (th:each="x, s : …"), s.first and the like
                    if (!(n instanceof Variable) || !STATUS.contains(method)) throw new Unsupported();
                    n = new StatusProperty(n, method);
                    continue;
                }
                at += 2;
                n = new Call(n, method);
            }
            return n;
        }

        private String identifier() {
            int start = at;
            if (at < s.length() && Character.isJavaIdentifierStart(s.charAt(at)) && s.charAt(at) != '$') at++;
            else throw new Unsupported();
            while (at < s.length() && Character.isJavaIdentifierPart(s.charAt(at)) && s.charAt(at) != '$') at++;
            return s.substring(start, at);
        }

        /** Takes the operator {@code op} when it is next (a longer one is not taken for its start). */
        private boolean take(String op) {
            space();
            if (!s.startsWith(op, at)) return false;
            int end = at + op.length();
            if (end < s.length() && "=&|".indexOf(s.charAt(end)) >= 0 && "<>=!".indexOf(op.charAt(op.length() - 1)) >= 0) {
                return false;
            }
            at = end;
            return true;
        }

        /** Takes the word {@code w} when it is next, as a whole word. */
        private boolean word(String w) {
            space();
            if (!s.startsWith(w, at)) return false;
            int end = at + w.length();
            if (end < s.length() && Character.isJavaIdentifierPart(s.charAt(end))) return false;
            at = end;
            return true;
        }

        private void space() {
            while (at < s.length() && Character.isWhitespace(s.charAt(at))) at++;
        }
    }
}
