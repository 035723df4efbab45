package io.profilekit.core.couchbase;

import com.couchbase.client.core.error.RequestCanceledException;
import com.couchbase.client.core.error.TimeoutException;
import io.profilekit.core.StoreUnavailableException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fails fast while Couchbase is known not to answer. After {@link #TRIP_AFTER} operations in a
 * row end in a timeout, the store counts as down: every operation fails at once with
 * {@link StoreUnavailableException} instead of holding its caller for the whole timeout. Once
 * per {@link #PROBE_EVERY} the store is probed with an operation of its own (one key-value
 * read), never a caller's: the caller that starts a probe waits at most {@link #PROBE_WAIT} for
 * its answer, and goes on with its own operation if the store answered. The first answer, to a
 * probe or to an operation already in flight, counts the store as up again. An answer is any
 * outcome but a timeout: a missing document or a conflict is the server answering.
 */
final class Availability {

    /** Timeouts in a row after which the store counts as down. */
    static final int TRIP_AFTER = 3;
    /** How often the store is probed while it counts as down. */
    static final Duration PROBE_EVERY = Duration.ofSeconds(1);
    /** How long the caller that starts a probe waits for its answer before failing. */
    static final Duration PROBE_WAIT = Duration.ofMillis(50);

    private static final Logger LOG = LoggerFactory.getLogger(Availability.class);
    private static final long UP = Long.MIN_VALUE;

    private final LongSupplier nanoTime;
    private final Supplier<? extends CompletionStage<?>> probe;
    private final AtomicInteger timeoutsInARow = new AtomicInteger();
    /** When the next probe may start while down; {@link #UP} while up. */
    private final AtomicLong nextProbe = new AtomicLong(UP);

    /**
     * @param probe starts one operation against the store and tells its outcome; it must end
     *     within the store's timeout, as every SDK operation does
     */
    Availability(LongSupplier nanoTime, Supplier<? extends CompletionStage<?>> probe) {
        this.nanoTime = nanoTime;
        this.probe = probe;
    }

    Availability(Supplier<? extends CompletionStage<?>> probe) {
        this(System::nanoTime, probe);
    }

    /** Whether the store counts as down. */
    boolean isDown() {
        return nextProbe.get() != UP;
    }

    /** Runs the operation unless the store is down and a probe, if one is due, gets no answer in time. */
    <T> T call(Supplier<T> operation) {
        long probeAt = nextProbe.get();
        if (probeAt != UP && !(startProbe(probeAt) && !isDown())) {
            throw new StoreUnavailableException("Couchbase is not answering; requests fail at once until it does");
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

    /**
     * Starts a probe if one is due and no other caller started it, and waits up to
     * {@link #PROBE_WAIT} for its answer; whether this caller started one.
     */
    private boolean startProbe(long probeAt) {
        long now = nanoTime.getAsLong();
        if (now - probeAt < 0 || !nextProbe.compareAndSet(probeAt, now + PROBE_EVERY.toNanos())) {
            return false;
        }
        CompletableFuture<?> told;
        try {
            told = probe.get().toCompletableFuture().whenComplete((ignored, error) -> {
                if (error == null || !isTimeout(error)) {
                    answered();
                }
            });
        } catch (RuntimeException e) {
            if (!isTimeout(e)) {
                answered();
            }
            return true;
        }
        try {
            told.get(PROBE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            // the probe's outcome was told above, or will be when it ends
        }
        return true;
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
