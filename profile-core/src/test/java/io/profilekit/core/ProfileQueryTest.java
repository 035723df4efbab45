package io.profilekit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProfileQueryTest {

    @Test
    void acceptsLimitsFromOneToTheLargestPage() {
        assertThat(ProfileQuery.first(1).limit()).isEqualTo(1);
        assertThat(ProfileQuery.first(ProfileQuery.MAX_LIMIT).limit()).isEqualTo(ProfileQuery.MAX_LIMIT);
    }

    @Test
    void refusesALimitOutsideOneToTheLargestPage() {
        assertThatThrownBy(() -> ProfileQuery.first(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must be between 1 and 1000");
        assertThatThrownBy(() -> ProfileQuery.first(ProfileQuery.MAX_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be between 1 and 1000");
    }

    @Test
    void refusesANegativeCursor() {
        assertThatThrownBy(() -> ProfileQuery.first(10).withAfter(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("after must not be negative");
    }

    @Test
    void withLimitKeepsTheFiltersAndCursor() {
        ProfileQuery query = ProfileQuery.first(10).withUsername("ada").withAfter(5).withLimit(20);

        assertThat(query).isEqualTo(new ProfileQuery("ada", null, null, 5, 20));
    }
}
