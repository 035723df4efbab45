package io.profilekit.core.couchbase.internal.kv;

import com.couchbase.client.core.error.RequestCanceledException;
import com.couchbase.client.core.error.TimeoutException;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.internal.Futures;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
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
 * {@link StoreUnavailableException} (whose {@code retryAfter} is when the next probe is due)
 * instead of holding its caller for the whole timeout. Once per {@link #PROBE_EVERY} the store is
 * probed with an operation of its own (one key-value read), never a caller's: the caller that
 * starts a probe waits at most {@link #PROBE_WAIT} for its answer, without holding a thread, and
 * goes on with its own operation if the store answered. The first answer, to a probe or to an
 * operation already in flight, counts the store as up again. An answer is any outcome but a
 * timeout: a missing document or a conflict is the server answering.
 */
public final class Availability {

    /** Timeouts in a row after which the store counts as down. */
    public static final int TRIP_AFTER = 3;
    /** How often the store is probed while it counts as down. */
    public static final Duration PROBE_EVERY = Duration.ofSeconds(1);
    /** How long the caller that starts a probe waits for its answer before failing. */
    public static final Duration PROBE_WAIT = Duration.ofMillis(50);

    private static final Logger LOG = LoggerFactory.getLogger(Availability.class);
    private static final long UP = Long.MIN_VALUE;

    private final LongSupplier nanoTime;
    private final Supplier<? extends CompletableFuture<?>> probe;
    private final AtomicInteger timeoutsInARow = new AtomicInteger();
    /** When the next probe may start while down; {@link #UP} while up. */
    private final AtomicLong nextProbe = new AtomicLong(UP);

    /**
     * @param probe starts one operation against the store and tells its outcome; it must end
     *     within the store's timeout, as every SDK operation does
     */
    public Availability(LongSupplier nanoTime, Supplier<? extends CompletableFuture<?>> probe) {
        this.nanoTime = nanoTime;
        this.probe = probe;
    }

    public Availability(Supplier<? extends CompletableFuture<?>> probe) {
        this(System::nanoTime, probe);
    }

    /** Whether the store counts as down. */
    public boolean isDown() {
        return nextProbe.get() != UP;
    }

    /** Runs the operation unless the store is down and a probe, if one is due, gets no answer in time. */
    public <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> operation) {
        long probeAt = nextProbe.get();
        if (probeAt == UP) {
            return observed(operation);
        }
        CompletableFuture<?> probed = startProbe(probeAt);
        if (probed == null) {
            return CompletableFuture.failedFuture(down());
        }
        return probed.handle((ignored, error) -> null).thenCompose(answered -> isDown()
                ? CompletableFuture.failedFuture(down())
                : observed(operation));
    }

    /** The operation, its outcome counted: a timeout towards tripping, anything else as an answer. */
    private <T> CompletableFuture<T> observed(Supplier<CompletableFuture<T>> operation) {
        return Futures.attempt(operation).whenComplete((value, error) -> {
            if (error != null && isTimeout(error)) {
                timedOut();
            } else {
                answered();
            }
        });
    }

    /**
     * Starts a probe if one is due and no other caller started it: its outcome, or nothing
     * after {@link #PROBE_WAIT}; {@code null} when this caller starts none.
     */
    private CompletableFuture<?> startProbe(long probeAt) {
        long now = nanoTime.getAsLong();
        if (now - probeAt < 0 || !nextProbe.compareAndSet(probeAt, now + PROBE_EVERY.toNanos())) {
            return null;
        }
        return Futures.attempt(probe::get).whenComplete((ignored, error) -> {
            if (error == null || !isTimeout(error)) {
                answered();
            }
        }).handle((ignored, error) -> null).completeOnTimeout(null, PROBE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The failure of an operation refused while down: retry when the next probe is due. */
    private StoreUnavailableException down() {
        long probeAt = nextProbe.get();
        long waitNanos = probeAt == UP ? 0 : Math.max(0, probeAt - nanoTime.getAsLong());
        Duration retryAfter = Duration.ofSeconds(Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
        return new StoreUnavailableException("Couchbase is not answering; requests fail at once until it does",
                null, retryAfter);
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
    public static boolean isTimeout(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof RequestCanceledException) {
                return true;
            }
        }
        return false;
    }
}
