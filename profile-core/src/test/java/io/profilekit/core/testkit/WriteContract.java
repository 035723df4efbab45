package io.profilekit.core.testkit;

import static io.profilekit.core.testkit.ProfileStoreCompatibilityKit.PNG;
import static io.profilekit.core.testkit.ProfileStoreCompatibilityKit.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.profilekit.core.PreconditionFailedException;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileConflictException;
import io.profilekit.core.ProfileNotFoundException;
import io.profilekit.core.ProfilePicture;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredPicture;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.Version;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Part of the {@link ProfileRepository} contract that {@link ProfileStoreCompatibilityKit} runs
 * on every backend: replacing and deleting a profile: versions, conflicts and what each write
 * frees.
 */
public interface WriteContract extends ProfileRepositoryContract {

    @Test
    default void replaceWithTheCurrentVersionStoresTheChangeUnderANewVersion() {
        StoredProfile created = repository().create(person("ada1815"));
        Profile changed = created.profile().toBuilder().city("Paris").build();

        StoredProfile replaced = repository().replace(changed, created.version());

        assertThat(replaced.version()).isNotEqualTo(created.version());
        StoredProfile found = repository().findById(created.recordId()).orElseThrow();
        assertThat(found.profile().city()).isEqualTo("Paris");
        assertThat(found.version()).isEqualTo(replaced.version());
    }

    @Test
    default void replaceWithAStaleVersionFailsAndKeepsTheStoredProfile() {
        StoredProfile created = repository().create(person("ada1815"));
        repository().replace(created.profile().toBuilder().city("Paris").build(), created.version());

        assertThatThrownBy(() -> repository().replace(
                created.profile().toBuilder().city("Rome").build(), created.version()))
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(repository().findById(created.recordId()).orElseThrow().profile().city())
                .isEqualTo("Paris");
    }

    @Test
    default void replaceWithoutVersionOverwritesAnyVersion() {
        StoredProfile created = repository().create(person("ada1815"));
        repository().replace(created.profile().toBuilder().city("Paris").build(), created.version());

        repository().replace(created.profile().toBuilder().city("Rome").build());

        assertThat(repository().findById(created.recordId()).orElseThrow().profile().city())
                .isEqualTo("Rome");
    }

    @Test
    default void replaceOfAnUnknownProfileFailsAsNotFound() {
        assertThatThrownBy(() -> repository().replace(person("ada1815").withRecordId(99L)))
                .isInstanceOf(ProfileNotFoundException.class);
        assertThat(repository().findById(99)).isEmpty();
    }

    @Test
    default void replaceOntoAnotherProfilesUsernameFailsAsConflict() {
        repository().create(person("ada1815"));
        StoredProfile grace = repository().create(person("grace1906"));

        assertThatThrownBy(() -> repository().replace(
                grace.profile().toBuilder().userId("ada1815").build(), grace.version()))
                .isInstanceOf(ProfileConflictException.class);
        assertThat(repository().findByUsername("grace1906")).isPresent();
    }

    @Test
    default void renameFreesTheOldUsername() {
        StoredProfile ada = repository().create(person("ada1815"));

        repository().replace(ada.profile().toBuilder().userId("countess").build(), ada.version());

        assertThat(repository().findByUsername("ada1815")).isEmpty();
        assertThat(repository().findByUsername("countess")).get()
                .extracting(StoredProfile::recordId).isEqualTo(ada.recordId());
        assertThat(repository().create(person("ada1815")).recordId()).isNotEqualTo(ada.recordId());
    }

    @Test
    default void changingTheNicknameMovesTheNicknameLookup() {
        StoredProfile ada = repository().create(person("ada1815", "alovelace"));

        repository().replace(ada.profile().toBuilder().nickname("countess").build(), ada.version());

        assertThat(repository().findByNickname("alovelace", 10)).isEmpty();
        assertThat(repository().findByNickname("countess", 10)).hasSize(1);
    }

    @Test
    default void everyWriteGivesANewVersion() {
        StoredProfile ada = repository().create(person("ada1815"));
        Set<Version> versions = new HashSet<>();
        versions.add(ada.version());
        Version current = ada.version();
        for (int i = 0; i < 5; i++) {
            current = repository().replace(ada.profile(), current).version();
            versions.add(current);
        }

        assertThat(versions).hasSize(6);
    }

    @Test
    default void deleteRemovesTheProfileAndFreesItsUsername() {
        StoredProfile ada = repository().create(person("ada1815", "alovelace"));

        repository().delete(ada.recordId(), ada.version());

        assertThat(repository().findById(ada.recordId())).isEmpty();
        assertThat(repository().findByUsername("ada1815")).isEmpty();
        assertThat(repository().findByNickname("alovelace", 10)).isEmpty();
        assertThat(repository().create(person("ada1815")).profile().userId()).isEqualTo("ada1815");
    }

    @Test
    default void deleteWithAStaleVersionFailsAndKeepsTheProfile() {
        StoredProfile ada = repository().create(person("ada1815"));
        repository().replace(ada.profile().toBuilder().city("Paris").build(), ada.version());

        assertThatThrownBy(() -> repository().delete(ada.recordId(), ada.version()))
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(repository().findById(ada.recordId())).isPresent();
    }

    @Test
    default void deleteOfAnUnknownProfileFailsAsNotFound() {
        assertThatThrownBy(() -> repository().delete(12345))
                .isInstanceOf(ProfileNotFoundException.class);
    }

    @Test
    default void deleteRemovesThePicture() {
        StoredProfile ada = repository().create(person("ada1815"));
        StoredPicture picture = repository().putPicture(ada.recordId(), ProfilePicture.of(PNG));

        repository().delete(ada.recordId());

        assertThat(repository().findPicture(picture.recordId())).isEmpty();
    }
}
