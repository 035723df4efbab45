package io.profilekit.core.testkit;

import static io.profilekit.core.testkit.ProfileStoreCompatibilityKit.JPEG;
import static io.profilekit.core.testkit.ProfileStoreCompatibilityKit.PNG;
import static io.profilekit.core.testkit.ProfileStoreCompatibilityKit.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.profilekit.core.ProfileNotFoundException;
import io.profilekit.core.ProfilePicture;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredPicture;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.internal.Json;
import java.io.IOException;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Part of the {@link ProfileRepository} contract that {@link ProfileStoreCompatibilityKit} runs
 * on every backend: storing, linking, reading and deleting pictures in the seed format.
 */
public interface PictureContract extends ProfileRepositoryContract {

    @Test
    default void putPictureStoresTheImageAndLinksTheProfile() {
        StoredProfile ada = repository().create(person("ada1815"));

        StoredPicture stored = repository().putPicture(ada.recordId(), ProfilePicture.of(PNG));

        StoredProfile linked = repository().findById(ada.recordId()).orElseThrow();
        assertThat(linked.profile().picture()).isEqualTo(stored.recordId());
        assertThat(linked.version()).isNotEqualTo(ada.version());
        StoredPicture found = repository().findPicture(stored.recordId()).orElseThrow();
        assertThat(found.image()).isEqualTo(PNG);
        assertThat(found.mediaType()).isEqualTo("image/png");
    }

    @Test
    default void putPictureOverwritesThePictureTheProfileAlreadyLinks() {
        StoredProfile ada = repository().create(person("ada1815"));
        StoredPicture first = repository().putPicture(ada.recordId(), ProfilePicture.of(PNG));

        StoredPicture second = repository().putPicture(ada.recordId(), ProfilePicture.of(JPEG));

        assertThat(second.recordId()).isEqualTo(first.recordId());
        assertThat(second.version()).isNotEqualTo(first.version());
        assertThat(repository().findPicture(first.recordId()).orElseThrow().mediaType())
                .isEqualTo("image/jpeg");
    }

    @Test
    default void putPictureGivesTheProfileANewVersionWhenItAlreadyLinksOne() {
        StoredProfile ada = repository().create(person("ada1815"));
        repository().putPicture(ada.recordId(), ProfilePicture.of(PNG));
        StoredProfile linked = repository().findById(ada.recordId()).orElseThrow();

        repository().putPicture(ada.recordId(), ProfilePicture.of(JPEG));

        StoredProfile after = repository().findById(ada.recordId()).orElseThrow();
        assertThat(after.version()).isNotEqualTo(linked.version());
        assertThat(after.profile()).isEqualTo(linked.profile());
    }

    @Test
    default void sharedSecretIsTheSameOnEveryCallAndAtLeast32Bytes() {
        byte[] first = repository().sharedSecret("picture-urls");

        assertThat(first.length).isGreaterThanOrEqualTo(32);
        assertThat(repository().sharedSecret("picture-urls")).isEqualTo(first);
    }

    @Test
    default void sharedSecretsOfDifferentNamesDiffer() {
        assertThat(repository().sharedSecret("one")).isNotEqualTo(repository().sharedSecret("two"));
    }

    @Test
    default void sharedSecretRefusesANameOutsideItsForm() {
        assertThatThrownBy(() -> repository().sharedSecret("Picture URLs"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    default void putPictureOfAnUnknownProfileFailsAsNotFound() {
        assertThatThrownBy(() -> repository().putPicture(4242, ProfilePicture.of(PNG)))
                .isInstanceOf(ProfileNotFoundException.class);
    }

    @Test
    default void storedPictureDocumentIsTheSeedFormat() throws IOException {
        StoredProfile ada = repository().create(person("ada1815"));
        StoredPicture stored = repository().putPicture(ada.recordId(), ProfilePicture.of(PNG));

        JsonNode json = Json.MAPPER.readTree(
                repository().findPicture(stored.recordId()).orElseThrow().json());

        assertThat(json.get("record_id").asLong()).isEqualTo(stored.recordId());
        assertThat(json.get("type").asText()).isEqualTo("png");
        assertThat(Base64.getDecoder().decode(json.get("image").asText())).isEqualTo(PNG);
    }

    @Test
    default void deletePictureRemovesTheImageAndTheLink() {
        StoredProfile ada = repository().create(person("ada1815"));
        StoredPicture stored = repository().putPicture(ada.recordId(), ProfilePicture.of(PNG));

        repository().deletePicture(ada.recordId());

        assertThat(repository().findPicture(stored.recordId())).isEmpty();
        assertThat(repository().findById(ada.recordId()).orElseThrow().profile().picture()).isNull();
    }

    @Test
    default void deletePictureOfAProfileWithoutOneFailsAsNotFound() {
        StoredProfile ada = repository().create(person("ada1815"));

        assertThatThrownBy(() -> repository().deletePicture(ada.recordId()))
                .isInstanceOf(ProfileNotFoundException.class);
    }

    @Test
    default void findPictureReturnsEmptyForAnUnknownId() {
        assertThat(repository().findPicture(55_555)).isEmpty();
    }
}
