package io.profilekit.core.couchbase;

import com.couchbase.client.java.Cluster;
import com.couchbase.client.java.ClusterOptions;
import com.couchbase.client.java.Collection;
import com.couchbase.client.java.kv.ScanOptions;
import com.couchbase.client.java.kv.ScanResult;
import com.couchbase.client.java.kv.ScanType;
import com.couchbase.client.java.manager.user.Role;
import com.couchbase.client.java.manager.user.User;
import java.time.Duration;
import java.util.List;
import org.testcontainers.couchbase.BucketDefinition;
import org.testcontainers.couchbase.CouchbaseContainer;
import org.testcontainers.couchbase.CouchbaseService;
import org.testcontainers.utility.DockerImageName;

/**
 * A real Couchbase Server 7.6 in a container, started once per test JVM and shared by the test
 * classes that need SQL++, indexes, collections and RBAC; only where a Docker engine runs (the
 * classes using it are annotated {@code @Testcontainers(disabledWithoutDocker = true)}).
 *
 * <p>The seed's keyspace is prepared once by {@code init}, as an administrator would. Tests
 * empty it with a key-value range scan, never a bucket flush: a flush rolls the index service
 * back, and the next statements wait for indexes to catch up or miss them.
 */
final class CouchbaseServer {

    static final String IMAGE = "couchbase/server:7.6.2";
    static final CouchbaseKeyspace KEYSPACE = CouchbaseKeyspace.defaults();

    private static CouchbaseContainer container;
    private static Cluster cluster;

    private CouchbaseServer() {
    }

    /** The server's cluster, as the administrator, with the seed's keyspace initialised. */
    static synchronized Cluster cluster() {
        if (cluster == null) {
            container = new CouchbaseContainer(DockerImageName.parse(IMAGE))
                    .withBucket(new BucketDefinition(KEYSPACE.bucket()).withPrimaryIndex(false))
                    .withEnabledServices(CouchbaseService.KV, CouchbaseService.QUERY, CouchbaseService.INDEX,
                            CouchbaseService.SEARCH)
                    .withStartupTimeout(Duration.ofMinutes(5));
            container.start();
            cluster = Cluster.connect(container.getConnectionString(),
                    ClusterOptions.clusterOptions(container.getUsername(), container.getPassword()));
            cluster.bucket(KEYSPACE.bucket()).waitUntilReady(Duration.ofMinutes(2));
            CouchbaseProfileStore.initialize(settings(KEYSPACE), step -> { });
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                cluster.disconnect();
                container.stop();
            }));
        }
        return cluster;
    }

    /** Settings for the keyspace, as the administrator. */
    static CouchbaseSettings settings(CouchbaseKeyspace keyspace) {
        return settings(container == null ? null : container.getUsername(), null, keyspace);
    }

    /** Settings for the keyspace as {@code user} (the administrator when {@code null}). */
    static CouchbaseSettings settings(String user, String password, CouchbaseKeyspace keyspace) {
        if (container == null) {
            cluster();
        }
        return CouchbaseSettings.builder(container.getConnectionString())
                .credentials(user == null ? container.getUsername() : user,
                        user == null ? container.getPassword() : password)
                .keyspace(keyspace)
                .build();
    }

    static CouchbaseSettings settings() {
        return settings(KEYSPACE);
    }

    /** Creates or replaces a cluster user with exactly these roles. */
    static void user(String name, String password, List<Role> roles) {
        cluster().users().upsertUser(new User(name).password(password).roles(roles));
    }

    /** Removes every document of the seed's keyspace, keeping the collections and indexes. */
    static void empty() {
        empty(KEYSPACE);
    }

    /** Removes every document of the keyspace's collections by key (a range scan), not by flush. */
    static void empty(CouchbaseKeyspace keyspace) {
        for (String name : keyspace.collections()) {
            Collection collection = cluster().bucket(keyspace.bucket()).scope(keyspace.scope()).collection(name);
            List<String> keys = collection.scan(ScanType.rangeScan(null, null), ScanOptions.scanOptions().idsOnly(true))
                    .map(ScanResult::id).toList();
            keys.forEach(collection::remove);
        }
    }
}
