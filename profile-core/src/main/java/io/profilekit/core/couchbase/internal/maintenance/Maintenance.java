package io.profilekit.core.couchbase.internal.maintenance;

import com.couchbase.client.core.config.BucketConfig;
import com.couchbase.client.core.config.NodeInfo;
import com.couchbase.client.core.service.ServiceType;
import com.couchbase.client.java.Cluster;
import com.couchbase.client.java.json.JsonObject;
import io.profilekit.core.StoreConfigurationException;
import io.profilekit.core.couchbase.CouchbaseKeyspace;
import io.profilekit.core.couchbase.internal.connection.ClusterServices;
import io.profilekit.core.couchbase.internal.kv.Failures;
import io.profilekit.core.couchbase.internal.kv.RecordIdCounter;
import io.profilekit.core.couchbase.internal.query.QueryRunner;
import io.profilekit.core.couchbase.internal.query.Statements;
import io.profilekit.core.internal.Futures;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Preparing a keyspace: creates what is missing (scope, collections, SQL++ and Search indexes),
 * waits for it, then moves the record id counter above the highest record id. Safe to run again.
 */
public final class Maintenance {

    private final Cluster cluster;
    private final CouchbaseKeyspace keyspace;
    private final CollectionSetup collections;
    private final IndexSetup indexes;
    private final SearchIndexSetup search;
    private final RecordIdCounter counter;
    private final QueryRunner queries;
    private final Statements statements;

    public Maintenance(Cluster cluster, CouchbaseKeyspace keyspace, RecordIdCounter counter, QueryRunner queries,
            Statements statements, Failures failures, Duration ddlTimeout) {
        Waiting waiting = new Waiting(ddlTimeout);
        this.cluster = cluster;
        this.keyspace = keyspace;
        this.collections = new CollectionSetup(cluster, keyspace, failures, waiting);
        this.indexes = new IndexSetup(queries, statements, failures, waiting);
        this.search = new SearchIndexSetup(cluster, keyspace, failures, waiting);
        this.counter = counter;
        this.queries = queries;
        this.statements = statements;
    }

    /** @param progress told each step, and every few seconds while waiting */
    public void init(Consumer<String> progress) {
        BucketConfig config = cluster.core().clusterConfig().bucketConfig(keyspace.bucket());
        if (config != null && !runsQueryService(config.nodes())) {
            throw StoreConfigurationException.lacksService("the cluster runs no query service, and init needs one (with"
                    + " an index service) to create its indexes: add both services to a node, then run init again",
                    null);
        }
        List<String> created = keyspace.isDefaultCollection() ? List.of() : collections.ensure(progress);
        indexes.ensure(!created.isEmpty(), progress);
        search.ensure(progress);
        List<Long> highest = queries.rows(statements.highestRecordId, JsonObject.create(), Long.class);
        long top = highest.isEmpty() || highest.get(0) == null ? 0 : highest.get(0);
        Futures.join(counter.raiseTo(top));
        progress.accept("record id counter is above the highest record id (" + top + ")");
    }

    /** Whether any of {@code nodes} runs the query service, with or without TLS. */
    public static boolean runsQueryService(List<NodeInfo> nodes) {
        return ClusterServices.anyRuns(nodes, ServiceType.QUERY);
    }
}
