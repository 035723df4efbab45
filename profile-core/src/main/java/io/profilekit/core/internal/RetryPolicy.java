package io.profilekit.core.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * How often, and after how long a wait, a write that lost a race to other writers tries again:
 * the one policy of every store. Waits are random and grow with each lost race (up to 64 ms),
 * so that racing writers spread out instead of colliding again.
 */
public final class RetryPolicy {

    /** How many times a write is tried before it gives up. */
    public static final int ATTEMPTS = 32;

    private static final int MAX_EXPONENT = 6;

    private RetryPolicy() {
    }

    /** Runs {@code task} after the wait that follows lost race number {@code attempt} (0 for the first). */
    public static void afterBackOff(int attempt, Runnable task) {
        long millis = ThreadLocalRandom.current().nextLong(1L << Math.min(attempt, MAX_EXPONENT));
        Executor later = CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS, Runnable::run);
        later.execute(task);
    }
}
