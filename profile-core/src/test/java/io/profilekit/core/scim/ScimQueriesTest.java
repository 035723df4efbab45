package io.profilekit.core.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.profilekit.core.Profile;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.memory.InMemoryProfileStore;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScimQueriesTest {

    private ProfileRepository repository;

    @BeforeEach
    void fill() {
        repository = ProfileRepository.of(new InMemoryProfileStore());
        for (int i = 1; i <= 7; i++) {
            repository.create(Profile.builder().recordId((long) i).userId("user" + i).name("User " + i)
                    .attribute("active", i % 2 == 1).build());
        }
        repository.create(Profile.builder().recordId(8L).userId("mixed.case").build());
    }

    private ScimQueries.Result find(String filter, int startIndex, int count) {
        return ScimQueries.find(repository.async(), filter == null ? null : ScimFilter.parse(filter), startIndex, count)
                .join();
    }

    private static List<Long> ids(ScimQueries.Result result) {
        return result.resources().stream().map(StoredProfile::recordId).toList();
    }

    @Test
    void withoutAFilterEveryProfileIsCountedAndTheWindowAnswered() {
        ScimQueries.Result result = find(null, 3, 2);

        assertThat(result.totalResults()).isEqualTo(8);
        assertThat(ids(result)).containsExactly(3L, 4L);
    }

    @Test
    void aFilterCountsOnlyTheMatches() {
        ScimQueries.Result result = find("active eq false", 1, 2);

        assertThat(result.totalResults()).isEqualTo(3);
        assertThat(ids(result)).containsExactly(2L, 4L);
    }

    @Test
    void aCountOfZeroAnswersTheTotalAlone() {
        ScimQueries.Result result = find("active eq true", 1, 0);

        assertThat(result.totalResults()).isEqualTo(5); // 1, 3, 5, 7, and 8, active as it never said otherwise
        assertThat(result.resources()).isEmpty();
    }

    @Test
    void theLastIndexAnswersTheLastProfile() {
        assertThat(ids(find(null, 8, 5))).containsExactly(8L);
        assertThat(ids(find(null, 9, 5))).isEmpty();
    }

    @Test
    void aWindowEndsAfterCountProfiles() {
        assertThat(ids(find(null, 1, 3))).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aStartIndexBelowOneOrACountOutOfRangeIsRefused() {
        assertThatThrownBy(() -> find(null, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> find(null, 1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> find(null, 1, ScimQueries.MAX_COUNT + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(find(null, 1, ScimQueries.MAX_COUNT).totalResults()).isEqualTo(8);
    }

    @Test
    void aUserNameEqualityIsAnsweredByItsKey() {
        assertThat(ids(find("userName eq \"user5\"", 1, 10))).containsExactly(5L);
    }

    @Test
    void aUserNameInAnotherCaseIsFoundInLowerCase() {
        assertThat(ids(find("userName eq \"USER5\"", 1, 10))).containsExactly(5L);
    }

    @Test
    void theRestOfAKeyedFilterStillApplies() {
        assertThat(find("userName eq \"user2\" and active eq true", 1, 10).totalResults()).isZero();
    }

    @Test
    void anIdThatIsNoNumberMatchesNothing() {
        assertThat(find("id eq \"abc\"", 1, 10).totalResults()).isZero();
    }

    @Test
    void anIdEqualityIsAnsweredByItsKey() {
        assertThat(ids(find("id eq \"8\"", 1, 10))).containsExactly(8L);
    }

    @Test
    void aKeyedAnswerBeyondTheFirstIndexIsEmptyButCounted() {
        ScimQueries.Result result = find("id eq \"8\"", 2, 10);

        assertThat(result.totalResults()).isEqualTo(1);
        assertThat(result.resources()).isEmpty();
    }
}
