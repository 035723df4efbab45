package io.profilekit.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.profilekit.core.Profile;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.SearchField;
import io.profilekit.core.SearchQuery;
import io.profilekit.core.StoredProfile;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Part of the {@link ProfileRepository} contract that {@link ProfileStoreCompatibilityKit} runs
 * on every backend: search as someone types (prefixes of words, case and accents aside), its
 * order, its fields, and no stale hit after a rename or a delete.
 */
public interface SearchContract extends ProfileRepositoryContract {

    /** Whether the backend can search (the Couchbase mock, without a Search service, cannot). */
    boolean supportsSearch();

    private StoredProfile add(long id, String username, String name, String nickname) {
        return repository().create(Profile.builder().recordId(id).userId(username).name(name).nickname(nickname)
                .email(username + "@example.com").build());
    }

    private List<Long> idsFound(SearchQuery query) {
        return repository().search(query).stream().map(StoredProfile::recordId).toList();
    }

    private List<Long> idsFound(String text) {
        return idsFound(SearchQuery.of(text));
    }

    @Test
    default void searchFindsEveryWordAsThePrefixOfAWord() {
        assumeTrue(supportsSearch(), "this backend has no search");
        add(1, "larmstrong", "Lolita Armstrong", "lolita");
        add(2, "lsmith", "Lolita Smith", "lola");
        add(3, "karmstrong", "Kurt Armstrong", "kurt");

        assertThat(idsFound("lol arm")).containsExactly(1L);
        assertThat(idsFound("arm")).containsExactly(1L, 3L);
    }

    @Test
    default void searchIgnoresCaseAndAccentsOnBothSides() {
        assumeTrue(supportsSearch(), "this backend has no search");
        add(1, "jose", "José Müller", "pepe");
        add(2, "soren", "Søren Kierkegaard", "sk");
        add(3, "plain", "Jose Muller", "plain");

        assertThat(idsFound("jose muller")).containsExactly(1L, 3L);
        assertThat(idsFound("MÜLL")).containsExactly(1L, 3L);
        assertThat(idsFound("soren kierk")).containsExactly(2L);
        assertThat(idsFound("Søren")).containsExactly(2L);
    }

    @Test
    default void anExactUsernameComesFirstThenWholeWordsThenPrefixes() {
        assumeTrue(supportsSearch(), "this backend has no search");
        add(1, "adam.smith", "Adamant Jones", "adamant");
        add(2, "asmith", "Ada Smith", "ada.s");
        add(3, "ada", "Grace Hopper", "amazing");
        add(4, "alovelace", "Ada Lovelace", "countess");

        assertThat(idsFound("ada")).containsExactly(3L, 2L, 4L, 1L);
    }

    @Test
    default void anExactNicknameComesFirst() {
        assumeTrue(supportsSearch(), "this backend has no search");
        add(1, "kim1", "Kim Lee", "kimmy");
        add(2, "lee2", "Lee Park", "kim");

        assertThat(idsFound("kim")).containsExactly(2L, 1L);
    }

    @Test
    default void anExactNicknameComesFirstWhateverManyHoldItAsAWord() {
        assumeTrue(supportsSearch(), "this backend has no search");
        for (long id = 1; id <= 3L * SearchQuery.DEFAULT_LIMIT; id++) {
            add(id, "kim" + id, "Kim Lee", "lee" + id);
        }
        add(100, "park100", "Jae Park", "kim");

        assertThat(idsFound("kim")).startsWith(100L, 1L, 2L).hasSize(SearchQuery.DEFAULT_LIMIT);
    }

    @Test
    default void searchMatchesBothPartsOfAnEmail() {
        assumeTrue(supportsSearch(), "this backend has no search");
        repository().create(Profile.builder().recordId(1L).userId("u1").name("Someone").email("grace.h@navy.example")
                .build());

        assertThat(idsFound("grace")).containsExactly(1L);
        assertThat(idsFound("navy")).containsExactly(1L);
    }

    @Test
    default void searchMatchesOnlyTheFieldsItIsGiven() {
        assumeTrue(supportsSearch(), "this backend has no search");
        repository().create(Profile.builder().recordId(1L).userId("u1").name("Someone").email("secret.name@example.com")
                .build());

        assertThat(idsFound(SearchQuery.of("secret").withFields(Set.of(SearchField.NAME, SearchField.USERNAME))))
                .isEmpty();
        assertThat(idsFound(SearchQuery.of("secret").withFields(Set.of(SearchField.EMAIL)))).containsExactly(1L);
    }

    @Test
    default void searchAnswersAtMostItsLimitInRecordIdOrderWithinATier() {
        assumeTrue(supportsSearch(), "this backend has no search");
        for (long id = 1; id <= 12; id++) {
            add(id, "user" + id, "Maria Number" + id, "m" + id);
        }

        assertThat(idsFound(SearchQuery.of("mar").withLimit(5))).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(idsFound("maria")).hasSize(SearchQuery.DEFAULT_LIMIT);
    }

    @Test
    default void aRenamedProfileIsFoundByItsNewNameOnly() {
        assumeTrue(supportsSearch(), "this backend has no search");
        StoredProfile stored = add(1, "ada", "Ada Lovelace", "countess");

        repository().update(stored.recordId(), null, current -> current.profile().toBuilder()
                .name("Augusta King").build());

        assertThat(idsFound("lovelace")).isEmpty();
        assertThat(idsFound("augusta")).containsExactly(1L);
    }

    @Test
    default void aDeletedProfileIsFoundNoMore() {
        assumeTrue(supportsSearch(), "this backend has no search");
        add(1, "ada", "Ada Lovelace", "countess");
        add(2, "grace", "Grace Hopper", "amazing");

        repository().delete(1);

        assertThat(idsFound("lovelace")).isEmpty();
        assertThat(idsFound("grace")).containsExactly(2L);
    }

    @Test
    default void deletedProfilesDoNotCrowdOutLiveOnes() {
        assumeTrue(supportsSearch(), "this backend has no search");
        for (long id = 1; id <= SearchQuery.DEFAULT_LIMIT + 2; id++) {
            add(id, "ada" + id, "Ada Lovelace", "countess" + id);
        }
        for (long id = 1; id <= SearchQuery.DEFAULT_LIMIT + 1; id++) {
            repository().delete(id);
        }

        assertThat(idsFound("ada")).containsExactly(SearchQuery.DEFAULT_LIMIT + 2L);
    }

    @Test
    default void searchForWhatNobodyHasFindsNothing() {
        assumeTrue(supportsSearch(), "this backend has no search");
        add(1, "ada", "Ada Lovelace", "countess");

        assertThat(idsFound("zebra")).isEmpty();
        assertThat(idsFound("ada zebra")).isEmpty();
    }
}
