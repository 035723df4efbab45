package io.profilekit.core.couchbase;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Key-value operations on JSON documents as bytes ({@link RawJsonTranscoder}: stored bytes in,
 * stored bytes out, nothing parsed on the way), with the SDK's errors sorted out once: the
 * outcomes a caller acts on (not found, exists, CAS mismatch) stay SDK exceptions for the
 * caller to catch; every other failure becomes the repository's exception ({@link Failures}).
 *
 * <p>A write the SDK cannot settle (a timeout after sending, a connection closed with the write
 * in flight, an ambiguous durable write) is settled by reading the document back: applied, or
 * not. When even that read fails, the write is {@link UnsettledWriteException unsettled}, and
 * callers keep whatever depends on it.
 */
final class Documents {

    private static final GetOptions GET = GetOptions.getOptions().transcoder(RawJsonTranscoder.INSTANCE);

    private final Failures failures;
    private final DurabilityLevel durability;
    private final WrittenTokens written;

    /**
     * @param durability applied to every write
     * @param written told of every write, for the listing's consistency
     */
    Documents(Failures failures, DurabilityLevel durability, WrittenTokens written) {
        this.failures = failures;
        this.durability = durability;
        this.written = written;
    }

    /** Without durability, for listings that wait for every write. */
    Documents(Failures failures) {
        this(failures, DurabilityLevel.NONE, new WrittenTokens(ListingConsistency.REQUEST_PLUS, ""));
    }

    WrittenTokens written() {
        return written;
    }

    /** The repository's exception for an SDK error of an operation outside this class. */
    RuntimeException translate(CouchbaseException error) {
        return failures.translate(error);
    }

    Failures failures() {
        return failures;
    }

    DurabilityLevel durability() {
        return durability;
    }

    /** The document, or empty when there is none. */
    Optional<GetResult> get(Collection collection, String key) {
        try {
            return Optional.of(collection.get(key, GET));
        } catch (DocumentNotFoundException e) {
            return Optional.empty();
        } catch (CouchbaseException e) {
            throw failures.translate(e);
        }
    }

    /** The documents, fetched concurrently; an empty entry where a document does not exist. */
    List<Optional<GetResult>> getAll(Collection collection, List<String> keys) {
        List<CompletableFuture<GetResult>> pending = new ArrayList<>(keys.size());
        for (String key : keys) {
            pending.add(collection.async().get(key, GET));
        }
        List<Optional<GetResult>> results = new ArrayList<>(keys.size());
        for (CompletableFuture<GetResult> future : pending) {
            try {
                results.add(Optional.of(future.join()));
            } catch (CompletionException e) {
                if (e.getCause() instanceof DocumentNotFoundException) {
                    results.add(Optional.empty());
                } else if (e.getCause() instanceof CouchbaseException failure) {
                    throw failures.translate(failure);
                } else {
                    throw e;
                }
            }
        }
        return results;
    }

    /**
     * Creates the document; never overwrites one.
     *
     * @return the new document's CAS
     * @throws DocumentExistsException when the key is taken
     * @throws UnsettledWriteException when it may or may not have been created
     */
    long insert(Collection collection, String key, byte[] json) {
        return insert(collection, key, json, Duration.ZERO);
    }

    /** {@link #insert} of a document the server removes after {@code expiry} (zero: never). */
    long insert(Collection collection, String key, byte[] json, Duration expiry) {
        try {
            MutationResult result = collection.insert(key, json, InsertOptions.insertOptions()
                    .transcoder(RawJsonTranscoder.INSTANCE).expiry(expiry).durability(durability));
            written.written(collection.name(), result);
            return result.cas();
        } catch (DocumentExistsException e) {
            throw e;
        } catch (CouchbaseException e) {
            if (isAmbiguous(e)) {
                return settleWrite(collection, key, json, e, true);
            }
            throw failures.translate(e);
        }
    }

    /**
     * Replaces the document if its CAS is still {@code cas}; the new one never expires.
     *
     * @return the document's new CAS
     * @throws CasMismatchException when the document changed since {@code cas}
     * @throws DocumentNotFoundException when there is no document
     * @throws UnsettledWriteException when it may or may not have been replaced
     */
    long replace(Collection collection, String key, byte[] json, long cas) {
        return replace(collection, key, json, cas, Duration.ZERO);
    }

    /** {@link #replace} with a document the server removes after {@code expiry} (zero: never). */
    long replace(Collection collection, String key, byte[] json, long cas, Duration expiry) {
        try {
            MutationResult result = collection.replace(key, json, ReplaceOptions.replaceOptions()
                    .cas(cas).transcoder(RawJsonTranscoder.INSTANCE).expiry(expiry).durability(durability));
            written.written(collection.name(), result);
            return result.cas();
        } catch (CasMismatchException | DocumentNotFoundException e) {
            throw e;
        } catch (CouchbaseException e) {
            if (isAmbiguous(e)) {
                return settleWrite(collection, key, json, e, false);
            }
            throw failures.translate(e);
        }
    }

    /**
     * Removes the document if its CAS is still {@code cas} (any CAS when 0).
     *
     * @throws CasMismatchException when the document changed since {@code cas}
     * @throws DocumentNotFoundException when there is no document
     * @throws UnsettledWriteException when it may or may not have been removed
     */
    void remove(Collection collection, String key, long cas) {
        try {
            written.written(collection.name(),
                    collection.remove(key, RemoveOptions.removeOptions().cas(cas).durability(durability)));
        } catch (CasMismatchException | DocumentNotFoundException e) {
            throw e;
        } catch (CouchbaseException e) {
            if (!isAmbiguous(e)) {
                throw failures.translate(e);
            }
            if (readBack(collection, key, e).isPresent()) {
                throw failures.translate(e);
            }
        }
    }

    /** Removes the document if it is still at {@code cas}; does nothing if it changed or is gone. */
    void removeIfUnchanged(Collection collection, String key, long cas) {
        try {
            remove(collection, key, cas);
        } catch (CasMismatchException | DocumentNotFoundException e) {
            // someone else already changed or removed it
        }
    }

    /** Removes the document whatever its CAS; does nothing if it is gone. */
    void removeIfPresent(Collection collection, String key) {
        removeIfUnchanged(collection, key, 0);
    }

    /**
     * Whether the SDK gave up on a write it may have sent: it cannot tell whether the server
     * applied it.
     */
    static boolean isAmbiguous(CouchbaseException error) {
        return error instanceof AmbiguousTimeoutException || error instanceof RequestCanceledException
                || error instanceof DurabilityAmbiguousException;
    }

    /**
     * After an ambiguous insert or replace: the CAS if the document now holds what was written;
     * otherwise it was not applied ({@link DocumentExistsException} for an insert that found
     * another's document, the store unavailable else).
     */
    private long settleWrite(Collection collection, String key, byte[] json, CouchbaseException e, boolean insert) {
        Optional<GetResult> now = readBack(collection, key, e);
        if (now.isPresent() && Arrays.equals(now.get().contentAs(byte[].class), json)) {
            return now.get().cas();
        }
        if (insert && now.isPresent()) {
            throw new DocumentExistsException(null);
        }
        throw new StoreUnavailableException("Couchbase did not confirm the write in time and it was not applied", e);
    }

    private Optional<GetResult> readBack(Collection collection, String key, CouchbaseException ambiguous) {
        try {
            return Optional.of(collection.get(key, GET));
        } catch (DocumentNotFoundException e) {
            return Optional.empty();
        } catch (CouchbaseException e) {
            throw failures.unsettled(ambiguous);
        }
    }
}
