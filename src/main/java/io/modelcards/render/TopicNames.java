package io.modelcards.render;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Render: the names of the known topics (benchmarks, datasets and their aliases), found in a card's text as whole
 * words in one pass over it. A name stands alone when no letter, number, '_' or '-' is right before or right after it;
 * names are matched as written (case counts), and at each place the longest name wins. The names are held in a trie,
 * so the cost grows with the text, not with the number of names: the regular expression it replaces (an alternation
 * of every name, tried at every place of every card) was 44 % of the build of the 26,392 real cards (2026-12-03).
 */
final class TopicNames {
    /** A name found: {@code name} at {@code start} (inclusive) to {@code end} (exclusive). */
    record Match(String name, int start, int end) {}

    private static final class Node {
        private Map<Character, Node> next;
        private String name;
    }

    private final Node root = new Node();
    /**
     * The root's children by an ASCII first character: looked up at every place of every text (a boxed character
     * looked up in the root's map at each place was 1.3 % of a 10,000-card build's samples).
     */
    private final Node[] ascii = new Node[128];
    private final String key;

    /** The names, each once; the order does not matter. */
    TopicNames(List<String> names) {
        StringBuilder key = new StringBuilder();
        for (String n : names) {
            key.append(n).append('\n');
            Node node = root;
            for (int i = 0; i < n.length(); i++) {
                if (node.next == null) node.next = new HashMap<>(4);
                node = node.next.computeIfAbsent(n.charAt(i), c -> new Node());
            }
            node.name = n;
        }
        if (root.next != null) root.next.forEach((c, node) -> {
            if (c < 128) ascii[c] = node;
        });
        this.key = key.toString();
    }

    /** The names as given, one per line: equal keys find the same names. */
    String key() {
        return key;
    }

    /** The first name standing alone at or after {@code from}, or null. */
    Match find(String text, int from) {
        int n = text.length();
        for (int i = Math.max(0, from); i < n; i++) {
            if (root.next == null) return null;
            char c = text.charAt(i);
            Node node = c < 128 ? ascii[c] : root.next.get(c);
            if (node == null || (i > 0 && isWord(Character.codePointBefore(text, i)))) continue;
            String best = null;
            int bestEnd = -1;
            for (int j = i; ; ) {
                j++;
                if (node.name != null && (j == n || !isWord(Character.codePointAt(text, j)))) {
                    best = node.name;
                    bestEnd = j;
                }
                if (j == n || node.next == null) break;
                node = node.next.get(text.charAt(j));
                if (node == null) break;
            }
            if (best != null) return new Match(best, i, bestEnd);
        }
        return null;
    }

    /** Every name standing alone in {@code text}, in order (each found after the end of the one before). */
    void findAll(String text, java.util.function.Consumer<String> found) {
        Match m = find(text, 0);
        while (m != null) {
            found.accept(m.name());
            m = find(text, m.end());
        }
    }

    /** A letter, a number, '_' or '-': what may not touch a name. */
    private static boolean isWord(int cp) {
        if (cp == '_' || cp == '-' || Character.isLetter(cp)) return true;
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }
}
