package io.profilekit.core.couchbase;

import static org.assertj.core.api.Assertions.assertThat;

import com.couchbase.client.core.error.DocumentNotFoundException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The counter's reads, as readiness and the availability probe make them, on CouchbaseMock. */
class RecordIdCounterTest {

    private final RecordIdCounter counter = new RecordIdCounter(MockCouchbase.collection(), new Documents(new Failures(null)));

    @BeforeEach
    void empty() {
        MockCouchbase.flush();
    }

    @Test
    void theProbeIsAnsweredWithTheCounterOnceThereIsOne() throws Exception {
        long next = counter.next();

        CompletableFuture<?> probe = counter.pingAsync();

        assertThat(probe.get(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(counter.current()).contains(next);
    }

    @Test
    void theProbeOfAStoreWithoutACounterIsAnsweredNo() {
        CompletableFuture<?> probe = counter.pingAsync();

        assertThat(probe).failsWithin(10, TimeUnit.SECONDS).withThrowableOfType(Exception.class)
                .withCauseInstanceOf(DocumentNotFoundException.class);
        assertThat(Availability.isTimeout(probe.handle((ok, error) -> error).join())).isFalse();
    }
}
