package io.profilekit.core.couchbase;

import com.couchbase.client.core.error.CouchbaseException;
import com.couchbase.client.java.Collection;
import com.couchbase.client.java.kv.IncrementOptions;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The counter document that hands out new record ids ({@code counter::user_data}), kept above
 * every record id created through the repository and moved above existing ones by init and
 * reindex. Several instances share it: an increment is atomic on the server.
 */
final class RecordIdCounter {

    private final Collection collection;
    private final Documents documents;

    RecordIdCounter(Collection collection, Documents documents) {
        this.collection = collection;
        this.documents = documents;
    }

    /** The next record id. */
    long next() {
        try {
            return collection.binary().increment(Keys.COUNTER, IncrementOptions.incrementOptions().initial(1)).content();
        } catch (CouchbaseException e) {
            throw documents.translate(e);
        }
    }

    /** Moves the counter up to at least {@code recordId}; never down. */
    void raiseTo(long recordId) {
        long counter = current().orElse(0L);
        if (counter < recordId) {
            try {
                collection.binary().increment(Keys.COUNTER,
                        IncrementOptions.incrementOptions().delta(recordId - counter).initial(recordId));
            } catch (CouchbaseException e) {
                throw documents.translate(e);
            }
        }
    }

    /** The last record id handed out; empty before the first. */
    Optional<Long> current() {
        return documents.get(collection, Keys.COUNTER)
                .map(found -> Long.parseLong(new String(found.contentAs(byte[].class), StandardCharsets.US_ASCII).trim()));
    }

    /** One key-value read of the counter: the path every read takes, for readiness. */
    void ping() {
        documents.get(collection, Keys.COUNTER);
    }

    /** {@link #ping()} without waiting: whether the store answers, told when it does or times out. */
    CompletableFuture<?> pingAsync() {
        return collection.async().get(Keys.COUNTER);
    }
}
