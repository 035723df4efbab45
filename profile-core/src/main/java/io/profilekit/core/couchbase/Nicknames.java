package io.profilekit.core.couchbase;

import com.couchbase.client.core.error.CouchbaseException;
import com.couchbase.client.core.error.DocumentNotFoundException;
import com.couchbase.client.core.error.subdoc.PathNotFoundException;
import com.couchbase.client.java.Collection;
import com.couchbase.client.java.kv.LookupInResult;
import com.couchbase.client.java.kv.LookupInSpec;
import com.couchbase.client.java.kv.MutateInOptions;
import com.couchbase.client.java.kv.MutateInSpec;
import com.couchbase.client.java.kv.StoreSemantics;
import java.util.List;
import java.util.TreeSet;

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
final class Nicknames {

    private final Collection collection;
    private final Documents documents;

    Nicknames(Collection collection, Documents documents) {
        this.collection = collection;
        this.documents = documents;
    }

    /** The record ids the nickname's entry names, in order. */
    List<Long> entries(String nickname) {
        LookupInResult found;
        try {
            found = collection.lookupIn(Keys.nickname(nickname), List.of(LookupInSpec.get("profiles")));
        } catch (DocumentNotFoundException absent) {
            return List.of();
        } catch (CouchbaseException e) {
            throw documents.translate(e);
        }
        if (!found.exists(0)) {
            return List.of();
        }
        TreeSet<Long> ids = new TreeSet<>();
        for (String id : found.contentAsObject(0).getNames()) {
            ids.add(Long.parseLong(id));
        }
        return List.copyOf(ids);
    }

    /** Whether the nickname's entry names {@code recordId}. */
    boolean names(String nickname, long recordId) {
        try {
            return collection.lookupIn(Keys.nickname(nickname), List.of(LookupInSpec.exists(path(recordId)))).exists(0);
        } catch (DocumentNotFoundException absent) {
            return false;
        } catch (CouchbaseException e) {
            throw documents.translate(e);
        }
    }

    /** Adds {@code recordId} to the nickname's entry (creating it); idempotent. */
    void add(String nickname, long recordId) {
        try {
            collection.mutateIn(Keys.nickname(nickname), List.of(MutateInSpec.upsert(path(recordId), 1).createPath()),
                    MutateInOptions.mutateInOptions().storeSemantics(StoreSemantics.UPSERT)
                            .durability(documents.durability()));
        } catch (CouchbaseException e) {
            throw Documents.isAmbiguous(e) ? documents.failures().unsettled(e) : documents.translate(e);
        }
    }

    /**
     * Removes {@code recordId} from the nickname's entry, and the entry itself once it names no
     * profile (unless one was added meanwhile); nothing to do when it is not there.
     */
    void remove(String nickname, long recordId) {
        String key = Keys.nickname(nickname);
        try {
            collection.mutateIn(key, List.of(MutateInSpec.remove(path(recordId))),
                    MutateInOptions.mutateInOptions().durability(documents.durability()));
            LookupInResult left = collection.lookupIn(key, List.of(LookupInSpec.count("profiles")));
            if (left.contentAs(0, Integer.class) == 0) {
                documents.removeIfUnchanged(collection, key, left.cas());
            }
        } catch (DocumentNotFoundException | PathNotFoundException absent) {
            // nothing to remove
        } catch (CouchbaseException e) {
            throw Documents.isAmbiguous(e) ? documents.failures().unsettled(e) : documents.translate(e);
        }
    }

    private static String path(long recordId) {
        return "profiles." + recordId;
    }
}
