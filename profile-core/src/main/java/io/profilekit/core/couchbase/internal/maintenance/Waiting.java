package io.profilekit.core.couchbase.internal.maintenance;

import io.profilekit.core.StoreUnavailableException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Bounded waiting with progress, for what a cluster does in the background after {@code init}
 * asked (a collection reaching every node, an index being built): polls once a second, tells
 * progress every few seconds, and gives up at the DDL timeout.
 */
public final class Waiting {

    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration TELL_EVERY = Duration.ofSeconds(5);

    private final Duration timeout;
    private final Duration poll;

    public Waiting(Duration timeout) {
        this(timeout, POLL);
    }

    Waiting(Duration timeout, Duration poll) {
        this.timeout = timeout;
        this.poll = poll;
    }

    /**
     * Polls {@code done} until it answers true.
     *
     * @param what what is awaited, for the progress lines ("index x to be online")
     * @param giveUp the message when the timeout passes
     * @throws StoreUnavailableException when the timeout passes
     */
    void until(String what, Consumer<String> progress, BooleanSupplier done, Supplier<String> giveUp) {
        long started = System.nanoTime();
        long lastTold = started;
        while (!done.getAsBoolean()) {
            long now = System.nanoTime();
            if (now - started > timeout.toNanos()) {
                throw new StoreUnavailableException(giveUp.get() + " (waited " + timeout.toSeconds() + " s)");
            }
            if (now - lastTold >= TELL_EVERY.toNanos()) {
                progress.accept("waiting for " + what + " (" + Duration.ofNanos(now - started).toSeconds() + " s)");
                lastTold = now;
            }
            sleep(poll);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for Couchbase", e);
        }
    }
}
