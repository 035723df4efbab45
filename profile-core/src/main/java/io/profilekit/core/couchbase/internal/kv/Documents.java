package io.profilekit.core.couchbase.internal.kv;

import com.couchbase.client.core.error.AmbiguousTimeoutException;
import com.couchbase.client.core.error.CasMismatchException;
import com.couchbase.client.core.error.CouchbaseException;
import com.couchbase.client.core.error.DocumentExistsException;
import com.couchbase.client.core.error.DocumentNotFoundException;
import com.couchbase.client.core.error.DurabilityAmbiguousException;
import com.couchbase.client.core.error.RequestCanceledException;
import com.couchbase.client.core.msg.kv.DurabilityLevel;
import com.couchbase.client.java.Collection;
import com.couchbase.client.java.codec.RawJsonTranscoder;
import com.couchbase.client.java.kv.GetOptions;
import com.couchbase.client.java.kv.GetResult;
import com.couchbase.client.java.kv.InsertOptions;
import com.couchbase.client.java.kv.MutationResult;
import com.couchbase.client.java.kv.RemoveOptions;
import com.couchbase.client.java.kv.ReplaceOptions;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.couchbase.Durability;
import io.profilekit.core.couchbase.ListingConsistency;
import io.profilekit.core.internal.Futures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Key-value operations on JSON documents as bytes ({@link RawJsonTranscoder}: stored bytes in,
 * stored bytes out, nothing parsed on the way), on the SDK's asynchronous API, with the SDK's
 * errors sorted out once: the outcomes a caller acts on (not found, exists, CAS mismatch) stay
 * SDK exceptions for the caller to handle; every other failure becomes the repository's
 * exception ({@link Failures}).
 *
 * <p>A write the SDK cannot settle (a timeout after sending, a connection closed with the write
 * in flight, an ambiguous durable write) is settled by reading the document back: applied, or
 * not. When even that read fails, the write is {@link UnsettledWriteException unsettled}, and
 * callers keep whatever depends on it.
 */
public final class Documents {

    private static final GetOptions GET = GetOptions.getOptions().transcoder(RawJsonTranscoder.INSTANCE);

    private final Failures failures;
    private final DurabilityLevel durability;
    private final WrittenTokens written;

    /**
     * @param durability applied to every write
     * @param written told of every write, for the listing's consistency
     */
    public Documents(Failures failures, Durability durability, WrittenTokens written) {
        this.failures = failures;
        this.durability = switch (durability) {
            case NONE -> DurabilityLevel.NONE;
            case MAJORITY -> DurabilityLevel.MAJORITY;
            case MAJORITY_AND_PERSIST_TO_ACTIVE -> DurabilityLevel.MAJORITY_AND_PERSIST_TO_ACTIVE;
            case PERSIST_TO_MAJORITY -> DurabilityLevel.PERSIST_TO_MAJORITY;
        };
        this.written = written;
    }

    /** Without durability, for listings that wait for every write. */
    public Documents(Failures failures) {
        this(failures, Durability.NONE, new WrittenTokens(ListingConsistency.REQUEST_PLUS, ""));
    }

    public Failures failures() {
        return failures;
    }

    /** The SDK's durability level for every write. */
    public DurabilityLevel durability() {
        return durability;
    }

