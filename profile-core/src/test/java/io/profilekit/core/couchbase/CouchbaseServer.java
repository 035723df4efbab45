package io.profilekit.core.couchbase;

import com.couchbase.client.java.Cluster;
import com.couchbase.client.java.ClusterOptions;
import java.time.Duration;
import org.testcontainers.couchbase.BucketDefinition;
import org.testcontainers.couchbase.CouchbaseContainer;
import org.testcontainers.couchbase.CouchbaseService;
import org.testcontainers.utility.DockerImageName;

/**
 * A real Couchbase Server 7 in a container, started once per test JVM and shared by the test
 * classes that need SQL++, indexes and collections; only where a Docker engine runs (the
 * classes using it are annotated {@code @Testcontainers(disabledWithoutDocker = true)}).
 */
final class CouchbaseServer {

    static final String IMAGE = "couchbase/server:7.6.2";
    static final CouchbaseKeyspace KEYSPACE = CouchbaseKeyspace.defaults();

    private static CouchbaseContainer container;
    private static Cluster cluster;

    private CouchbaseServer() {
    }

    /** The server's cluster, with the seed's keyspace initialised by {@code init}. */
    static synchronized Cluster cluster() {
        if (cluster == null) {
            container = new CouchbaseContainer(DockerImageName.parse(IMAGE))
                    .withBucket(new BucketDefinition(KEYSPACE.bucket()).withFlushEnabled(true).withPrimaryIndex(false))
                    .withEnabledServices(CouchbaseService.KV, CouchbaseService.QUERY, CouchbaseService.INDEX)
                    .withStartupTimeout(Duration.ofMinutes(5));
            container.start();
            cluster = Cluster.connect(container.getConnectionString(),
                    ClusterOptions.clusterOptions(container.getUsername(), container.getPassword()));
            cluster.bucket(KEYSPACE.bucket()).waitUntilReady(Duration.ofMinutes(2));
            CouchbaseProfileRepository.of(cluster, KEYSPACE).init();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                cluster.disconnect();
                container.stop();
            }));
        }
        return cluster;
    }

    static CouchbaseSettings settings() {
        cluster();
        return CouchbaseSettings.builder(container.getConnectionString())
                .credentials(container.getUsername(), container.getPassword())
                .keyspace(KEYSPACE)
                .build();
    }

    /** Removes every document, keeping the collections and indexes. */
    static void flush() {
        cluster().buckets().flushBucket(KEYSPACE.bucket());
    }
}
