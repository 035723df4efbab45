package io.profilekit.core.couchbase.internal.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.couchbase.client.core.error.DocumentNotFoundException;
import com.couchbase.client.core.error.UnambiguousTimeoutException;
import com.couchbase.client.core.retry.RetryReason;
import io.profilekit.core.ProfileNotFoundException;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.couchbase.ClusterAnswers;
import io.profilekit.core.internal.Futures;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Failing fast while Couchbase does not answer, on a clock the test moves, with probes it answers. */
class AvailabilityTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicInteger probes = new AtomicInteger();
    private final AtomicReference<CompletableFuture<Object>> probeOutcome =
            new AtomicReference<>(CompletableFuture.completedFuture("counter"));
    private final Availability availability = new Availability(now::get, () -> {
        probes.incrementAndGet();
        return probeOutcome.get();
    });
    private final AtomicInteger calls = new AtomicInteger();

    @Test
    void staysUpThroughFewerTimeoutsInARowThanTheLimit() {
        timeOut(Availability.TRIP_AFTER - 1);

        assertThat(availability.isDown()).isFalse();
    }

    @Test
    void anAnswerBetweenTimeoutsStartsTheCountAgain() {
        timeOut(Availability.TRIP_AFTER - 1);
        call(() -> "answer");
        timeOut(Availability.TRIP_AFTER - 1);

        assertThat(availability.isDown()).isFalse();
    }

    @Test
    void aServerAnsweringNoIsAnAnswer() {
        timeOut(Availability.TRIP_AFTER - 1);
        assertThatThrownBy(() -> call(() -> {
            throw ProfileNotFoundException.noProfile(1);
        })).isInstanceOf(ProfileNotFoundException.class);
        timeOut(1);

        assertThat(availability.isDown()).isFalse();
    }

    @Test
    void whileDownOperationsFailAtOnceWithoutReachingCouchbase() {
        timeOut(Availability.TRIP_AFTER);
        int before = calls.get();

        assertThatThrownBy(() -> call(this::counted))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessage("Couchbase is not answering; requests fail at once until it does");
        assertThat(calls.get()).isEqualTo(before);
    }

    @Test
    void whileDownTheFailureSaysToRetryWhenTheNextProbeIsDue() {
        timeOut(Availability.TRIP_AFTER);
        now.addAndGet(Availability.PROBE_EVERY.toNanos() / 4);

        assertThatThrownBy(() -> call(this::counted)).isInstanceOfSatisfying(StoreUnavailableException.class,
                down -> assertThat(down.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void noProbeStartsBeforeItsInterval() {
        timeOut(Availability.TRIP_AFTER);
        now.addAndGet(Availability.PROBE_EVERY.toNanos() - 1);

        assertThatThrownBy(() -> call(this::counted)).isInstanceOf(StoreUnavailableException.class);
        assertThat(probes).hasValue(0);
    }

    @Test
    void aDueProbeIsTheStoresOwnReadNotTheCallersOperation() {
        timeOut(Availability.TRIP_AFTER);
        probeOutcome.set(timedOutProbe());
        now.addAndGet(Availability.PROBE_EVERY.toNanos());
        int before = calls.get();

        assertThatThrownBy(() -> call(this::counted)).isInstanceOf(StoreUnavailableException.class);
        assertThat(probes).hasValue(1);
        assertThat(calls.get()).isEqualTo(before);
        assertThat(availability.isDown()).isTrue();
    }

    @Test
    void oneProbeStartsPerInterval() {
        timeOut(Availability.TRIP_AFTER);
        probeOutcome.set(new CompletableFuture<>());
        now.addAndGet(Availability.PROBE_EVERY.toNanos());

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> call(this::counted)).isInstanceOf(StoreUnavailableException.class);
        }
        now.addAndGet(Availability.PROBE_EVERY.toNanos());
        assertThatThrownBy(() -> call(this::counted)).isInstanceOf(StoreUnavailableException.class);

        assertThat(probes).hasValue(2);
    }

    @Test
    void aProbeAnsweredInTimeLetsItsCallerThroughAndBringsTheStoreBack() {
        timeOut(Availability.TRIP_AFTER);
        now.addAndGet(Availability.PROBE_EVERY.toNanos());
        int before = calls.get();

        assertThat(call(this::counted)).isEqualTo("answer");
        assertThat(calls.get()).isEqualTo(before + 1);
        assertThat(availability.isDown()).isFalse();
    }

    @Test
    void aProbeAnsweredLateBringsTheStoreBackForLaterCallers() {
        timeOut(Availability.TRIP_AFTER);
        CompletableFuture<Object> late = new CompletableFuture<>();
        probeOutcome.set(late);
        now.addAndGet(Availability.PROBE_EVERY.toNanos());
        assertThatThrownBy(() -> call(this::counted)).isInstanceOf(StoreUnavailableException.class);

        late.complete("counter");

        assertThat(availability.isDown()).isFalse();
        assertThat(call(this::counted)).isEqualTo("answer");
    }

    @Test
    void aProbeTheServerAnswersNoStillBringsTheStoreBack() {
        timeOut(Availability.TRIP_AFTER);
        probeOutcome.set(CompletableFuture.failedFuture(new DocumentNotFoundException(null)));
        now.addAndGet(Availability.PROBE_EVERY.toNanos());

        assertThat(call(this::counted)).isEqualTo("answer");
        assertThat(availability.isDown()).isFalse();
    }

    @Test
    void aProbeThatTimesOutKeepsTheStoreDownUntilTheNextOne() {
        timeOut(Availability.TRIP_AFTER);
        probeOutcome.set(timedOutProbe());
        now.addAndGet(Availability.PROBE_EVERY.toNanos());
        assertThatThrownBy(() -> call(this::counted)).isInstanceOf(StoreUnavailableException.class);

        probeOutcome.set(CompletableFuture.completedFuture("counter"));
        now.addAndGet(Availability.PROBE_EVERY.toNanos());

        assertThat(call(this::counted)).isEqualTo("answer");
        assertThat(probes).hasValue(2);
    }

    private static CompletableFuture<Object> timedOutProbe() {
        return CompletableFuture.failedFuture(new UnambiguousTimeoutException("timed out", null));
    }

    /** Runs a synchronous operation through {@link Availability#call}, waiting for its outcome. */
    private <T> T call(Supplier<T> operation) {
        return Futures.join(availability.call(() -> CompletableFuture.completedFuture(operation.get())));
    }

    private String counted() {
        calls.incrementAndGet();
        return "answer";
    }

    private void timeOut(int times) {
        for (int i = 0; i < times; i++) {
            assertThatThrownBy(() -> call(() -> {
                calls.incrementAndGet();
                throw new Failures("").translate(ClusterAnswers.kvTimeoutAfterRetries(RetryReason.ENDPOINT_NOT_AVAILABLE));
            })).isInstanceOf(StoreUnavailableException.class);
        }
    }
}
