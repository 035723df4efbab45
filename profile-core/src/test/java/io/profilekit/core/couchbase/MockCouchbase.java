package io.profilekit.core.couchbase;

import com.couchbase.client.core.service.ServiceType;
import com.couchbase.client.java.Cluster;
import com.couchbase.client.java.ClusterOptions;
import com.couchbase.client.java.Collection;
import com.couchbase.client.java.codec.RawJsonTranscoder;
import com.couchbase.client.java.diagnostics.WaitUntilReadyOptions;
import com.couchbase.client.java.kv.GetOptions;
import com.couchbase.client.java.kv.UpsertOptions;
import com.couchbase.mock.Bucket.BucketType;
import com.couchbase.mock.BucketConfiguration;
import com.couchbase.mock.CouchbaseMock;
import com.couchbase.mock.memcached.Item;
import com.couchbase.mock.memcached.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Couchbase's own mock server, started once per test JVM in-process, and one SDK cluster
 * connected to it. It speaks the KV protocol only: no collections (so the keyspace is the
 * bucket's default collection), no SQL++, no durability levels. Other modules' tests use it
 * through profile-core's test jar.
 */
public final class MockCouchbase {

    public static final String BUCKET = "profiles";
    public static final String PASSWORD = "secret";
    public static final CouchbaseKeyspace KEYSPACE = CouchbaseKeyspace.defaultCollection(BUCKET);

    private static CouchbaseMock mock;
    private static Cluster cluster;

    private MockCouchbase() {
    }

    public static synchronized Cluster cluster() {
        if (cluster == null) {
            try {
                BucketConfiguration bucket = new BucketConfiguration();
                bucket.name = BUCKET;
                bucket.password = PASSWORD;
                bucket.type = BucketType.COUCHBASE;
                bucket.numNodes = 1;
                bucket.numReplicas = 0;
                mock = new CouchbaseMock(0, List.of(bucket));
                mock.start();
                mock.waitForStartup();
            } catch (Exception e) {
                throw new IllegalStateException("CouchbaseMock did not start", e);
            }
            cluster = Cluster.connect(connectionString(), ClusterOptions.clusterOptions(BUCKET, PASSWORD));
            cluster.bucket(BUCKET).waitUntilReady(Duration.ofSeconds(30),
                    WaitUntilReadyOptions.waitUntilReadyOptions().serviceTypes(Set.of(ServiceType.KV)));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                cluster.disconnect();
                mock.stop();
            }));
        }
        return cluster;
    }

    /**
     * Every document the mock's bucket holds, each as its key, a space and its value as text:
     * what an erasure test scans, read from the mock's own storage rather than by keys
     * profilekit knows.
     */
    public static List<String> everything() {
        List<String> documents = new ArrayList<>();
        for (Item item : mock.getBuckets().get(BUCKET).getMasterItems(Storage.StorageType.CACHE)) {
            documents.add(item.getKeySpec().key + " " + new String(item.getValue(), StandardCharsets.UTF_8));
        }
        return documents;
    }

    /** The connection string of the mock's management port, as docs/couchbase.md uses it. */
    public static String connectionString() {
        return "couchbase://127.0.0.1:" + mock.getHttpPort() + "=manager";
    }

    /**
     * Calls the mock's control API, as a test would inject a fault: {@code
     * /mock/opfail?code=36&count=-1} answers every operation "no access" until
     * {@code /mock/opfail?code=0&count=0}.
     */
    public static void control(String pathAndQuery) {
        cluster();
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + mock.getHttpPort() + pathAndQuery)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (!answer.body().contains("\"ok\"")) {
                throw new IllegalStateException("the mock refused " + pathAndQuery + ": " + answer.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Removes every document. */
    public static void flush() {
        cluster().buckets().flushBucket(BUCKET);
    }

    public static Collection collection() {
        return cluster().bucket(BUCKET).defaultCollection();
    }

    /** Writes a document as other tools would: exactly these bytes. */
    public static void putRaw(String key, String json) {
        collection().upsert(key, json.getBytes(StandardCharsets.UTF_8),
                UpsertOptions.upsertOptions().transcoder(RawJsonTranscoder.INSTANCE));
    }

    public static Optional<String> getRaw(String key) {
        try {
            return Optional.of(new String(collection().get(key,
                    GetOptions.getOptions().transcoder(RawJsonTranscoder.INSTANCE)).contentAs(byte[].class),
                    StandardCharsets.UTF_8));
        } catch (com.couchbase.client.core.error.DocumentNotFoundException e) {
            return Optional.empty();
        }
    }
}
