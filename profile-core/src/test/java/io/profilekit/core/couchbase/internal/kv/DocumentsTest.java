package io.profilekit.core.couchbase.internal.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.couchbase.client.core.error.DocumentExistsException;
import com.couchbase.client.core.error.DurabilityAmbiguousException;
import com.couchbase.client.core.error.RequestCanceledException;
import com.couchbase.client.core.error.UnambiguousTimeoutException;
import com.couchbase.client.core.msg.CancellationReason;
import com.couchbase.client.java.Bucket;
import com.couchbase.client.java.Cluster;
import com.couchbase.client.java.ClusterOptions;
import com.couchbase.client.java.Collection;
import com.couchbase.client.java.kv.GetResult;
import io.profilekit.core.StoreConfigurationException;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.couchbase.MockCouchbase;
import io.profilekit.core.internal.Futures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writes whose outcome the SDK cannot tell: CouchbaseMock answers every insert, replace or
 * remove "temporary failure" (134) until the SDK gives up with an {@code
 * AmbiguousTimeoutException}, as a real cluster's answer lost in flight makes it, while reads go
 * through; what the document then holds decides the outcome. (A connection of its own gives up
 * after 400 ms rather than the default 2.5 s.)
 */
class DocumentsTest {

    private static final int GET = 0x00;
    private static final int INSERT = 0x02;
    private static final int REPLACE = 0x03;
    private static final int REMOVE = 0x04;
    private static final byte[] MINE = utf8("{\"user_id\":\"ada\"}");

    /** The mock's bucket through a connection that gives up on a key-value answer after 400 ms. */
    private static Cluster impatient;
    private static Collection collection;

    private final Blocking documents = new Blocking(new Documents(new Failures("profile-app")));

    /** The operations under test, waited for: their outcomes as values, their failures thrown. */
    private record Blocking(Documents documents) {
        Optional<GetResult> get(Collection collection, String key) {
            return Futures.join(documents.get(collection, key));
        }

        List<Optional<GetResult>> getAll(Collection collection, List<String> keys) {
            return Futures.join(documents.getAll(collection, keys));
        }

        long insert(Collection collection, String key, byte[] json) {
            return Futures.join(documents.insert(collection, key, json));
        }

        long replace(Collection collection, String key, byte[] json, long cas) {
            return Futures.join(documents.replace(collection, key, json, cas));
        }

        void remove(Collection collection, String key, long cas) {
            Futures.join(documents.remove(collection, key, cas));
        }

        void removeIfPresent(Collection collection, String key) {
            Futures.join(documents.removeIfPresent(collection, key));
        }
    }

    @BeforeAll
    static void connect() {
        MockCouchbase.cluster();
        impatient = Cluster.connect(MockCouchbase.connectionString(), ClusterOptions
                .clusterOptions(MockCouchbase.BUCKET, MockCouchbase.PASSWORD)
                .environment(env -> env.timeoutConfig(timeouts -> timeouts.kvTimeout(Duration.ofMillis(400)))));
        Bucket bucket = impatient.bucket(MockCouchbase.BUCKET);
        bucket.waitUntilReady(Duration.ofSeconds(30));
        collection = bucket.defaultCollection();
    }

    @AfterAll
    static void disconnect() {
        impatient.disconnect();
    }

    @BeforeEach
    void removeTheDocument() {
        MockCouchbase.control("/mock/opfail?code=0&count=0");
        documents.removeIfPresent(collection, "doc");
    }

