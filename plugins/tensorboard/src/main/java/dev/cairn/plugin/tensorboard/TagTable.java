package dev.cairn.plugin.tensorboard;

import dev.cairn.plugin.support.SeriesBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Summary tags of one run, looked up by their UTF-8 bytes so a record whose tag was seen before allocates no
 * string. Each tag remembers the plugin named by its first metadata (TF2 writes metadata only once per tag).
 */
final class TagTable {

    /** One tag of a run. */
    static final class Tag {
        final String name;
        final byte[] utf8;
        final int hash;
        String plugin = "";
        SeriesBuffer series;

        private Tag(byte[] utf8, int hash) {
            this.utf8 = utf8;
            this.hash = hash;
            this.name = new String(utf8, StandardCharsets.UTF_8);
        }
    }

    private Tag[] slots = new Tag[64];
    private final List<Tag> inOrder = new ArrayList<>();

    /** The tag spelled by {@code bytes[from, to)}, created on first sight. */
    Tag intern(byte[] bytes, int from, int to) {
        int hash = 1;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + bytes[i];
        }
        int mask = slots.length - 1;
        int i = mix(hash) & mask;
        while (slots[i] != null) {
            Tag t = slots[i];
            if (t.hash == hash && Arrays.equals(t.utf8, 0, t.utf8.length, bytes, from, to)) {
                return t;
            }
            i = (i + 1) & mask;
        }
        Tag created = new Tag(Arrays.copyOfRange(bytes, from, to), hash);
        slots[i] = created;
        inOrder.add(created);
        if (inOrder.size() * 2 > slots.length) {
            rehash();
        }
        return created;
    }

    List<Tag> tags() {
        return inOrder;
    }

    private void rehash() {
        Tag[] bigger = new Tag[slots.length * 2];
        int mask = bigger.length - 1;
        for (Tag t : inOrder) {
            int i = mix(t.hash) & mask;
            while (bigger[i] != null) {
                i = (i + 1) & mask;
            }
            bigger[i] = t;
        }
        slots = bigger;
    }

    private static int mix(int h) {
        return h ^ (h >>> 16);
    }
}
