package io.profilekit.core;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.ToLongFunction;

/**
 * One page of a keyset listing: items in ascending record id order and, when more follow,
 * the cursor to pass as {@link ProfileQuery#after()} for the next page. Keyset pages stay
 * correct while profiles are created and deleted between requests: every profile that exists
 * throughout a walk is returned exactly once.
 *
 * @param items the items of this page, at most the query's limit
 * @param next the record id to continue after, empty on the last page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, OptionalLong next) {

    public Page {
        items = List.copyOf(items);
    }

    /** Whether another page follows. */
    public boolean hasNext() {
        return next.isPresent();
    }

    /**
     * The page of {@code found}, the matches of a query read in ascending key order, up to
     * one more than {@code limit}: the first {@code limit} of them, and when there were more,
     * the key of the last one shown as the cursor.
     */
    public static <T> Page<T> cut(List<T> found, int limit, ToLongFunction<T> key) {
        if (found.size() <= limit) {
            return new Page<>(found, OptionalLong.empty());
        }
        List<T> shown = found.subList(0, limit);
        return new Page<>(shown, OptionalLong.of(key.applyAsLong(shown.get(limit - 1))));
    }
}
