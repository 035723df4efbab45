package io.profilekit.core.couchbase;

import com.couchbase.client.core.error.CollectionExistsException;
import com.couchbase.client.core.error.CouchbaseException;
import com.couchbase.client.core.error.ScopeExistsException;
import com.couchbase.client.java.Cluster;
import com.couchbase.client.java.Collection;
import com.couchbase.client.java.json.JsonObject;
import com.couchbase.client.java.kv.GetResult;
import com.couchbase.client.java.manager.collection.CollectionManager;
import io.profilekit.core.InvalidProfileException;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileConflictException;
import io.profilekit.core.StoreUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Preparing a keyspace ({@link #init}) and writing the lookup documents of profiles other tools
 * stored ({@link #reindex}). Both are safe to run again.
 */
final class Maintenance {

    private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);
    private static final int REINDEX_PAGE = 500;

    private final Cluster cluster;
    private final CouchbaseKeyspace keyspace;
    private final Collection profiles;
    private final Documents documents;
    private final Lookups lookups;
    private final ProfileReads reads;
    private final RecordIdCounter counter;
    private final QueryRunner queries;
    private final Statements statements;

    Maintenance(Cluster cluster, CouchbaseKeyspace keyspace, Collection profiles, Documents documents,
            Lookups lookups, ProfileReads reads, RecordIdCounter counter, QueryRunner queries, Statements statements) {
        this.cluster = cluster;
        this.keyspace = keyspace;
        this.profiles = profiles;
        this.documents = documents;
        this.lookups = lookups;
        this.reads = reads;
        this.counter = counter;
        this.queries = queries;
        this.statements = statements;
    }

    void init() {
        if (!keyspace.isDefaultCollection()) {
            createCollections();
        }
        for (String index : statements.indexes) {
            runWhenKeyspaceIsVisible(index);
        }
        List<Long> highest = queries.rows(statements.highestRecordId, JsonObject.create(), Long.class);
        if (!highest.isEmpty() && highest.get(0) != null) {
            counter.raiseTo(highest.get(0));
        }
    }

    ReindexReport reindex(LongConsumer progress) {
        long after = 0;
        long done = 0;
        long unreadable = 0;
        List<String> duplicates = new ArrayList<>();
        while (true) {
            List<String> keys = queries.rows(statements.list,
                    JsonObject.create().put("after", after).put("limit", REINDEX_PAGE), String.class);
            if (keys.isEmpty()) {
                break;
            }
            List<Optional<GetResult>> found = documents.getAll(profiles, keys);
            for (int i = 0; i < keys.size(); i++) {
                long id = Keys.recordIdOf(keys.get(i));
                after = Math.max(after, id);
                if (found.get(i).isEmpty()) {
                    continue;
                }
                Profile profile;
                try {
                    profile = ProfileReads.stored(id, found.get(i).get()).profile();
                } catch (InvalidProfileException e) {
                    unreadable++;
                    continue;
                }
                if (profile.userId() != null && !profile.userId().isBlank()) {
                    try {
                        lookups.claimUsername(profile.userId(), id, reads::holdsUsername);
                    } catch (ProfileConflictException duplicate) {
                        duplicates.add(profile.userId());
                    }
                }
                if (profile.nickname() != null) {
                    lookups.addNickname(profile.nickname(), id);
                }
                done++;
            }
            progress.accept(done);
        }
        counter.raiseTo(after);
        return new ReindexReport(done, unreadable, List.copyOf(new LinkedHashSet<>(duplicates)));
    }

    private void createCollections() {
        CollectionManager manager = cluster.bucket(keyspace.bucket()).collections();
        try {
            if (!CouchbaseKeyspace.DEFAULT.equals(keyspace.scope())) {
                try {
                    manager.createScope(keyspace.scope());
                    LOG.info("Created scope {}", keyspace.scope());
                } catch (ScopeExistsException exists) {
                    LOG.debug("Scope {} exists", keyspace.scope());
                }
            }
            for (String name : new LinkedHashSet<>(List.of(keyspace.profiles(), keyspace.images(), keyspace.auth()))) {
                if (CouchbaseKeyspace.DEFAULT.equals(name)) {
                    continue;
                }
                try {
                    manager.createCollection(keyspace.scope(), name);
                    LOG.info("Created collection {}.{}", keyspace.scope(), name);
                } catch (CollectionExistsException exists) {
                    LOG.debug("Collection {}.{} exists", keyspace.scope(), name);
                }
            }
        } catch (CouchbaseException e) {
            throw Failures.unavailable(e);
        }
    }

    /** New collections take a moment to reach the query service; DDL on them is retried meanwhile. */
    private void runWhenKeyspaceIsVisible(String statement) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                queries.execute(statement);
                return;
            } catch (StoreUnavailableException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                sleep(Duration.ofSeconds(1));
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for Couchbase", e);
        }
    }
}
