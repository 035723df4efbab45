package io.profilekit.core.testkit;

import static io.profilekit.core.testkit.ProfileStoreCompatibilityKit.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.profilekit.core.InvalidProfileException;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Part of the {@link ProfileRepository} contract that {@link ProfileStoreCompatibilityKit} runs
 * on every backend: every write applies {@link ProfileRules}, refuses what breaks them naming
 * the field, and stores nothing; what passes reads back as written.
 */
public interface ProfileRulesContract extends ProfileRepositoryContract {

    /** The fields with a length limit, and the limit. */
    String LIMITS = """
            name, 200
            nickname, 64
            first_name, 100
            last_name, 100
            address, 200
            city, 100
            state, 64
            zip_code, 16
            phone, 32
            """;

    @ParameterizedTest(name = "{0}: {1} characters")
    @CsvSource(textBlock = LIMITS)
    default void createKeepsAFieldAtItsLimit(String field, int limit) {
        Profile atLimit = with(person("ada"), field, "x".repeat(limit));

        StoredProfile created = repository().create(atLimit);

        assertThat(field(repository().findById(created.recordId()).orElseThrow().profile(), field)).hasSize(limit);
    }

    @ParameterizedTest(name = "{0}: {1} characters")
    @CsvSource(textBlock = LIMITS)
    default void createRefusesAFieldOneCharacterOverItsLimitAndStoresNothing(String field, int limit) {
        Profile tooLong = with(person("ada"), field, "x".repeat(limit + 1));

        assertThatThrownBy(() -> repository().create(tooLong)).isInstanceOf(InvalidProfileException.class)
                .hasMessage(field + " must be at most " + limit + " characters");
        assertThat(repository().findByUsername("ada")).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1} characters")
    @CsvSource(textBlock = LIMITS)
    default void replaceRefusesAFieldOverItsLimitAndKeepsTheStoredProfile(String field, int limit) {
        StoredProfile created = repository().create(person("ada"));

        Profile tooLong = with(created.profile(), field, "x".repeat(limit + 1));

        assertThatThrownBy(() -> repository().replace(tooLong, null))
                .isInstanceOf(InvalidProfileException.class).hasMessage(field + " must be at most " + limit + " characters");
        StoredProfile stored = repository().findById(created.recordId()).orElseThrow();
        assertThat(stored.version()).isEqualTo(created.version());
        assertThat(stored.profile()).isEqualTo(created.profile());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    default void createRefusesAPictureLinkThatIsNotPositive(long picture) {
        Profile profile = person("ada").toBuilder().picture(picture).build();

        assertThatThrownBy(() -> repository().create(profile)).isInstanceOf(InvalidProfileException.class)
                .hasMessage("picture must be a positive integer");
        assertThat(repository().findByUsername("ada")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    default void createRefusesARecordIdThatIsNotPositive(long recordId) {
        assertThatThrownBy(() -> repository().create(person("ada").withRecordId(recordId)))
                .isInstanceOf(InvalidProfileException.class).hasMessage("record_id must be a positive integer");
        assertThat(repository().findByUsername("ada")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    default void createKeepsAPositivePictureLink(long picture) {
        Profile linked = person("ada").toBuilder().picture(picture).build();

        StoredProfile created = repository().create(linked);

        assertThat(repository().findById(created.recordId()).orElseThrow().profile().picture()).isEqualTo(picture);
    }

    @ParameterizedTest
    @CsvSource(value = {"true", "false", "null"}, nullValues = "null")
    default void emailVerifiedReadsBackAsWritten(Boolean verified) {
        Profile profile = person("ada").toBuilder().emailVerified(verified).build();

        StoredProfile created = repository().create(profile);

        assertThat(repository().findById(created.recordId()).orElseThrow().profile().emailVerified()).isEqualTo(verified);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "has space", "slash/in/it"})
    default void createRefusesAUsernameThatIsNoName(String username) {
        assertThatThrownBy(() -> repository().create(person(username)))
                .isInstanceOf(InvalidProfileException.class).hasMessageStartingWith("user_id");
    }

    @Test
    default void createRefusesAProfileWithoutUsername() {
        Profile nameless = person("x").toBuilder().userId(null).build();

        assertThatThrownBy(() -> repository().create(nameless)).isInstanceOf(InvalidProfileException.class)
                .hasMessage("user_id (the username) is required");
    }

    private static Profile with(Profile profile, String field, String value) {
        Profile.Builder builder = profile.toBuilder();
        switch (field) {
            case "name" -> builder.name(value);
            case "nickname" -> builder.nickname(value);
            case "first_name" -> builder.firstName(value);
            case "last_name" -> builder.lastName(value);
            case "address" -> builder.address(value);
            case "city" -> builder.city(value);
            case "state" -> builder.state(value);
            case "zip_code" -> builder.zipCode(value);
            case "phone" -> builder.phone(value);
            default -> throw new IllegalArgumentException(field);
        }
        return builder.build();
    }

    private static String field(Profile profile, String field) {
        return switch (field) {
            case "name" -> profile.name();
            case "nickname" -> profile.nickname();
            case "first_name" -> profile.firstName();
            case "last_name" -> profile.lastName();
            case "address" -> profile.address();
            case "city" -> profile.city();
            case "state" -> profile.state();
            case "zip_code" -> profile.zipCode();
            case "phone" -> profile.phone();
            default -> throw new IllegalArgumentException(field);
        };
    }
}
