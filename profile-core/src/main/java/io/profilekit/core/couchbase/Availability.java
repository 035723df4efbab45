package io.profilekit.core.couchbase;

import com.couchbase.client.core.error.RequestCanceledException;
import com.couchbase.client.core.error.TimeoutException;
import io.profilekit.core.StoreUnavailableException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fails fast while Couchbase is known not to answer. After {@link #TRIP_AFTER} operations in a
 * row end in a timeout, the store counts as down: every operation fails at once with
 * {@link StoreUnavailableException} instead of holding its caller for the whole timeout, except
 * one probe per {@link #PROBE_EVERY}, which goes through. The first operation that gets an
 * answer, a probe or one already in flight, counts the store as up again. An answer is any
 * outcome but a timeout: a missing document or a conflict is the server answering.
 */
final class Availability {

    /** Timeouts in a row after which the store counts as down. */
    static final int TRIP_AFTER = 3;
    /** How often one operation is let through while the store counts as down. */
    static final Duration PROBE_EVERY = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(Availability.class);
    private static final long UP = Long.MIN_VALUE;

    private final LongSupplier nanoTime;
    private final AtomicInteger timeoutsInARow = new AtomicInteger();
    /** When the next probe may go while down; {@link #UP} while up. */
    private final AtomicLong nextProbe = new AtomicLong(UP);

    Availability(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    Availability() {
        this(System::nanoTime);
    }

    /** Whether the store counts as down. */
    boolean isDown() {
        return nextProbe.get() != UP;
    }

    /** Runs the operation unless the store is down and it is not time for a probe. */
    <T> T call(Supplier<T> operation) {
        long probeAt = nextProbe.get();
        if (probeAt != UP) {
            long now = nanoTime.getAsLong();
            if (now - probeAt < 0 || !nextProbe.compareAndSet(probeAt, now + PROBE_EVERY.toNanos())) {
                throw new StoreUnavailableException("Couchbase is not answering; requests fail at once until it does");
            }
        }
        try {
            T result = operation.get();
            answered();
            return result;
        } catch (RuntimeException e) {
            if (isTimeout(e)) {
                timedOut();
            } else {
                answered();
            }
            throw e;
        }
    }

    /** {@link #call} for an operation without a result. */
    void run(Runnable operation) {
        call(() -> {
            operation.run();
            return null;
        });
    }

    private void answered() {
        timeoutsInARow.set(0);
        if (nextProbe.getAndSet(UP) != UP) {
            LOG.info("Couchbase answers again");
        }
    }

    private void timedOut() {
        if (timeoutsInARow.incrementAndGet() >= TRIP_AFTER
                && nextProbe.compareAndSet(UP, nanoTime.getAsLong() + PROBE_EVERY.toNanos())) {
            LOG.warn("Couchbase did not answer {} requests in a row: failing requests at once, one probe every {} ms",
                    TRIP_AFTER, PROBE_EVERY.toMillis());
        }
    }

    /** Whether the failure is Couchbase not answering (rather than answering no). */
    static boolean isTimeout(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof RequestCanceledException) {
                return true;
            }
        }
        return false;
    }
}
