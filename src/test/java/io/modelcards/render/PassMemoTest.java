package io.modelcards.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * serve's values by model from one render to the next: found by instance, in their place or not, and forgotten after
 * a render that did not use them.
 */
class PassMemoTest {
    /** Keys equal in value but not the same instance: the memo must tell them apart by reference. */
    private static List<String> keys(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(new String("model-" + i));
        return out;
    }

    /** One pass over {@code keys}: each value kept, or made (and counted) when there is none. */
    private static List<String> pass(PassMemo<String, String> memo, List<String> keys, int[] made) {
        memo.next();
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            String v = memo.get(k);
            if (v == null) {
                v = "value of " + k + " #" + (++made[0]);
                memo.put(k, v);
            }
            out.add(v);
        }
        return out;
    }

    @Test
    void anUnchangedKeyKeepsItsValueAndAnEqualNewInstanceGetsANewOne() {
        PassMemo<String, String> memo = new PassMemo<>();
        List<String> keys = keys(100);
        int[] made = {0};
        List<String> first = pass(memo, keys, made);
        assertEquals(100, made[0]);
        List<String> edited = new ArrayList<>(keys);
        edited.set(40, new String(keys.get(40))); // the card parsed again: equal, another instance
        List<String> second = pass(memo, edited, made);
        assertEquals(101, made[0], "only the new instance's value is made");
        for (int i = 0; i < 100; i++) {
            if (i != 40) assertSame(first.get(i), second.get(i));
        }
        assertEquals("value of model-40 #101", second.get(40));
    }

    @Test
    void aKeyAddedOrLeftOutShiftsTheOthersByOnePlace() {
        PassMemo<String, String> memo = new PassMemo<>();
        List<String> keys = keys(100);
        int[] made = {0};
        List<String> first = pass(memo, keys, made);
        List<String> shifted = new ArrayList<>(keys);
        shifted.add(0, new String("added")); // a card added at the front: every key one place later
        shifted.remove(51); // and model-50 left out: the rest back in place
        List<String> second = pass(memo, shifted, made);
        assertEquals(101, made[0], "only the added key's value is made");
        for (int i = 0; i < 99; i++) {
            int was = i < 50 ? i : i + 1;
            assertSame(first.get(was), second.get(i + 1));
        }
    }

    @Test
    void keysFurtherFromTheirPlacesAreFoundInAMapOnceSomeMiss() {
        PassMemo<String, String> memo = new PassMemo<>();
        List<String> keys = keys(100);
        int[] made = {0};
        List<String> first = pass(memo, keys, made);
        List<String> shifted = new ArrayList<>(keys);
        for (int i = 0; i < 3; i++) shifted.add(0, new String("added " + i)); // three places later
        List<String> second = pass(memo, shifted, made);
        // the added keys and the first keys after them are made until the misses pass the limit; the rest are found
        int remade = PassMemo.MISSES_BEFORE_MAP - 3;
        assertEquals(100 + 3 + remade, made[0]);
        for (int i = remade; i < 100; i++) assertSame(first.get(i), second.get(i + 3));
        // and the next pass, in the same order, finds every key in its place
        int before = made[0];
        List<String> third = pass(memo, shifted, made);
        assertEquals(before, made[0]);
        assertEquals(second, third);
    }

    @Test
    void aValueThePassBeforeDidNotUseIsForgotten() {
        PassMemo<String, String> memo = new PassMemo<>();
        List<String> keys = keys(20);
        int[] made = {0};
        pass(memo, keys, made);
        pass(memo, keys.subList(0, 10), made); // the last ten not asked for
        assertEquals(10, memo.size());
        memo.next();
        for (int i = 10; i < 20; i++) assertNull(memo.get(keys.get(i)), "kept past a pass that did not use it");
        for (int i = 0; i < 10; i++) {
            // the first ten, asked for after ten keys that were not found: in their places, as nothing was added
            assertEquals("value of model-" + i + " #" + (i + 1), memo.get(keys.get(i)));
        }
    }
}
