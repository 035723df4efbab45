package io.profilekit.core.couchbase.internal.kv;

import com.couchbase.client.java.Collection;
import com.couchbase.client.java.kv.IncrementOptions;
import io.profilekit.core.internal.Futures;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The counter document that hands out new record ids ({@code counter::user_data}), kept above
 * every record id created through the repository and moved above existing ones by init and
 * reindex. Several instances share it: an increment is atomic on the server.
 */
public final class RecordIdCounter {

    private final Collection collection;
    private final Documents documents;

    public RecordIdCounter(Collection collection, Documents documents) {
        this.collection = collection;
        this.documents = documents;
    }

    /** The next record id. */
    public CompletableFuture<Long> next() {
        return increment(IncrementOptions.incrementOptions().initial(1));
    }

    /** Moves the counter up to at least {@code recordId}; never down. */
    public CompletableFuture<Void> raiseTo(long recordId) {
        return current().thenCompose(counter -> counter.orElse(0L) >= recordId
                ? CompletableFuture.completedFuture(null)
                : increment(IncrementOptions.incrementOptions().delta(recordId - counter.orElse(0L)).initial(recordId))
                        .thenApply(raised -> null));
    }

    /** The last record id handed out; empty before the first. */
    public CompletableFuture<Optional<Long>> current() {
        return documents.get(collection, Keys.COUNTER).thenApply(found -> found.map(counter ->
                Long.parseLong(new String(counter.contentAs(byte[].class), StandardCharsets.US_ASCII).trim())));
    }

    private CompletableFuture<Long> increment(IncrementOptions options) {
        return Futures.attempt(() -> collection.async().binary().increment(Keys.COUNTER, options))
                .handle((result, error) -> {
                    if (error != null) {
                        throw documents.failures().translate(error);
                    }
                    return result.content();
                });
    }
}
