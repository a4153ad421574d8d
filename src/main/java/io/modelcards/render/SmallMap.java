package io.modelcards.render;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * A map of a few entries, in the order they were put, held in two arrays and looked up by a scan. A leaderboard line
 * holds one value per metric, mostly one: as a LinkedHashMap each took about 210 bytes, a million of them at 10,000
 * cards; this takes about 70. No null keys; not thread-safe.
 */
final class SmallMap<K, V> extends AbstractMap<K, V> {
    private static final Object[] EMPTY = {};
    /**
     * Keys and values in one array, each key before its value: one array of 2n references instead of two of n, 24
     * bytes less a line (a benchmark every model reports on has 800,000 lines at 100,000 synthetic cards).
     */
    private Object[] items = EMPTY;

    private int indexOf(Object key) {
        for (int i = 0; i < items.length; i += 2) if (items[i].equals(key)) return i;
        return -1;
    }

    @Override
    public int size() {
        return items.length / 2;
    }

    /**
     * The {@code i}-th key put (0 ≤ i < {@link #size}): with {@link #valueAt}, a walk over the entries without the
     * views, their iterators and entries (a leaderboard's passes over a million lines made 70 MB of them at 10,000
     * synthetic cards).
     */
    @SuppressWarnings("unchecked")
    K keyAt(int i) {
        return (K) items[2 * i];
    }

    /** The value of the {@code i}-th key put (see {@link #keyAt}). */
    @SuppressWarnings("unchecked")
    V valueAt(int i) {
        return (V) items[2 * i + 1];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : (V) items[i + 1];
    }

    @Override
    @SuppressWarnings("unchecked")
    public V put(K key, V value) {
        Objects.requireNonNull(key, "key");
        int i = indexOf(key);
        if (i >= 0) {
            V old = (V) items[i + 1];
            items[i + 1] = value;
            return old;
        }
        int n = items.length;
        items = java.util.Arrays.copyOf(items, n + 2);
        items[n] = key;
        items[n + 1] = value;
        return null;
    }

    /** The keys (at {@code from} 0) or the values (at 1), in the order put. */
    private <T> Iterator<T> every(int from) {
        Object[] at = items;
        return new Iterator<>() {
            private int next = from;

            @Override
            public boolean hasNext() {
                return next < at.length;
            }

            @Override
            @SuppressWarnings("unchecked")
            public T next() {
                if (next >= at.length) throw new NoSuchElementException();
                T t = (T) at[next];
                next += 2;
                return t;
            }
        };
    }

    /** A view made for each call (AbstractMap would keep one per map: a million more objects). */
    @Override
    public Set<K> keySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return SmallMap.this.size();
            }

            @Override
            public Iterator<K> iterator() {
                return every(0);
            }
        };
    }

    /** A view made for each call, as {@link #keySet}. */
    @Override
    public java.util.Collection<V> values() {
        return new java.util.AbstractCollection<>() {
            @Override
            public int size() {
                return SmallMap.this.size();
            }

            @Override
            public Iterator<V> iterator() {
                return every(1);
            }
        };
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return SmallMap.this.size();
            }

            @Override
            public Iterator<Entry<K, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < items.length;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Entry<K, V> next() {
                        if (next >= items.length) throw new NoSuchElementException();
                        int i = next;
                        next += 2;
                        return new SimpleEntry<>((K) items[i], (V) items[i + 1]) {
                            @Override
                            public V setValue(V value) {
                                items[i + 1] = value;
                                return super.setValue(value);
                            }
                        };
                    }
                };
            }
        };
    }
}
