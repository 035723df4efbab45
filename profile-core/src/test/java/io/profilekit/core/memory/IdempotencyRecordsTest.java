package io.profilekit.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.spi.IdempotencyRecord;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IdempotencyRecordsTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final IdempotencyRecords records = new IdempotencyRecords(now::get);
    private final IdempotencyRecord first = IdempotencyRecord.pending("f1", 1);
    private final IdempotencyRecord second = IdempotencyRecord.pending("f2", 2);

    @Test
    void keepsTheFirstRecordOfAKeyWithinItsLifetime() {
        records.remember("k", first, Duration.ofSeconds(10));
        now.addAndGet(Duration.ofSeconds(9).toNanos());

        assertThat(records.remember("k", second, Duration.ofSeconds(10))).isEqualTo(first);
    }

    @Test
    void forgetsARecordOnceItsLifetimeIsOver() {
        records.remember("k", first, Duration.ofSeconds(10));
        now.addAndGet(Duration.ofSeconds(10).toNanos());

        assertThat(records.remember("k", second, Duration.ofSeconds(10))).isEqualTo(second);
    }

    @Test
    void aSettledRecordLivesItsLifetimeFromWhenItWasSettled() {
        records.remember("k", first, Duration.ofSeconds(10));
        now.addAndGet(Duration.ofSeconds(8).toNanos());
        records.settle("k", first, Duration.ofSeconds(10));
        now.addAndGet(Duration.ofSeconds(8).toNanos());

        assertThat(records.remember("k", second, Duration.ofSeconds(10))).isEqualTo(first);
    }

    @Test
    void sweepsExpiredRecordsOnceManyAreKept() {
        for (int i = 0; i <= IdempotencyRecords.SWEEP_ABOVE; i++) {
            records.remember("old-" + i, first, Duration.ofSeconds(1));
        }
        now.addAndGet(Duration.ofSeconds(2).toNanos());

        records.remember("new", second, Duration.ofSeconds(1));

        assertThat(records.size()).isEqualTo(1);
    }
}
