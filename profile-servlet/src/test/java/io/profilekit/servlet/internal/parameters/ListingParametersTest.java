package io.profilekit.servlet.internal.parameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.profilekit.core.ProfileQuery;
import io.profilekit.servlet.internal.http.HttpProblem;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListingParametersTest {

    @Test
    void defaultsToTheFirst50() {
        assertThat(ListingParameters.parse(Map.of())).isEqualTo(ProfileQuery.first(50));
    }

    @Test
    void readsEveryParameter() {
        ProfileQuery query = ListingParameters.parse(Map.of("limit", new String[] {"10"}, "after", new String[] {"40"},
                "username", new String[] {"ada"}, "nickname", new String[] {"a b"}, "email", new String[] {"a@b.c"}));

        assertThat(query).isEqualTo(new ProfileQuery("ada", "a b", "a@b.c", 40, 10));
    }

    @Test
    void theNextPageKeepsLimitAndFiltersEncoded() {
        ProfileQuery query = new ProfileQuery(null, "a b&c", "x+y@z.org", 0, 10);

        assertThat(ListingParameters.nextPage("/ctx/api/v1/profiles", query, 77))
                .isEqualTo("/ctx/api/v1/profiles?limit=10&after=77&nickname=a+b%26c&email=x%2By%40z.org");
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThatThrownBy(() -> ListingParameters.parse(Map.of("sort", new String[] {"name"})))
                .isInstanceOf(HttpProblem.class)
                .hasMessageContaining("unknown query parameter 'sort'");
        assertThatThrownBy(() -> ListingParameters.parse(Map.of("limit", new String[] {"1001"})))
                .hasMessage("query parameter 'limit' must be a whole number from 1 to 1000, not '1001'");
    }

    @Test
    void acceptsEachNumberAtItsBounds() {
        assertThat(ListingParameters.parse(Map.of("limit", new String[] {"1"}, "after", new String[] {"0"})))
                .isEqualTo(ProfileQuery.first(1));
        assertThat(ListingParameters.parse(Map.of("limit", new String[] {"1000"})).limit()).isEqualTo(1000);
    }

    @Test
    void acceptsAFilterOfTheLongestSegmentAndRefusesOneCharacterMore() {
        String longest = "a".repeat(PathParameters.MAX_SEGMENT_LENGTH);

        assertThat(ListingParameters.parse(Map.of("username", new String[] {longest})).username()).isEqualTo(longest);
        assertThatThrownBy(() -> ListingParameters.parse(Map.of("username", new String[] {longest + "a"})))
                .hasMessage("query parameter 'username' must be 1 to 256 characters");
    }

    @Test
    void theNextPageKeepsAUsernameFilter() {
        ProfileQuery query = ProfileQuery.first(5).withUsername("ada");

        assertThat(ListingParameters.nextPage("/api/v1/profiles", query, 9))
                .isEqualTo("/api/v1/profiles?limit=5&after=9&username=ada");
    }
}
