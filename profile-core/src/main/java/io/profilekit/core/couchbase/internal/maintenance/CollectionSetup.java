package io.profilekit.core.couchbase.internal.maintenance;

import com.couchbase.client.core.error.CollectionExistsException;
import com.couchbase.client.core.error.CouchbaseException;
import com.couchbase.client.core.error.DocumentNotFoundException;
import com.couchbase.client.core.error.ScopeExistsException;
import com.couchbase.client.core.error.TimeoutException;
import com.couchbase.client.core.retry.RetryReason;
import com.couchbase.client.java.Cluster;
import com.couchbase.client.java.kv.GetOptions;
import com.couchbase.client.java.manager.collection.CollectionManager;
import com.couchbase.client.java.manager.collection.CollectionSpec;
import com.couchbase.client.java.manager.collection.ScopeSpec;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.couchbase.CouchbaseKeyspace;
import io.profilekit.core.couchbase.internal.connection.KeyspaceCheck;
import io.profilekit.core.couchbase.internal.kv.Failures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The scope and collections of {@code init}, for least privilege: reads the bucket's manifest,
 * creates only what is missing (so a user who may not manage scopes can run init once an
 * administrator created them), and waits until every collection accepts key-value requests.
 */
public final class CollectionSetup {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final Cluster cluster;
    private final CouchbaseKeyspace keyspace;
    private final Failures failures;
    private final Waiting waiting;

    CollectionSetup(Cluster cluster, CouchbaseKeyspace keyspace, Failures failures, Waiting waiting) {
        this.cluster = cluster;
        this.keyspace = keyspace;
        this.failures = failures;
        this.waiting = waiting;
    }

    /** @return the collections this run created: the query service may not see them yet */
    List<String> ensure(Consumer<String> progress) {
        CollectionManager manager = cluster.bucket(keyspace.bucket()).collections();
        Optional<Map<String, Set<String>>> manifest = manifest(manager);
        List<String> created = new ArrayList<>();
        if (!CouchbaseKeyspace.DEFAULT.equals(keyspace.scope())
                && manifest.map(scopes -> !scopes.containsKey(keyspace.scope())).orElse(true)) {
            create(() -> manager.createScope(keyspace.scope()), "scope '" + keyspace.scope() + "'",
                    manifest.isPresent(), progress);
        }
        Set<String> existing = manifest.map(scopes -> scopes.getOrDefault(keyspace.scope(), Set.of()))
                .orElse(Set.of());
        for (String name : keyspace.collections()) {
            if (!CouchbaseKeyspace.DEFAULT.equals(name) && !existing.contains(name)
                    && create(() -> manager.createCollection(keyspace.scope(), name),
                            "collection '" + keyspace.scope() + "." + name + "'", manifest.isPresent(), progress)) {
                created.add(name);
            }
        }
        for (String name : keyspace.collections()) {
            awaitKeyValue(name, progress);
        }
        return created;
    }

    /** The bucket's scopes and their collections; empty when this user may not read them. */
    private Optional<Map<String, Set<String>>> manifest(CollectionManager manager) {
        try {
            Map<String, Set<String>> scopes = new HashMap<>();
            for (ScopeSpec scope : manager.getAllScopes()) {
                Set<String> names = new HashSet<>();
                scope.collections().stream().map(CollectionSpec::name).forEach(names::add);
                scopes.put(scope.name(), names);
            }
            return Optional.of(scopes);
        } catch (CouchbaseException e) {
            if (Failures.httpStatus(e) == 403) {
                return Optional.empty();
            }
            throw failures.translate(e);
        }
    }

    /**
     * Creates a scope or collection. Known missing and refused (HTTP 403) is the end; unknown
     * (the manifest was unreadable) and refused is left to {@link #awaitKeyValue} to tell.
     *
     * @return whether this call created it
     */
    private boolean create(Runnable creation, String what, boolean knownMissing, Consumer<String> progress) {
        try {
            creation.run();
            progress.accept("created " + what);
            return true;
        } catch (ScopeExistsException | CollectionExistsException exists) {
            return false;
        } catch (CouchbaseException e) {
            if (Failures.httpStatus(e) == 403 && !knownMissing) {
                return false;
            }
            if (Failures.httpStatus(e) == 403) {
                throw new StoreUnavailableException(what + " does not exist in bucket '" + keyspace.bucket()
                        + "' and " + failures.user() + " may not create it: an administrator creates it, or "
                        + "grants the Manage Scopes role (docs/couchbase.md, roles)", e);
            }
            throw failures.translate(e);
        }
    }

    /** Waits until the collection answers a key-value read: a new one takes a moment to reach every node. */
    private void awaitKeyValue(String name, Consumer<String> progress) {
        var collection = cluster.bucket(keyspace.bucket()).scope(keyspace.scope()).collection(name);
        String what = "collection '" + keyspace.scope() + "." + name + "'";
        waiting.until(what + " to accept key-value requests", progress, () -> {
            try {
                collection.get(KeyspaceCheck.PROBE_KEY, GetOptions.getOptions().timeout(PROBE_TIMEOUT));
                return true;
            } catch (DocumentNotFoundException absent) {
                return true;
            } catch (TimeoutException e) {
                if (e.context() != null && e.context().requestContext() != null
                        && e.retryReasons().contains(RetryReason.COLLECTION_NOT_FOUND)) {
                    return false;
                }
                throw failures.translate(e);
            } catch (CouchbaseException e) {
                throw failures.translate(e);
            }
        }, () -> what + " does not exist, or " + failures.user() + " has no role on it, and init could not "
                + "create it: an administrator creates it, or grants the Manage Scopes role (docs/couchbase.md, roles)");
    }
}
