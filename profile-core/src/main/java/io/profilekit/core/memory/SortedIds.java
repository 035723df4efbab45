package io.profilekit.core.memory;

import java.util.Arrays;

/**
 * A set of record ids in ascending order, held in one array: eight bytes an id, where a tree
 * of boxed ids would take about sixty. Profiles mostly arrive in ascending record id order,
 * so most additions append. Not thread-safe: {@link SearchIndex} guards it.
 */
final class SortedIds {

    private long[] ids = new long[2];
    private int size;

    int size() {
        return size;
    }

    long get(int index) {
        return ids[index];
    }

    /** Adds {@code id}; false when it was there already. */
    boolean add(long id) {
        if (size > 0 && ids[size - 1] < id) {
            grow();
            ids[size++] = id;
            return true;
        }
        int at = Arrays.binarySearch(ids, 0, size, id);
        if (at >= 0) {
            return false;
        }
        int insert = -at - 1;
        grow();
        System.arraycopy(ids, insert, ids, insert + 1, size - insert);
        ids[insert] = id;
        size++;
        return true;
    }

    /** Removes {@code id}; false when it was not there. */
    boolean remove(long id) {
        int at = Arrays.binarySearch(ids, 0, size, id);
        if (at < 0) {
            return false;
        }
        System.arraycopy(ids, at + 1, ids, at, size - at - 1);
        size--;
        if (size > 16 && size < ids.length / 4) {
            ids = Arrays.copyOf(ids, ids.length / 2);
        }
        return true;
    }

    private void grow() {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size + Math.max(2, size >> 1));
        }
    }
}
