package io.profilekit.core.couchbase;

import com.couchbase.client.core.error.AmbiguousTimeoutException;
import com.couchbase.client.core.error.CasMismatchException;
import com.couchbase.client.core.error.CouchbaseException;
import com.couchbase.client.core.error.DocumentExistsException;
import com.couchbase.client.core.error.DocumentNotFoundException;
import com.couchbase.client.java.Collection;
import com.couchbase.client.java.codec.RawJsonTranscoder;
import com.couchbase.client.java.kv.GetOptions;
import com.couchbase.client.java.kv.GetResult;
import com.couchbase.client.java.kv.InsertOptions;
import com.couchbase.client.java.kv.RemoveOptions;
import com.couchbase.client.java.kv.ReplaceOptions;
import io.profilekit.core.StoreUnavailableException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Key-value operations on JSON documents as bytes ({@link RawJsonTranscoder}: stored bytes in,
 * stored bytes out, nothing parsed on the way), with the SDK's errors sorted out once:
 * the outcomes a caller acts on (not found, exists, CAS mismatch) stay SDK exceptions for the
 * caller to catch; every other failure becomes the repository's exception ({@link Failures}).
 *
 * <p>A write that timed out after it was sent may or may not have happened; it is resolved by
 * reading the document back before answering.
 */
final class Documents {

    private static final GetOptions GET = GetOptions.getOptions().transcoder(RawJsonTranscoder.INSTANCE);
    private static final InsertOptions INSERT = InsertOptions.insertOptions().transcoder(RawJsonTranscoder.INSTANCE);

    private final Failures failures;

    Documents(Failures failures) {
        this.failures = failures;
    }

    /** The repository's exception for an SDK error of an operation outside this class. */
    RuntimeException translate(CouchbaseException error) {
        return failures.translate(error);
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
     */
    long insert(Collection collection, String key, byte[] json) {
        try {
            return collection.insert(key, json, INSERT).cas();
        } catch (AmbiguousTimeoutException e) {
            return confirmWritten(collection, key, json, e);
        } catch (DocumentExistsException e) {
            throw e;
        } catch (CouchbaseException e) {
            throw failures.translate(e);
        }
    }

    /**
     * Replaces the document if its CAS is still {@code cas}.
     *
     * @return the document's new CAS
     * @throws CasMismatchException when the document changed since {@code cas}
     * @throws DocumentNotFoundException when there is no document
     */
    long replace(Collection collection, String key, byte[] json, long cas) {
        try {
            return collection.replace(key, json, ReplaceOptions.replaceOptions()
                    .cas(cas).transcoder(RawJsonTranscoder.INSTANCE)).cas();
        } catch (AmbiguousTimeoutException e) {
            return confirmWritten(collection, key, json, e);
        } catch (CasMismatchException | DocumentNotFoundException e) {
            throw e;
        } catch (CouchbaseException e) {
            throw failures.translate(e);
        }
    }

    /**
     * Removes the document if its CAS is still {@code cas}.
     *
     * @throws CasMismatchException when the document changed since {@code cas}
     * @throws DocumentNotFoundException when there is no document
     */
    void remove(Collection collection, String key, long cas) {
        try {
            collection.remove(key, RemoveOptions.removeOptions().cas(cas));
        } catch (AmbiguousTimeoutException e) {
            if (get(collection, key).isPresent()) {
                throw failures.translate(e);
            }
        } catch (CasMismatchException | DocumentNotFoundException e) {
            throw e;
        } catch (CouchbaseException e) {
            throw failures.translate(e);
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

    /** After an ambiguous write: the CAS if the document now holds what was written, else failure. */
    private long confirmWritten(Collection collection, String key, byte[] json, AmbiguousTimeoutException e) {
        Optional<GetResult> now = get(collection, key);
        if (now.isPresent() && Arrays.equals(now.get().contentAs(byte[].class), json)) {
            return now.get().cas();
        }
        throw new StoreUnavailableException("Couchbase did not confirm the write in time and it was not applied", e);
    }
}
