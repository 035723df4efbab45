package io.profilekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimeLeftTest {

    @Test
    void theFirstLineTellsNoTimeLeft() {
        assertThat(new TimeLeft(300).after(2.3, 30)).isEmpty();
    }

    @Test
    void estimatesFromTheRateSinceTheLineBeforeNotFromTheSlowStart() {
        TimeLeft left = new TimeLeft(300);
        left.after(2.3, 30);

        assertThat(left.after(2.6, 60)).isEqualTo(", about 2 s left");
    }

    @Test
    void estimatesMinutesBeyondOne() {
        TimeLeft left = new TimeLeft(1_000_000);
        left.after(10, 1000);

        assertThat(left.after(20, 11_000)).isEqualTo(", about 16 min left");
    }

    @Test
    void tellsNothingWhenNothingWasDoneSinceTheLineBefore() {
        TimeLeft left = new TimeLeft(300);
        left.after(1, 30);

        assertThat(left.after(6, 30)).isEmpty();
    }

    @Test
    void saysNoTimeIsLeftOnceAllIsDone() {
        TimeLeft left = new TimeLeft(300);
        left.after(1, 270);

        assertThat(left.after(2, 300)).isEqualTo(", about 0 s left");
    }
}
