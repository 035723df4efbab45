package io.profilekit.servlet.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    @Test
    void isInWholeSecondsRoundedUpAndAtLeastOne() {
        assertThat(RetryAfter.seconds(Duration.ZERO)).isEqualTo("1");
        assertThat(RetryAfter.seconds(Duration.ofMillis(1001))).isEqualTo("2");
        assertThat(RetryAfter.seconds(Duration.ofSeconds(3))).isEqualTo("3");
    }

    @Test
    void saysShortlyAsOneSecond() {
        assertThat(RetryAfter.seconds(RetryAfter.SHORTLY)).isEqualTo("1");
    }
}
