package io.modelcards.render;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Values by key instance, kept from one pass over the keys to the next (serve: one render of the catalogue to the
 * next), holding only what the last pass used. A pass asks for the keys in the order the one before did (the
 * catalogue's models, an edit replacing one or two), so each key is first compared, by reference, with the last
 * pass's key in its place (or one place either side, after a key added or left out): an unchanged model is found
 * without reading it or hashing it. At 10,000 cards an identity map's look-up was a few cache misses a model (its
 * header for the hash, the table, the entry), several maps a model on every edit. Keys further from their place are
 * looked up in a map of the last pass, made once a pass has missed {@value #MISSES_BEFORE_MAP} times (before that, a
 * key not found is taken as new: its value is made again, which must give an equal value); a key asked for twice in
 * a pass may be made twice. Not for concurrent use.
 */
public final class PassMemo<K, V> {
    /** Keys not in their place before the last pass's keys are looked up by a map. */
    public static final int MISSES_BEFORE_MAP = 8;

    private Object[] lastKeys = new Object[0];
    private Object[] lastValues = new Object[0];
    private int lastCount;
    private Object[] keys = new Object[16];
    private Object[] values = new Object[16];
    private int count;
    /** Where this pass's next key is expected among the last pass's: {@code count + shift}. */
    private int shift;
    private int misses;
    private Map<Object, Object> lastByKey;

    /** Starts the next pass: what this one did not use is forgotten. */
    public void next() {
        Object[] k = lastKeys;
        Object[] v = lastValues;
        lastKeys = keys;
        lastValues = values;
        lastCount = count;
        // the older arrays are this pass's; cleared, so that they hold no model the last pass did not use
        Arrays.fill(k, null);
        Arrays.fill(v, null);
        keys = k.length >= lastCount ? k : new Object[Math.max(16, lastCount)];
        values = v.length >= lastCount ? v : new Object[Math.max(16, lastCount)];
        count = 0;
        shift = 0;
        misses = 0;
        lastByKey = null;
    }

    /** The value kept for {@code key} (used by this pass from now on), or null. */
    @SuppressWarnings("unchecked")
    public V get(K key) {
        Object v;
        int at = count + shift;
        if (at >= 0 && at < lastCount && lastKeys[at] == key) {
            v = lastValues[at];
        } else if (at + 1 < lastCount && at + 1 >= 0 && lastKeys[at + 1] == key) { // one key of the last pass not asked
            v = lastValues[at + 1];
            shift++;
        } else if (at - 1 >= 0 && at - 1 < lastCount && lastKeys[at - 1] == key) { // one more key asked this pass
            v = lastValues[at - 1];
            shift--;
        } else {
            v = null;
            if (lastByKey == null && ++misses > MISSES_BEFORE_MAP) {
                lastByKey = new IdentityHashMap<>(lastCount * 2);
                for (int i = 0; i < lastCount; i++) lastByKey.put(lastKeys[i], lastValues[i]);
            }
            if (lastByKey != null) v = lastByKey.get(key);
        }
        if (v != null) add(key, v);
        return (V) v;
    }

    /** Keeps {@code value} for {@code key} in this pass (after {@link #get} gave null for it). */
    public void put(K key, V value) {
        add(key, value);
    }

    /** The keys and values this pass has used (a key used twice: its last value). */
    @SuppressWarnings("unchecked")
    public java.util.Set<Map.Entry<K, V>> entries() {
        Map<K, V> out = new IdentityHashMap<>();
        for (int i = 0; i < count; i++) out.put((K) keys[i], (V) values[i]);
        return out.entrySet();
    }

    /** How many values this pass has used. */
    public int size() {
        return count;
    }

    private void add(Object key, Object value) {
        if (count == keys.length) {
            keys = Arrays.copyOf(keys, Math.max(16, count * 2));
            values = Arrays.copyOf(values, Math.max(16, count * 2));
        }
        keys[count] = key;
        values[count] = value;
        count++;
    }
}
