package io.profilekit.core.spi;

import io.profilekit.core.Page;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.ToLongFunction;

/** Helps stores answer {@link ProfileStore#list}: a page from the matches of a keyset read. */
public final class Pages {

    private Pages() {
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
