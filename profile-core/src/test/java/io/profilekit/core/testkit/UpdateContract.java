package io.profilekit.core.testkit;

import static io.profilekit.core.testkit.ProfileStoreCompatibilityKit.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.profilekit.core.InvalidProfileException;
import io.profilekit.core.PreconditionFailedException;
import io.profilekit.core.ProfileNotFoundException;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredProfile;
import org.junit.jupiter.api.Test;

/**
 * Part of the {@link ProfileRepository} contract that {@link ProfileStoreCompatibilityKit} runs
 * on every backend: read-modify-write through update: the change applied, stale versions and
 * altered ids refused.
 */
public interface UpdateContract extends ProfileRepositoryContract {

    @Test
    default void updateAppliesTheChangeToTheStoredProfile() {
        StoredProfile created = repository().create(person("ada"));

        StoredProfile updated = repository().update(created.recordId(), null,
                current -> current.profile().toBuilder().city("Paris").build());

        assertThat(updated.version()).isNotEqualTo(created.version());
        assertThat(repository().findById(created.recordId()).orElseThrow().profile().city()).isEqualTo("Paris");
    }

    @Test
    default void updateWithAStaleVersionFailsAndKeepsTheStoredProfile() {
        StoredProfile created = repository().create(person("ada"));
        StoredProfile changed = repository().replace(created.profile().toBuilder().city("Paris").build());

        assertThatThrownBy(() -> repository().update(created.recordId(), created.version(),
                current -> current.profile().toBuilder().city("Rome").build()))
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(repository().findById(created.recordId()).orElseThrow().version()).isEqualTo(changed.version());
    }

    @Test
    default void updateRefusesToChangeTheRecordId() {
        StoredProfile created = repository().create(person("ada"));

        assertThatThrownBy(() -> repository().update(created.recordId(), null,
                current -> current.profile().withRecordId(created.recordId() + 1)))
                .isInstanceOf(InvalidProfileException.class).hasMessageContaining("record_id");
        assertThat(repository().findById(created.recordId() + 1)).isEmpty();
    }

    @Test
    default void updateRefusesToLinkAnotherPicture() {
        StoredProfile created = repository().create(person("ada"));

        assertThatThrownBy(() -> repository().update(created.recordId(), null,
                current -> current.profile().withPicture(99L)))
                .isInstanceOf(InvalidProfileException.class).hasMessageContaining("picture");
        assertThat(repository().findById(created.recordId()).orElseThrow().profile().picture()).isNull();
    }

    @Test
    default void updateOfAnUnknownProfileFailsAsNotFound() {
        assertThatThrownBy(() -> repository().update(4242, null, StoredProfile::profile))
                .isInstanceOf(ProfileNotFoundException.class);
    }

    @Test
    default void replaceChecksTheRulesAndKeepsTheStoredProfile() {
        StoredProfile created = repository().create(person("ada"));

        assertThatThrownBy(() -> repository().replace(created.profile().toBuilder().email("not an address").build()))
                .isInstanceOf(InvalidProfileException.class).hasMessageContaining("email");
        assertThat(repository().findById(created.recordId()).orElseThrow().version()).isEqualTo(created.version());
    }
}
