package io.profilekit.core.couchbase.internal.lookups;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How long a pending username claim lives, from the key-value timeout it must outlive. */
class LookupsTest {

    @Test
    void aClaimOutlivesSeveralKeyValueTimeouts() {
        Duration kvTimeout = Lookups.MIN_CLAIM_TTL.multipliedBy(2);

        assertThat(new Lookups(null, null, kvTimeout).claimTtl())
                .isEqualTo(kvTimeout.multipliedBy(Lookups.CLAIM_TIMEOUTS));
    }

    @Test
    void aShortKeyValueTimeoutStillGivesTheShortestClaim() {
        assertThat(new Lookups(null, null, Duration.ofMillis(1)).claimTtl()).isEqualTo(Lookups.MIN_CLAIM_TTL);
    }

    @Test
    void aClaimLivesWholeSecondsRoundedUp() {
        Duration kvTimeout = Lookups.MIN_CLAIM_TTL.plusMillis(1);

        assertThat(new Lookups(null, null, kvTimeout).claimTtl().toMillis() % 1000).isZero();
        assertThat(new Lookups(null, null, kvTimeout).claimTtl())
                .isGreaterThanOrEqualTo(kvTimeout.multipliedBy(Lookups.CLAIM_TIMEOUTS));
    }
}
