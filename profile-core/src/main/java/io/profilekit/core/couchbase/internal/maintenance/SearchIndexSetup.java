package io.profilekit.core.couchbase.internal.maintenance;

import com.couchbase.client.core.error.CouchbaseException;
import com.couchbase.client.core.error.IndexNotFoundException;
import com.couchbase.client.core.service.ServiceType;
import com.couchbase.client.java.Cluster;
import com.couchbase.client.java.manager.search.ScopeSearchIndexManager;
import io.profilekit.core.couchbase.CouchbaseKeyspace;
import io.profilekit.core.couchbase.internal.connection.ClusterServices;
import io.profilekit.core.couchbase.internal.kv.Failures;
import io.profilekit.core.couchbase.internal.search.SearchIndexDefinition;
import java.util.function.Consumer;

/**
 * Creates profilekit's Search index when it is missing, and waits until it answers. Search is
 * optional: on a cluster without the Search service, init says so and goes on.
 */
final class SearchIndexSetup {

    private final Cluster cluster;
    private final CouchbaseKeyspace keyspace;
    private final Failures failures;
    private final Waiting waiting;

    SearchIndexSetup(Cluster cluster, CouchbaseKeyspace keyspace, Failures failures, Waiting waiting) {
        this.cluster = cluster;
        this.keyspace = keyspace;
        this.failures = failures;
        this.waiting = waiting;
    }

    void ensure(Consumer<String> progress) {
        if (!ClusterServices.runs(cluster, keyspace.bucket(), ServiceType.SEARCH)) {
            progress.accept("no Search service on this cluster: search answers that it lacks one until a node runs it"
                    + " and init runs again");
            return;
        }
        ScopeSearchIndexManager indexes = cluster.bucket(keyspace.bucket()).scope(keyspace.scope()).searchIndexes();
        try {
            if (exists(indexes)) {
                progress.accept("search index " + SearchIndexDefinition.NAME + " exists");
            } else {
                indexes.upsertIndex(SearchIndexDefinition.index(keyspace));
                progress.accept("created search index " + SearchIndexDefinition.NAME);
            }
        } catch (CouchbaseException e) {
            throw failures.translate(e);
        }
        waiting.until("search index " + SearchIndexDefinition.NAME + " to answer", progress, () -> answers(indexes),
                () -> "search index " + SearchIndexDefinition.NAME + " did not answer");
        progress.accept("search index " + SearchIndexDefinition.NAME + " answers");
    }

    private static boolean exists(ScopeSearchIndexManager indexes) {
        try {
            indexes.getIndex(SearchIndexDefinition.NAME);
            return true;
        } catch (IndexNotFoundException e) {
            return false;
        }
    }

    private static boolean answers(ScopeSearchIndexManager indexes) {
        try {
            indexes.getIndexedDocumentsCount(SearchIndexDefinition.NAME);
            return true;
        } catch (CouchbaseException e) {
            return false;
        }
    }
}
