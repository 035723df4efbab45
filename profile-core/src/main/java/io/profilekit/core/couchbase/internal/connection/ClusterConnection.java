package io.profilekit.core.couchbase.internal.connection;

import com.couchbase.client.core.CoreLimiter;
import com.couchbase.client.core.cnc.EventSubscription;
import com.couchbase.client.core.env.SecurityConfig;
import com.couchbase.client.core.error.CouchbaseException;
import com.couchbase.client.core.service.ServiceType;
import com.couchbase.client.java.Cluster;
import com.couchbase.client.java.ClusterOptions;
import com.couchbase.client.java.diagnostics.WaitUntilReadyOptions;
import io.profilekit.core.ProfileException;
import io.profilekit.core.StoreConfigurationException;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.couchbase.CouchbaseSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the one {@link Cluster} a process uses, from {@link CouchbaseSettings}, and waits until
 * its bucket answers key-value requests, so that a wrong address, credential or bucket shows at
 * start, in one line that says which, not at the first request.
 */
public final class ClusterConnection {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterConnection.class);
    private static final long POLL_MILLIS = 50;

    private ClusterConnection() {
    }

    /**
     * The connected cluster; the caller owns it and disconnects it. With {@code verifyKeyspace},
     * also checks that the keyspace's scope and collections exist and that the user may read
     * and write them ({@link KeyspaceCheck}).
     *
     * @throws StoreConfigurationException saying what is wrong with which user, bucket or
     *     collection, never the password; {@link StoreUnavailableException} when nothing answers
     */
    public static Cluster open(CouchbaseSettings settings, boolean verifyKeyspace) {
        List<X509Certificate> trusted = trustedCertificates(settings);
        ClusterOptions options = ClusterOptions.clusterOptions(settings.username(), settings.password())
                .environment(env -> {
                    if (settings.wanDevelopment()) {
                        env.applyProfile("wan-development");
                    }
                    env.timeoutConfig(timeouts -> timeouts
                            .kvTimeout(settings.kvTimeout())
                            .queryTimeout(settings.queryTimeout())
                            .connectTimeout(settings.connectTimeout()));
                    if (!trusted.isEmpty()) {
                        env.securityConfig(security -> security.trustCertificates(trusted));
                    }
                    // Its latency histograms start process-wide threads that outlive a
                    // disconnect (and a WAR's undeploy); profilekit's own metrics cover requests.
                    env.loggingMeterConfig(meter -> meter.enabled(false));
                });
        Cluster cluster;
        try {
            cluster = Cluster.connect(settings.connectionString(), options);
        } catch (CouchbaseException | IllegalArgumentException e) {
            throw new StoreUnavailableException("cannot connect to Couchbase at " + target(settings) + ": "
                    + firstLine(e.getMessage()), e);
        }
        ConnectionProblems problems = new ConnectionProblems();
        EventSubscription subscription = cluster.environment().eventBus().subscribe(problems);
        try {
            waitForBucket(cluster, settings, problems);
            if (verifyKeyspace) {
                new KeyspaceCheck(cluster, settings, problems).verify();
            }
        } catch (RuntimeException e) {
            cluster.disconnect();
            throw e;
        } finally {
            subscription.unsubscribe();
        }
        LOG.info("Connected to Couchbase at {}", target(settings));
        return cluster;
    }

    /**
     * The CA certificates to trust: none of our own (the SDK's defaults, the JVM's and
     * Capella's) unless a certificate file is set, and then that file's on top of the defaults,
     * so that setting one never breaks Capella.
     */
    public static List<X509Certificate> trustedCertificates(CouchbaseSettings settings) {
        if (settings.trustCertificate().isEmpty()) {
            return List.of();
        }
        List<X509Certificate> defaults = SecurityConfig.defaultCaCertificates();
        List<X509Certificate> trusted = new ArrayList<>(defaults);
        try (InputStream in = Files.newInputStream(settings.trustCertificate().get())) {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            factory.generateCertificates(in).forEach(certificate -> trusted.add((X509Certificate) certificate));
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("cannot read the CA certificate " + settings.trustCertificate().get()
                    + ": " + firstLine(e.getMessage()), e);
        }
        if (trusted.size() == defaults.size()) {
            throw new IllegalArgumentException("the CA certificate file " + settings.trustCertificate().get()
                    + " holds no PEM certificate");
        }
        return trusted;
    }

    private static void waitForBucket(Cluster cluster, CouchbaseSettings settings, ConnectionProblems problems) {
        CompletableFuture<Void> ready = cluster.bucket(settings.keyspace().bucket()).async().waitUntilReady(
                settings.connectTimeout(),
                WaitUntilReadyOptions.waitUntilReadyOptions().serviceTypes(Set.of(ServiceType.KV)));
        while (true) {
            try {
                ready.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                return;
            } catch (java.util.concurrent.TimeoutException stillWaiting) {
                if (problems.isHopeless()) {
                    ready.cancel(true);
                    throw notReady(settings, problems, null);
                }
            } catch (ExecutionException e) {
                throw notReady(settings, problems, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailableException("interrupted while connecting to Couchbase", e);
            }
        }
    }

    private static ProfileException notReady(CouchbaseSettings settings, ConnectionProblems problems,
            Throwable cause) {
        String at = "Couchbase at " + settings.connectionString();
        String user = "user '" + settings.username() + "'";
        String bucket = "bucket '" + settings.keyspace().bucket() + "'";
        Optional<ConnectionProblems.Problem> worst = problems.worst();
        String message = worst.map(problem -> switch (problem) {
            case CREDENTIALS_REFUSED -> at + " refused the password of " + user
                    + ": check the username and password";
            case BUCKET_DENIED -> at + " did not let " + user + " open " + bucket
                    + ": the bucket does not exist, the user has no role on it, or the password is wrong";
            case TLS_FAILED -> "the TLS handshake with " + at + " failed (" + problems.detail(problem)
                    + "): trust the CA certificate that signed the cluster's (docs/couchbase.md, TLS)";
            case UNREACHABLE -> "nothing answered at " + settings.connectionString() + " ("
                    + problems.detail(problem) + "): check the host, the port, and couchbases:// for TLS";
        }).orElse(at + " did not open " + bucket + " for " + user + " within "
                + settings.connectTimeout().toSeconds() + " s: check the address, the credentials and the bucket");
        boolean unreachable = worst.isEmpty() || worst.get() == ConnectionProblems.Problem.UNREACHABLE;
        return unreachable ? new StoreUnavailableException(message, cause)
                : StoreConfigurationException.misconfigured(message, cause);
    }

    /**
     * Waits (a second at most), once the clusters this class loader opened were disconnected and
     * are no longer referenced, until the SDK's "cb-cleaner" threads of those clusters have
     * ended (each cluster has one, which ends when the cluster is garbage-collected): in a web
     * application they would otherwise hold the application's class loader. The cleaners of
     * clusters still connected are not waited for.
     */
    public static void awaitCleaner() {
        ClassLoader ours = ClusterConnection.class.getClassLoader();
        for (int attempt = 0; attempt < 50 && cleaners(ours) > CoreLimiter.numInstances(); attempt++) {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static long cleaners(ClassLoader ours) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("cb-cleaner") && thread.getContextClassLoader() == ours)
                .count();
    }

    private static String target(CouchbaseSettings settings) {
        return settings.connectionString() + " as '" + settings.username() + "' (bucket '"
                + settings.keyspace().bucket() + "')";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid settings";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
