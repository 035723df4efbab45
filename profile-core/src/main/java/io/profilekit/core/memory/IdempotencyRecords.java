package io.profilekit.core.memory;

import io.profilekit.core.spi.IdempotencyRecord;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The in-memory store's idempotency records, each forgotten once its lifetime is over: on
 * reading, and in a sweep whenever more than {@value #SWEEP_ABOVE} are kept.
 */
final class IdempotencyRecords {

    static final int SWEEP_ABOVE = 10_000;

    private record Kept(IdempotencyRecord record, long expiresAt) {
    }

    private final ConcurrentHashMap<String, Kept> records = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    IdempotencyRecords(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    IdempotencyRecord remember(String key, IdempotencyRecord proposed, Duration lifetime) {
        long now = nanoTime.getAsLong();
        if (records.size() > SWEEP_ABOVE) {
            records.values().removeIf(kept -> kept.expiresAt() - now <= 0);
        }
        return records.compute(key, (unused, kept) -> kept != null && kept.expiresAt() - now > 0 ? kept
                : new Kept(proposed, now + lifetime.toNanos())).record();
    }

    void settle(String key, IdempotencyRecord answered, Duration lifetime) {
        records.put(key, new Kept(answered, nanoTime.getAsLong() + lifetime.toNanos()));
    }

    /** Forgets the records of the create that wrote {@code recordId}. */
    void forget(long recordId) {
        records.values().removeIf(kept -> kept.record().recordId() == recordId);
    }

    /** How many records are kept, expired ones not yet swept included. */
    int size() {
        return records.size();
    }

    void clear() {
        records.clear();
    }
}
