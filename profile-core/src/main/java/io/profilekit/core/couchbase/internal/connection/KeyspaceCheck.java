package io.profilekit.core.couchbase.internal.connection;

import com.couchbase.client.core.error.CouchbaseException;
import com.couchbase.client.core.error.DocumentNotFoundException;
import com.couchbase.client.core.error.FeatureNotAvailableException;
import com.couchbase.client.core.io.CollectionIdentifier;
import com.couchbase.client.java.Cluster;
import com.couchbase.client.java.Collection;
import com.couchbase.client.java.kv.GetOptions;
import com.couchbase.client.java.kv.RemoveOptions;
import io.profilekit.core.StoreConfigurationException;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.couchbase.CouchbaseKeyspace;
import io.profilekit.core.couchbase.CouchbaseSettings;
import io.profilekit.core.couchbase.internal.kv.Failures;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Checks, once the bucket answers, that the keyspace's scope and every collection exist and
 * that the user may read and write each: a get and a remove of a key that does not exist, so
 * nothing is written. Without it, the SDK retries a missing collection until every request's
 * timeout and never says why.
 */
public final class KeyspaceCheck {

    /** A key profilekit never stores; reading and removing it touches no data. */
    public static final String PROBE_KEY = "profilekit::keyspace-check";
    private static final long POLL_MILLIS = 20;

    private final Cluster cluster;
    private final CouchbaseSettings settings;
    private final ConnectionProblems problems;

    public KeyspaceCheck(Cluster cluster, CouchbaseSettings settings, ConnectionProblems problems) {
        this.cluster = cluster;
        this.settings = settings;
        this.problems = problems;
    }

    /** @throws StoreConfigurationException naming the first scope, collection or permission missing */
    public void verify() {
        for (String name : settings.keyspace().collections()) {
            verify(name);
        }
    }

    /** Checks one collection of the keyspace's scope. */
    public void verify(String name) {
        CouchbaseKeyspace keyspace = settings.keyspace();
        Collection collection = cluster.bucket(keyspace.bucket()).scope(keyspace.scope()).collection(name);
        CollectionIdentifier id = new CollectionIdentifier(keyspace.bucket(), Optional.of(keyspace.scope()),
                Optional.of(name));
        await(collection.async().get(PROBE_KEY, GetOptions.getOptions().timeout(settings.kvTimeout())), id);
        await(collection.async().remove(PROBE_KEY, RemoveOptions.removeOptions().timeout(settings.kvTimeout())), id);
    }

    private void await(CompletableFuture<?> probe, CollectionIdentifier id) {
        while (true) {
            Optional<String> missing = problems.missing(id);
            if (missing.isPresent()) {
                probe.cancel(true);
                throw StoreConfigurationException.misconfigured(missingMessage(missing.get(),
                        id.collection().orElseThrow()), null);
            }
            try {
                probe.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                return;
            } catch (java.util.concurrent.TimeoutException stillWaiting) {
                // the SDK retries a collection it cannot resolve; its event says why
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof DocumentNotFoundException)) {
                    throw failed(e.getCause());
                }
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailableException("interrupted while checking the Couchbase keyspace", e);
            }
        }
    }

    private RuntimeException failed(Throwable error) {
        if (error instanceof FeatureNotAvailableException) {
            return StoreConfigurationException.misconfigured(notDefault() + " cannot exist on Couchbase at "
                    + settings.connectionString() + ", which has no scopes or collections (a server before 7.0, or "
                    + "a mock): set the scope and every collection to _default, or use Couchbase Server 7 or Capella",
                    error);
        }
        if (error instanceof CouchbaseException) {
            return new Failures(settings.username()).translate(error);
        }
        return new StoreUnavailableException("Couchbase could not check the keyspace", error);
    }

    /** The keyspace's names other than {@code _default}, for the message of a server without collections. */
    private String notDefault() {
        CouchbaseKeyspace keyspace = settings.keyspace();
        List<String> names = new ArrayList<>();
        if (!CouchbaseKeyspace.DEFAULT.equals(keyspace.scope())) {
            names.add("scope '" + keyspace.scope() + "'");
        }
        for (String collection : keyspace.collections()) {
            if (!CouchbaseKeyspace.DEFAULT.equals(collection)) {
                names.add("collection '" + collection + "'");
            }
        }
        return String.join(", ", names);
    }

    private String missingMessage(String what, String collection) {
        CouchbaseKeyspace keyspace = settings.keyspace();
        String name = "scope".equals(what)
                ? "scope '" + keyspace.scope() + "' in bucket '" + keyspace.bucket() + "'"
                : "collection '" + keyspace.scope() + "." + collection + "' in bucket '" + keyspace.bucket() + "'";
        return name + " does not exist, or " + new Failures(settings.username()).user() + " has no role on it: "
                + Failures.RUN_INIT + ", or check the scope and collection settings";
    }
}
