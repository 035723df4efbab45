package io.profilekit.core.couchbase.internal.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.Profile;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.Version;
import io.profilekit.core.couchbase.CouchbaseProfileStore;
import io.profilekit.core.couchbase.MockCouchbase;
import io.profilekit.core.spi.IdempotencyRecord;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Idempotency records as documents, through the store's interface, read back from the mock's storage. */
class IdempotencyDocumentsTest {

    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final String KEY = "d1g3st";

    private CouchbaseProfileStore store;

    @BeforeEach
    void open() {
        MockCouchbase.flush();
        store = CouchbaseProfileStore.of(MockCouchbase.cluster(), MockCouchbase.KEYSPACE);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static IdempotencyRecord answered(long recordId) {
        return IdempotencyRecord.pending("fp", recordId)
                .answered(StoredProfile.of(Profile.builder().recordId(recordId).userId("ada").build(), new Version(7)));
    }

    @Test
    void theFirstRecordUnderAKeyIsKeptAndALaterOneGetsIt() {
        IdempotencyRecord first = store.remember(KEY, IdempotencyRecord.pending("fp", 42), LIFETIME).join();

        IdempotencyRecord second = store.remember(KEY, IdempotencyRecord.pending("other", 43), LIFETIME).join();

        assertThat(first.recordId()).isEqualTo(42);
        assertThat(second.fingerprint()).isEqualTo("fp");
        assertThat(second.recordId()).isEqualTo(42);
    }

    @Test
    void aSettledRecordCarriesItsAnswer() {
        store.remember(KEY, IdempotencyRecord.pending("fp", 42), LIFETIME).join();

        store.settle(KEY, answered(42), LIFETIME).join();

        IdempotencyRecord kept = store.remember(KEY, IdempotencyRecord.pending("x", 1), LIFETIME).join();
        assertThat(kept.answer()).hasValueSatisfying(answer -> assertThat(answer.version()).isEqualTo(new Version(7)));
    }

    @Test
    void aSettleWhoseRecordIsGoneInsertsIt() {
        store.settle(KEY, answered(42), LIFETIME).join();

        assertThat(store.remember(KEY, IdempotencyRecord.pending("x", 1), LIFETIME).join().answer()).isPresent();
    }

    @Test
    void forgettingARecordIdRemovesItsRecordAndItsNote() {
        store.remember(KEY, IdempotencyRecord.pending("fp", 42), LIFETIME).join();
        assertThat(MockCouchbase.getRaw("idempotency-of::42")).contains("{\"key\":\"" + KEY + "\"}");

        store.forgetIdempotency(42).join();

        assertThat(MockCouchbase.getRaw("idempotency::" + KEY)).isEmpty();
        assertThat(MockCouchbase.getRaw("idempotency-of::42")).isEmpty();
    }

    @Test
    void forgettingARecordIdWithoutARecordChangesNothing() {
        store.remember(KEY, IdempotencyRecord.pending("fp", 42), LIFETIME).join();

        store.forgetIdempotency(43).join();

        assertThat(MockCouchbase.getRaw("idempotency::" + KEY)).isPresent();
    }

    @Test
    void aLaterRememberNotesTheRecordIdOfTheRecordKept() {
        store.remember(KEY, IdempotencyRecord.pending("fp", 42), LIFETIME).join();

        store.remember(KEY, IdempotencyRecord.pending("other", 43), LIFETIME).join();

        assertThat(MockCouchbase.getRaw("idempotency-of::43")).isEmpty();
        assertThat(MockCouchbase.getRaw("idempotency-of::42")).isPresent();
    }
}
