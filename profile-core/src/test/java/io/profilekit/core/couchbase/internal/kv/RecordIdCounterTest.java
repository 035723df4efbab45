package io.profilekit.core.couchbase.internal.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.couchbase.MockCouchbase;
import io.profilekit.core.internal.Futures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The record id counter on CouchbaseMock: increments on the server, raised but never lowered. */
class RecordIdCounterTest {

    private final RecordIdCounter counter = new RecordIdCounter(MockCouchbase.collection(),
            new Documents(new Failures("")));

    @BeforeEach
    void empty() {
        MockCouchbase.flush();
    }

    @Test
    void handsOutIncreasingIdsFromOne() {
        assertThat(Futures.join(counter.current())).isEmpty();
        assertThat(Futures.join(counter.next())).isEqualTo(1);
        assertThat(Futures.join(counter.next())).isEqualTo(2);
        assertThat(Futures.join(counter.current())).contains(2L);
    }

    @Test
    void isRaisedAboveARecordIdButNeverLowered() {
        Futures.join(counter.raiseTo(10));
        Futures.join(counter.raiseTo(5));

        assertThat(Futures.join(counter.current())).contains(10L);
        assertThat(Futures.join(counter.next())).isEqualTo(11);
    }
}
