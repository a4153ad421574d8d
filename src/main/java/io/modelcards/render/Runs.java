package io.modelcards.render;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.BiPredicate;

/**
 * A list made of runs added whole (a topic's results: each column of each model adds one run), without copying
 * them: the lists added must not change afterwards. Two such lists built from the same runs are compared run by run,
 * so that a catalogue's topics are compared in the number of columns, not of values.
 */
final class Runs<E> extends AbstractList<E> {
    private final List<List<E>> runs = new ArrayList<>();
    private int[] ends = new int[8];
    private int size;

    Runs() {}

    /** A copy of {@code other}: its runs (the same lists), to be changed without changing {@code other}. */
    Runs(Runs<E> other) {
        runs.addAll(other.runs);
        ends = Arrays.copyOf(other.ends, Math.max(8, other.runs.size()));
        size = other.size;
    }

    /** Adds a run, kept as it is. */
    void addRun(List<E> run) {
        addRun(run, run.size());
    }

    /**
     * Adds a run whose size is known already (saves reading the list when replaying many); returns its index among
     * the runs, or -1 when it is empty (and not added).
     */
    int addRun(List<E> run, int runSize) {
        if (runSize == 0) return -1;
        if (runs.size() == ends.length) ends = Arrays.copyOf(ends, ends.length * 2);
        runs.add(run);
        size += runSize;
        ends[runs.size() - 1] = size;
        return runs.size() - 1;
    }

    /** Puts a run of {@code runSize} (more than 0) elements in the place of run {@code index}. */
    void setRun(int index, List<E> run, int runSize) {
        int start = index == 0 ? 0 : ends[index - 1];
        int delta = start + runSize - ends[index];
        runs.set(index, run);
        if (delta == 0) return;
        for (int i = index; i < runs.size(); i++) ends[i] += delta;
        size += delta;
    }

    @Override
    public boolean add(E e) {
        addRun(List.of(e));
        return true;
    }

    /** The runs as added (not to be changed). */
    List<List<E>> runs() {
        return java.util.Collections.unmodifiableList(runs);
    }

    @Override
    public E get(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
        int r = Arrays.binarySearch(ends, 0, runs.size(), index);
        r = r >= 0 ? r + 1 : -r - 1; // the first run ending after index
        int start = r == 0 ? 0 : ends[r - 1];
        return runs.get(r).get(index - start);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Iterator<E> iterator() {
        return new Iterator<>() {
            int run;
            int at;

            @Override
            public boolean hasNext() {
                return run < runs.size();
            }

            @Override
            public E next() {
                if (!hasNext()) throw new NoSuchElementException();
                List<E> current = runs.get(run);
                E e = current.get(at++);
                if (at == current.size()) {
                    run++;
                    at = 0;
                }
                return e;
            }
        };
    }

    /** Whether the lists hold elements that are {@code same} pairwise; runs that are the same list are skipped. */
    static <E> boolean same(List<E> a, List<E> b, BiPredicate<E, E> same) {
        if (a.size() != b.size()) return false;
        if (a instanceof Runs<E> ra && b instanceof Runs<E> rb && ra.runs.size() == rb.runs.size()) {
            for (int i = 0; i < ra.runs.size(); i++) {
                List<E> x = ra.runs.get(i);
                List<E> y = rb.runs.get(i);
                if (x != y && !sameElements(x, y, same)) return false;
            }
            return true;
        }
        return sameElements(a, b, same);
    }

    private static <E> boolean sameElements(List<E> a, List<E> b, BiPredicate<E, E> same) {
        if (a.size() != b.size()) return false;
        Iterator<E> x = a.iterator();
        Iterator<E> y = b.iterator();
        while (x.hasNext()) {
            E p = x.next();
            E q = y.next();
            if (p != q && !same.test(p, q)) return false;
        }
        return true;
    }
}
