package io.profilekit.core;

import io.profilekit.core.internal.Futures;
import io.profilekit.core.spi.ProfileStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * Every profile above a record id, in record id order, a page at a time: what an export reads.
 * On a store that reads its record ids without an index ({@link ProfileStore#scanRecordIds}:
 * Couchbase's KV range scan) the profiles are then read by id, so no query service is needed,
 * holding the ids (8 bytes a profile) meanwhile; elsewhere the listing's keyset pages are read,
 * so memory stays flat. A profile deleted during the walk is left out; one created during it
 * may be. Get one from {@link AsyncProfileRepository#walk(long)} or
 * {@link ProfileRepository#walk(long)}; one reader at a time, each page asked for once the
 * previous one has come.
 */
public final class ProfileWalk {

    /** The most profiles in a page. */
    public static final int PAGE = ProfileQuery.MAX_LIMIT;

    private final ProfileStore store;
    /** The scanned record ids, ascending; {@code null} when the walk reads the listing. */
    private final long[] ids;
    /** The next index in {@link #ids}. */
    private int position;
    /** Where the listing goes on; empty once its last page is read. */
    private OptionalLong cursor;

    private ProfileWalk(ProfileStore store, long[] ids, long after) {
        this.store = store;
        this.ids = ids;
        this.cursor = OptionalLong.of(after);
    }

    static CompletableFuture<ProfileWalk> start(ProfileStore store, long after) {
        return Futures.attempt(() -> store.scanRecordIds(after))
                .thenApply(ids -> new ProfileWalk(store, ids.orElse(null), after));
    }

    /** The next page of profiles, in record id order; an empty list once every one has been read. */
    public synchronized CompletableFuture<List<StoredProfile>> nextAsync() {
        return ids != null ? nextByIds() : nextByListing();
    }

    /**
     * {@link #nextAsync()}, blocking.
     *
     * @throws ProfileException as the store's reads do
     */
    public List<StoredProfile> next() {
        return Futures.join(nextAsync());
    }

    private CompletableFuture<List<StoredProfile>> nextByListing() {
        if (cursor.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return Futures.attempt(() -> store.list(ProfileQuery.first(PAGE).withAfter(cursor.getAsLong())))
                .thenCompose(page -> {
                    synchronized (this) {
                        cursor = page.next();
                    }
                    return page.items().isEmpty() ? nextAsync() : CompletableFuture.completedFuture(page.items());
                });
    }

    private CompletableFuture<List<StoredProfile>> nextByIds() {
        if (position >= ids.length) {
            return CompletableFuture.completedFuture(List.of());
        }
        long[] slice = Arrays.copyOfRange(ids, position, Math.min(ids.length, position + PAGE));
        position += slice.length;
        List<CompletableFuture<Optional<StoredProfile>>> reads = new ArrayList<>(slice.length);
        for (long id : slice) {
            reads.add(Futures.attempt(() -> store.findById(id)));
        }
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenCompose(done -> {
            List<StoredProfile> found = reads.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList();
            return found.isEmpty() ? nextAsync() : CompletableFuture.completedFuture(found);
        });
    }
}
