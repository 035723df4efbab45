package io.profilekit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void passesAPositiveDurationThrough() {
        assertThat(Durations.positive(Duration.ofNanos(1), "timeout")).isEqualTo(Duration.ofNanos(1));
    }

    @Test
    void refusesAMissingZeroOrNegativeDurationNamingTheSetting() {
        for (Duration wrong : new Duration[] {null, Duration.ZERO, Duration.ofMillis(-1)}) {
            assertThatThrownBy(() -> Durations.positive(wrong, "timeout")).as(String.valueOf(wrong))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("timeout must be positive");
        }
    }
}
