package io.profilekit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionTest {

    @Test
    void textFormRoundTripsIncludingUnsignedValues() {
        Version big = new Version(-2L);

        assertThat(big.toString()).isEqualTo("fffffffffffffffe");
        assertThat(Version.parse(big.toString())).isEqualTo(big);
    }

    @Test
    void parseRefusesAnythingButHex() {
        assertThatThrownBy(() -> Version.parse("xyz")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Version.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Version.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Version.parse("1".repeat(17))).isInstanceOf(IllegalArgumentException.class);
    }
}