    /** The document, or empty when there is none. */
    public CompletableFuture<Optional<GetResult>> get(Collection collection, String key) {
        return Futures.then(Futures.attempt(() -> collection.async().get(key, GET)), (found, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(Optional.of(found));
            }
            if (error instanceof DocumentNotFoundException) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            throw failures.translate(error);
        });
    }

    /** The documents, fetched concurrently; an empty entry where a document does not exist. */
    public CompletableFuture<List<Optional<GetResult>>> getAll(Collection collection, List<String> keys) {
        List<CompletableFuture<Optional<GetResult>>> pending = new ArrayList<>(keys.size());
        for (String key : keys) {
            pending.add(get(collection, key));
        }
        return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .thenApply(done -> pending.stream().map(CompletableFuture::join).toList());
    }

    /**
     * Creates the document; never overwrites one.
     *
     * @return the new document's CAS; fails with {@link DocumentExistsException} when the key
     *     is taken, {@link UnsettledWriteException} when it may or may not have been created
     */
    public CompletableFuture<Long> insert(Collection collection, String key, byte[] json) {
        return insert(collection, key, json, Duration.ZERO);
    }

    /** {@link #insert} of a document the server removes after {@code expiry} (zero: never). */
    public CompletableFuture<Long> insert(Collection collection, String key, byte[] json, Duration expiry) {
        return Futures.then(Futures.attempt(() -> collection.async().insert(key, json, InsertOptions.insertOptions()
                .transcoder(RawJsonTranscoder.INSTANCE).expiry(expiry).durability(durability))), (result, error) -> {
                    if (error == null) {
                        return CompletableFuture.completedFuture(written(collection, result));
                    }
                    if (error instanceof DocumentExistsException) {
                        return CompletableFuture.failedFuture(error);
                    }
                    if (isAmbiguous(error)) {
                        return settleWrite(collection, key, json, (CouchbaseException) error, true);
                    }
                    throw failures.translate(error);
                });
    }

    /**
     * Replaces the document if its CAS is still {@code cas}; the new one never expires.
     *
     * @return the document's new CAS; fails with {@link CasMismatchException} when the document
     *     changed since {@code cas}, {@link DocumentNotFoundException} when there is none,
     *     {@link UnsettledWriteException} when it may or may not have been replaced
     */
    public CompletableFuture<Long> replace(Collection collection, String key, byte[] json, long cas) {
        return replace(collection, key, json, cas, Duration.ZERO);
    }

    /** {@link #replace} with a document the server removes after {@code expiry} (zero: never). */
    public CompletableFuture<Long> replace(Collection collection, String key, byte[] json, long cas, Duration expiry) {
        return Futures.then(Futures.attempt(() -> collection.async().replace(key, json, ReplaceOptions.replaceOptions()
                .cas(cas).transcoder(RawJsonTranscoder.INSTANCE).expiry(expiry).durability(durability))),
                (result, error) -> {
                    if (error == null) {
                        return CompletableFuture.completedFuture(written(collection, result));
                    }
                    if (error instanceof CasMismatchException || error instanceof DocumentNotFoundException) {
                        return CompletableFuture.failedFuture(error);
                    }
                    if (isAmbiguous(error)) {
                        return settleWrite(collection, key, json, (CouchbaseException) error, false);
                    }
                    throw failures.translate(error);
                });
    }

    /**
     * Removes the document if its CAS is still {@code cas} (any CAS when 0).
     *
     * @return fails with {@link CasMismatchException} when the document changed since
     *     {@code cas}, {@link DocumentNotFoundException} when there is none,
     *     {@link UnsettledWriteException} when it may or may not have been removed
     */
    public CompletableFuture<Void> remove(Collection collection, String key, long cas) {
        return Futures.then(Futures.attempt(() -> collection.async().remove(key,
                RemoveOptions.removeOptions().cas(cas).durability(durability))), (result, error) -> {
                    if (error == null) {
                        written(collection, result);
                        return CompletableFuture.completedFuture(null);
                    }
                    if (error instanceof CasMismatchException || error instanceof DocumentNotFoundException) {
                        return CompletableFuture.failedFuture(error);
                    }
                    if (!isAmbiguous(error)) {
                        throw failures.translate(error);
                    }
                    return readBack(collection, key, (CouchbaseException) error).thenApply(now -> {
                        if (now.isPresent()) {
                            throw failures.translate(error);
                        }
                        return null;
                    });
                });
    }

    /** Removes the document if it is still at {@code cas}; does nothing if it changed or is gone. */
    public CompletableFuture<Void> removeIfUnchanged(Collection collection, String key, long cas) {
        return Futures.then(remove(collection, key, cas), (done, error) -> {
            if (error == null || error instanceof CasMismatchException || error instanceof DocumentNotFoundException) {
                // someone else already changed or removed it
                return CompletableFuture.completedFuture(null);
            }
            return CompletableFuture.failedFuture(error);
        });
    }

    /** Removes the document whatever its CAS; does nothing if it is gone. */
    public CompletableFuture<Void> removeIfPresent(Collection collection, String key) {
        return removeIfUnchanged(collection, key, 0);
    }

    private long written(Collection collection, MutationResult result) {
        written.written(collection.name(), result);
        return result.cas();
    }

    /**
     * Whether the SDK gave up on a write it may have sent: it cannot tell whether the server
     * applied it.
     */
    public static boolean isAmbiguous(Throwable error) {
        return error instanceof AmbiguousTimeoutException || error instanceof RequestCanceledException
                || error instanceof DurabilityAmbiguousException;
    }

    /**
     * After an ambiguous insert or replace: the CAS if the document now holds what was written;
     * otherwise it was not applied ({@link DocumentExistsException} for an insert that found
     * another's document, the store unavailable else).
     */
    private CompletableFuture<Long> settleWrite(Collection collection, String key, byte[] json, CouchbaseException e,
            boolean insert) {
        return readBack(collection, key, e).thenApply(now -> {
            if (now.isPresent() && Arrays.equals(now.get().contentAs(byte[].class), json)) {
                return now.get().cas();
            }
            if (insert && now.isPresent()) {
                throw new DocumentExistsException(null);
            }
            throw new StoreUnavailableException("Couchbase did not confirm the write in time and it was not applied", e);
        });
    }

    private CompletableFuture<Optional<GetResult>> readBack(Collection collection, String key,
            CouchbaseException ambiguous) {
        return Futures.then(Futures.attempt(() -> collection.async().get(key, GET)), (found, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(Optional.of(found));
            }
            if (error instanceof DocumentNotFoundException) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            throw failures.unsettled(ambiguous);
        });
    }
}
