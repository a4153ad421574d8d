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
    private Object[] keys = EMPTY;
    private Object[] values = EMPTY;

    private int indexOf(Object key) {
        for (int i = 0; i < keys.length; i++) if (keys[i].equals(key)) return i;
        return -1;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : (V) values[i];
    }

    @Override
    @SuppressWarnings("unchecked")
    public V put(K key, V value) {
        Objects.requireNonNull(key, "key");
        int i = indexOf(key);
        if (i >= 0) {
            V old = (V) values[i];
            values[i] = value;
            return old;
        }
        int n = keys.length;
        keys = java.util.Arrays.copyOf(keys, n + 1);
        values = java.util.Arrays.copyOf(values, n + 1);
        keys[n] = key;
        values[n] = value;
        return null;
    }

    /** A view made for each call (AbstractMap would keep one per map: a million more objects). */
    @Override
    @SuppressWarnings("unchecked")
    public Set<K> keySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return keys.length;
            }

            @Override
            public Iterator<K> iterator() {
                return (Iterator<K>) java.util.Arrays.asList(keys).iterator();
            }
        };
    }

    /** A view made for each call, as {@link #keySet}. */
    @Override
    @SuppressWarnings("unchecked")
    public java.util.Collection<V> values() {
        return new java.util.AbstractCollection<>() {
            @Override
            public int size() {
                return keys.length;
            }

            @Override
            public Iterator<V> iterator() {
                return (Iterator<V>) java.util.Arrays.asList(values).iterator();
            }
        };
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return keys.length;
            }

            @Override
            public Iterator<Entry<K, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Entry<K, V> next() {
                        if (next >= keys.length) throw new NoSuchElementException();
                        int i = next++;
                        return new SimpleEntry<>((K) keys[i], (V) values[i]) {
                            @Override
                            public V setValue(V value) {
                                values[i] = value;
                                return super.setValue(value);
                            }
                        };
                    }
                };
            }
        };
    }
}
