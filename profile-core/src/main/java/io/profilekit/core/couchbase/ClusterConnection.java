package io.profilekit.core.couchbase;

import com.couchbase.client.core.error.CouchbaseException;
import com.couchbase.client.core.service.ServiceType;
import com.couchbase.client.java.Cluster;
import com.couchbase.client.java.ClusterOptions;
import com.couchbase.client.java.diagnostics.WaitUntilReadyOptions;
import io.profilekit.core.StoreUnavailableException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the one {@link Cluster} a process uses, from {@link CouchbaseSettings}, and waits until
 * its bucket answers key-value requests, so that a wrong address, credential or bucket shows at
 * start, not at the first request.
 */
final class ClusterConnection {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterConnection.class);

    private ClusterConnection() {
    }

    /**
     * The connected cluster; the caller owns it and disconnects it.
     *
     * @throws StoreUnavailableException saying which address, user and bucket were tried, never
     *     the password
     */
    static Cluster open(CouchbaseSettings settings) {
        ClusterOptions options = ClusterOptions.clusterOptions(settings.username(), settings.password())
                .environment(env -> {
                    env.timeoutConfig(timeouts -> timeouts
                            .kvTimeout(settings.kvTimeout())
                            .queryTimeout(settings.queryTimeout())
                            .connectTimeout(settings.connectTimeout()));
                    settings.trustCertificate().ifPresent(pem ->
                            env.securityConfig(security -> security.trustCertificate(pem)));
                    // Its latency histograms start process-wide threads that outlive a
                    // disconnect (and a WAR's undeploy); profilekit's own metrics cover requests.
                    env.loggingMeterConfig(meter -> meter.enabled(false));
                });
        String target = settings.connectionString() + " as '" + settings.username() + "' (bucket '"
                + settings.keyspace().bucket() + "')";
        Cluster cluster;
        try {
            cluster = Cluster.connect(settings.connectionString(), options);
        } catch (CouchbaseException | IllegalArgumentException e) {
            throw new StoreUnavailableException("cannot connect to Couchbase at " + target + ": "
                    + firstLine(e.getMessage()), e);
        }
        try {
            cluster.bucket(settings.keyspace().bucket()).waitUntilReady(settings.connectTimeout(),
                    WaitUntilReadyOptions.waitUntilReadyOptions().serviceTypes(Set.of(ServiceType.KV)));
        } catch (RuntimeException e) {
            cluster.disconnect();
            throw new StoreUnavailableException("could not connect to Couchbase at " + target + " within "
                    + settings.connectTimeout().toSeconds() + " s: check the address, the credentials, "
                    + "and that the bucket exists", e);
        }
        LOG.info("Connected to Couchbase at {}", target);
        return cluster;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid settings";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
