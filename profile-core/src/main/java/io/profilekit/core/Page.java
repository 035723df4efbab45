package io.profilekit.core;

import java.util.List;
import java.util.OptionalLong;

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
}
