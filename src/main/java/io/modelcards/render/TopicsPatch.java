package io.modelcards.render;

import io.modelcards.model.Model;
import io.modelcards.model.Site;
import io.modelcards.render.Topics.AddMention;
import io.modelcards.render.Topics.Mention;
import io.modelcards.render.Topics.Op;
import io.modelcards.render.Topics.Placements;
import io.modelcards.render.Topics.Reported;
import io.modelcards.render.Topics.Stated;
import io.modelcards.render.Topics.Topic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * serve's shortcut for {@link Topics#of(Site, Topics.Memo)}: when a few models were parsed again and each adds to
 * the same topics in the same way as before (the same names, in the same order; the values may differ, as after an
 * edited value or a moved line), the last call's topics are taken and only the places those models filled are set
 * again. Everything else the last call made is kept: the topics no edited model adds to are the same instances.
 * Replaying every model's additions took about a fifth of a value edit at 10,000 cards.
 */
final class TopicsPatch {
    /** More edited models than this are replayed in full. */
    static final int MAX_CHANGED = 16;

    private TopicsPatch() {}

    /**
     * The places of the catalogue whose model is another instance than in the memo's last call (parsed again), when
     * the topics could be patched: the memo has a last call with as many models, at most {@value #MAX_CHANGED} of them
     * other instances, each with the slug of the one before, and curated.yaml names no results. Else null.
     */
    static List<Integer> changed(Site site, Topics.Memo memo) {
        List<Model> before = memo.lastModels;
        List<Model> now = site.models();
        // curated.yaml's results name models by name and by text: replayed in full
        if (memo.last == null || memo.placed == null || before.size() != now.size() || site.curated() != memo.lastCurated
                || !site.curated().results().isEmpty()) {
            return null;
        }
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            if (now.get(i) == before.get(i)) continue;
            if (changed.size() == MAX_CHANGED || !now.get(i).slug().equals(before.get(i).slug())) return null;
            changed.add(i);
        }
        return changed;
    }

    /**
     * The patched topics, or null when the edits change more than values. {@code changed} is {@link #changed}'s
     * answer; {@code columns} and {@code stated} hold what the models in those places add (the others' are the
     * memo's). The memo's maps are updated in place, each changed model's entry in its last instance's stead.
     */
    static Topics of(Site site, Topics.Memo memo, List<Integer> changed, Map<Model, List<Op>> columns,
                     Map<Model, List<Stated>> stated) {
        Topics last = memo.last;
        List<Model> before = memo.lastModels;
        List<Model> now = site.models();
        // the names searched for in the text stay the last call's: the same additions make the same topics
        Topics t = new Topics();
        t.vocabulary = last.vocabulary;
        t.canonical.putAll(last.canonical);
        Map<Model, List<Op>> mentions = new java.util.IdentityHashMap<>();
        if (memo.knownPattern != null) {
            for (int i : changed) mentions.put(now.get(i), t.mentionOps(now.get(i), memo.knownPattern));
        }
        for (int i : changed) {
            Model was = before.get(i);
            Model is = now.get(i);
            Placements at = memo.placed.get(was);
            if (at == null || !sameOps(memo.columns.get(was), columns.get(is))
                    || !was.frontMatter().datasets().equals(is.frontMatter().datasets())
                    || !sameStated(memo.stated.get(was), stated.get(is))
                    || !sameOps(memo.mentions.getOrDefault(was, List.of()), mentions.getOrDefault(is, List.of()))) {
                return null;
            }
        }
        t.slugs.addAll(last.slugs);
        t.byName.putAll(last.byName);
        Map<String, Topic> copies = new HashMap<>(); // by key: the topics this call copied
        // the topics as the last call made them, without what its render looked up afterwards
        Map<String, Topic> looked = new HashMap<>(last.looked);
        if (last.late != null) {
            for (String key : last.late.keys) {
                Topic made = t.byName.remove(key);
                if (made != null) t.slugs.remove(made.slug());
            }
            for (String written : last.late.looked) looked.remove(written);
            // on a topic the last call made (not one its render made, left out above), perhaps several on one topic
            for (Map.Entry<Topic, String> alias : last.late.aliases) {
                String key = alias.getKey().key;
                if (t.byName.containsKey(key) && last.byName.get(key) == alias.getKey()) {
                    copy(t, copies, key).aliases.remove(alias.getValue());
                }
            }
        }
        for (int i : changed) {
            Model is = now.get(i);
            Placements at = memo.placed.get(before.get(i));
            int k = 0;
            for (Op op : columns.get(is)) set(t, copies, at, k++, op);
            for (int d = 0; d < is.frontMatter().datasets().size(); d++, k++) {
                copy(t, copies, at.key(k)).mentions.set(at.at(k), new Mention(is, "front matter (datasets)", ""));
            }
            for (Stated st : stated.get(is)) {
                int run = at.at(k);
                copy(t, copies, at.key(k++)).results.setRun(run, List.of(st.result()), 1);
            }
            for (Op op : mentions.getOrDefault(is, List.of())) set(t, copies, at, k++, op);
        }
        // the written names' topics: the copies where a topic was copied
        if (!copies.isEmpty()) looked.replaceAll((w, topic) -> copies.getOrDefault(topic.key, topic));
        t.looked.putAll(looked);
        for (int i : changed) memo.placed.put(now.get(i), memo.placed.remove(before.get(i)));
        memo.columns = replaced(memo.columns, changed, before, now, columns);
        memo.stated = replaced(memo.stated, changed, before, now, stated);
        if (memo.knownPattern != null) memo.mentions = replaced(memo.mentions, changed, before, now, mentions);
        memo.remember(site, t, memo.placed);
        t.passOn(memo);
        t.markPatched();
        return t.sealed();
    }

    /**
     * {@code kept} with the entry of each changed place's last model replaced by the new model's from {@code made}:
     * in place (an identity map the memo made), so that an edit does not copy 10,000 entries.
     */
    private static <T> Map<Model, T> replaced(Map<Model, T> kept, List<Integer> changed, List<Model> before,
                                              List<Model> now, Map<Model, T> made) {
        Map<Model, T> out = kept instanceof java.util.IdentityHashMap<Model, T> ? kept : new java.util.IdentityHashMap<>(kept);
        for (int i : changed) out.remove(before.get(i));
        for (int i : changed) out.put(now.get(i), made.get(now.get(i)));
        return out;
    }

    /** Sets the addition {@code op} in the place the k-th addition of the model before it went. */
    private static void set(Topics t, Map<String, Topic> copies, Placements at, int k, Op op) {
        int index = at.at(k);
        if (index < 0) return; // a name met (a topic looked up), or a column without a value
        Topic topic = copy(t, copies, at.key(k));
        if (op instanceof Reported c) topic.results.setRun(index, c, c.size());
        else if (op instanceof AddMention a) topic.mentions.set(index, a.mention());
    }

    /** The topic under {@code key} in {@code t}, copied from the last call's once, so the last call's is unchanged. */
    private static Topic copy(Topics t, Map<String, Topic> copies, String key) {
        return copies.computeIfAbsent(key, k -> {
            Topic made = new Topic(t.byName.get(k));
            t.byName.put(k, made);
            return made;
        });
    }

    /**
     * Whether two lists of additions add to the same topics in the same way: the same kinds, in the same order, under
     * the same names, each column with values where the other has values.
     */
    private static boolean sameOps(List<Op> a, List<Op> b) {
        if (a == null || b == null || a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) {
            Op x = a.get(i);
            Op y = b.get(i);
            if (x.getClass() != y.getClass() || !x.written().equals(y.written())) return false;
            if (x instanceof Reported rx && rx.isEmpty() != ((Reported) y).isEmpty()) return false;
        }
        return true;
    }

    private static boolean sameStated(List<Stated> a, List<Stated> b) {
        if (a == null || b == null || a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).written().equals(b.get(i).written()) || a.get(i).benchmark() != b.get(i).benchmark()) {
                return false;
            }
        }
        return true;
    }
}
