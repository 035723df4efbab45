package io.profilekit.core.couchbase.internal.lookups;

import com.couchbase.client.core.error.CouchbaseException;
import com.couchbase.client.core.error.DocumentNotFoundException;
import com.couchbase.client.core.error.subdoc.PathNotFoundException;
import com.couchbase.client.java.Collection;
import com.couchbase.client.java.kv.LookupInResult;
import com.couchbase.client.java.kv.LookupInSpec;
import com.couchbase.client.java.kv.MutateInOptions;
import com.couchbase.client.java.kv.MutateInSpec;
import com.couchbase.client.java.kv.StoreSemantics;
import io.profilekit.core.couchbase.internal.kv.Documents;
import io.profilekit.core.couchbase.internal.kv.Keys;
import io.profilekit.core.internal.Futures;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * The nickname entries: {@code lookup::nickname::<nickname>} holds
 * {@code {"profiles":{"<id>":1,...}}}, one path per profile that has the nickname. Each change is
 * one sub-document mutation of one path, applied by the server, so writers sharing a common
 * nickname never contend; a read fetches the {@code profiles} path alone.
 *
 * <p>Entries are written before the profile and removed after it, so a reader never misses a
 * profile that has the nickname; readers check each entry against its profile and ignore the
 * stale ones, which repairs remove later.
 */
public final class Nicknames {

    private final Collection collection;
    private final Documents documents;

    public Nicknames(Collection collection, Documents documents) {
        this.collection = collection;
        this.documents = documents;
    }

    /** The record ids the nickname's entry names, in order. */
    public CompletableFuture<List<Long>> entries(String nickname) {
        return lookup(nickname, LookupInSpec.get("profiles")).thenApply(found -> {
            if (found == null || !found.exists(0)) {
                return List.of();
            }
            TreeSet<Long> ids = new TreeSet<>();
            for (String id : found.contentAsObject(0).getNames()) {
                ids.add(Long.parseLong(id));
            }
            return List.copyOf(ids);
        });
    }

    /** Whether the nickname's entry names {@code recordId}. */
    public CompletableFuture<Boolean> names(String nickname, long recordId) {
        return lookup(nickname, LookupInSpec.exists(path(recordId))).thenApply(found -> found != null && found.exists(0));
    }

    /** One path of the nickname's entry; {@code null} when there is no entry. */
    private CompletableFuture<LookupInResult> lookup(String nickname, LookupInSpec spec) {
        return Futures.attempt(() -> collection.async().lookupIn(Keys.nickname(nickname), List.of(spec)))
                .handle((found, error) -> {
                    if (error == null) {
                        return found;
                    }
                    if (Futures.unwrap(error) instanceof DocumentNotFoundException) {
                        return null;
                    }
                    throw documents.failures().translate(error);
                });
    }

    /** Adds {@code recordId} to the nickname's entry (creating it); idempotent. */
    public CompletableFuture<Void> add(String nickname, long recordId) {
        return Futures.attempt(() -> collection.async().mutateIn(Keys.nickname(nickname),
                List.of(MutateInSpec.upsert(path(recordId), 1).createPath()),
                MutateInOptions.mutateInOptions().storeSemantics(StoreSemantics.UPSERT)
                        .durability(documents.durability())))
                .handle((done, error) -> {
                    if (error != null) {
                        throw failure(error);
                    }
                    return null;
                });
    }

    /**
     * Removes {@code recordId} from the nickname's entry, and the entry itself once it names no
     * profile (unless one was added meanwhile); nothing to do when it is not there.
     */
    public CompletableFuture<Void> remove(String nickname, long recordId) {
        String key = Keys.nickname(nickname);
        return Futures.attempt(() -> collection.async().mutateIn(key, List.of(MutateInSpec.remove(path(recordId))),
                        MutateInOptions.mutateInOptions().durability(documents.durability())))
                .thenCompose(removed -> collection.async().lookupIn(key, List.of(LookupInSpec.count("profiles"))))
                .thenCompose(left -> left.contentAs(0, Integer.class) == 0
                        ? documents.removeIfUnchanged(collection, key, left.cas())
                        : CompletableFuture.<Void>completedFuture(null))
                .handle((done, error) -> {
                    Throwable cause = error == null ? null : Futures.unwrap(error);
                    if (cause == null || cause instanceof DocumentNotFoundException
                            || cause instanceof PathNotFoundException) {
                        return null; // nothing (more) to remove
                    }
                    throw failure(cause);
                });
    }

    private RuntimeException failure(Throwable error) {
        Throwable cause = Futures.unwrap(error);
        return Documents.isAmbiguous(cause) ? documents.failures().unsettled((CouchbaseException) cause)
                : documents.failures().translate(cause);
    }

    private static String path(long recordId) {
        return "profiles." + recordId;
    }
}
