package io.profilekit.core.couchbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.couchbase.client.core.retry.RetryReason;
import io.profilekit.core.ProfileNotFoundException;
import io.profilekit.core.StoreUnavailableException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Failing fast while Couchbase does not answer, on a clock the test moves. */
class AvailabilityTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final Availability availability = new Availability(now::get);
    private final AtomicInteger calls = new AtomicInteger();

    @Test
    void staysUpThroughFewerTimeoutsInARowThanTheLimit() {
        timeOut(Availability.TRIP_AFTER - 1);

        assertThat(availability.isDown()).isFalse();
    }

    @Test
    void anAnswerBetweenTimeoutsStartsTheCountAgain() {
        timeOut(Availability.TRIP_AFTER - 1);
        availability.call(() -> "answer");
        timeOut(Availability.TRIP_AFTER - 1);

        assertThat(availability.isDown()).isFalse();
    }

    @Test
    void aServerAnsweringNoIsAnAnswer() {
        timeOut(Availability.TRIP_AFTER - 1);
        assertThatThrownBy(() -> availability.call(() -> {
            throw ProfileNotFoundException.noProfile(1);
        })).isInstanceOf(ProfileNotFoundException.class);
        timeOut(1);

        assertThat(availability.isDown()).isFalse();
    }

    @Test
    void whileDownOperationsFailAtOnceWithoutReachingCouchbase() {
        timeOut(Availability.TRIP_AFTER);
        int before = calls.get();

        assertThatThrownBy(() -> availability.call(this::counted))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessage("Couchbase is not answering; requests fail at once until it does");
        assertThat(calls.get()).isEqualTo(before);
    }

    @Test
    void oneProbeGoesThroughPerIntervalWhileDown() {
        timeOut(Availability.TRIP_AFTER);
        now.addAndGet(Availability.PROBE_EVERY.toNanos());

        timeOut(1);
        int afterProbe = calls.get();
        assertThatThrownBy(() -> availability.call(this::counted)).isInstanceOf(StoreUnavailableException.class);

        assertThat(calls.get()).isEqualTo(afterProbe);
        assertThat(availability.isDown()).isTrue();
    }

    @Test
    void aProbeThatGetsAnAnswerBringsTheStoreBack() {
        timeOut(Availability.TRIP_AFTER);
        now.addAndGet(Availability.PROBE_EVERY.toNanos());

        assertThat(availability.call(this::counted)).isEqualTo("answer");
        assertThat(availability.isDown()).isFalse();
        assertThat(availability.call(this::counted)).isEqualTo("answer");
    }

    private String counted() {
        calls.incrementAndGet();
        return "answer";
    }

    private void timeOut(int times) {
        for (int i = 0; i < times; i++) {
            assertThatThrownBy(() -> availability.call(() -> {
                calls.incrementAndGet();
                throw new Failures(null).translate(ClusterAnswers.kvTimeoutAfterRetries(RetryReason.ENDPOINT_NOT_AVAILABLE));
            })).isInstanceOf(StoreUnavailableException.class);
        }
    }
}