    @AfterEach
    void stopInjecting() {
        MockCouchbase.control("/mock/opfail?code=0&count=0");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void unanswered(int operation) {
        MockCouchbase.control("/mock/opfail?code=134&count=-1&operation=" + operation);
    }

    private long cas() {
        return documents.get(collection, "doc").orElseThrow().cas();
    }

    @Test
    void anUnansweredInsertThatLandedIsSettledAsWritten() {
        MockCouchbase.putRaw("doc", new String(MINE, StandardCharsets.UTF_8));
        unanswered(INSERT);

        assertThat(documents.insert(collection, "doc", MINE)).isEqualTo(cas());
    }

    @Test
    void anUnansweredInsertThatDidNotLandIsUnavailableAndWritesNothing() {
        unanswered(INSERT);

        assertThatThrownBy(() -> documents.insert(collection, "doc", MINE))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessage("Couchbase did not confirm the write in time and it was not applied");
        MockCouchbase.control("/mock/opfail?code=0&count=0");
        assertThat(MockCouchbase.getRaw("doc")).isEmpty();
    }

    @Test
    void anUnansweredInsertOntoAnotherWritersDocumentIsAConflict() {
        MockCouchbase.putRaw("doc", "{\"user_id\":\"grace\"}");
        unanswered(INSERT);

        assertThatThrownBy(() -> documents.insert(collection, "doc", MINE)).isInstanceOf(DocumentExistsException.class);
    }

    @Test
    void anUnansweredReplaceThatLandedIsSettledAsWritten() {
        MockCouchbase.putRaw("doc", new String(MINE, StandardCharsets.UTF_8));
        long cas = cas();
        unanswered(REPLACE);

        assertThat(documents.replace(collection, "doc", MINE, cas)).isEqualTo(cas);
    }

    @Test
    void anUnansweredReplaceThatDidNotLandIsUnavailableAndKeepsTheDocument() {
        MockCouchbase.putRaw("doc", "{\"user_id\":\"before\"}");
        long cas = cas();
        unanswered(REPLACE);

        assertThatThrownBy(() -> documents.replace(collection, "doc", MINE, cas))
                .isInstanceOf(StoreUnavailableException.class);
        MockCouchbase.control("/mock/opfail?code=0&count=0");
        assertThat(MockCouchbase.getRaw("doc")).contains("{\"user_id\":\"before\"}");
    }

    @Test
    void anUnansweredRemoveOfADocumentNowGoneSucceeds() {
        unanswered(REMOVE);

        documents.remove(collection, "doc", 0);

        assertThat(MockCouchbase.getRaw("doc")).isEmpty();
    }

    @Test
    void anUnansweredRemoveOfADocumentStillThereIsUnavailable() {
        MockCouchbase.putRaw("doc", "{}");
        unanswered(REMOVE);

        assertThatThrownBy(() -> documents.remove(collection, "doc", 0)).isInstanceOf(StoreUnavailableException.class);
        MockCouchbase.control("/mock/opfail?code=0&count=0");
        assertThat(MockCouchbase.getRaw("doc")).contains("{}");
    }

    @Test
    void aWriteWhoseReadBackFailsTooIsUnsettled() {
        MockCouchbase.control("/mock/opfail?code=134&count=-1");

        assertThatThrownBy(() -> documents.insert(collection, "doc", MINE)).isInstanceOf(UnsettledWriteException.class);
    }

    @Test
    void aCancelledRequestAndAmbiguousDurabilityAreUnsettledOutcomesButAPlainTimeoutIsNot() {
        assertThat(Documents.isAmbiguous(new RequestCanceledException("closed", CancellationReason.SHUTDOWN, null)))
                .isTrue();
        assertThat(Documents.isAmbiguous(new DurabilityAmbiguousException(null))).isTrue();
        assertThat(Documents.isAmbiguous(new UnambiguousTimeoutException("read timed out", null))).isFalse();
    }

    @Test
    void getAllAnswersEachKeyFoundOrNot() {
        MockCouchbase.putRaw("doc", "{}");

        List<Optional<String>> found = documents.getAll(collection, List.of("doc", "missing")).stream()
                .map(result -> result.map(got -> new String(got.contentAs(byte[].class), StandardCharsets.UTF_8)))
                .toList();

        assertThat(found).containsExactly(Optional.of("{}"), Optional.empty());
    }

    @Test
    void getAllTranslatesAReadTheClusterRefuses() {
        MockCouchbase.control("/mock/opfail?code=36&count=-1&operation=" + GET);

        assertThatThrownBy(() -> documents.getAll(collection, List.of("doc")))
                .isInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("profile-app");
    }
}
