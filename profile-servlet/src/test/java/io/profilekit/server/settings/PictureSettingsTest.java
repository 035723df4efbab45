package io.profilekit.server.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.profilekit.core.ProfileRepository;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.servlet.ProfileApi;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PictureSettingsTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef-secret";

    private static PictureSettings read(Map<String, String> values) {
        return PictureSettings.from(Settings.of(values::get));
    }

    @Test
    void byDefaultPictureUrlsAreSignedWithTheStoresSecretForSevenDays() {
        assertThat(read(Map.of())).isEqualTo(new PictureSettings(false, Optional.empty(), Duration.ofDays(7),
                Optional.empty()));
    }

    @Test
    void readsEachSetting() {
        PictureSettings settings = read(Map.of("profile.pictures.public", "true", "profile.pictures.signing-key", KEY,
                "profile.pictures.url-lifetime", "12h", "profile.pictures.base-url", "https://example.com/p"));

        assertThat(settings).isEqualTo(new PictureSettings(true, Optional.of(KEY), Duration.ofHours(12),
                Optional.of("https://example.com/p")));
    }

    @Test
    void aSigningKeyShorterThan32BytesIsRefusedWithoutShowingIt() {
        PictureSettings settings = read(Map.of("profile.pictures.signing-key", "short-secret"));
        ProfileApi.Builder builder = ProfileApi.builder(ProfileRepository.of(new InMemoryProfileStore()));

        assertThatThrownBy(() -> settings.applyTo(builder))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("profile.pictures.signing-key: the picture signing key needs at least 32 bytes")
                .hasMessageNotContaining("short-secret");
    }

    @Test
    void theKeyNeverAppearsInTheTextOfTheSettings() {
        assertThat(read(Map.of("profile.pictures.signing-key", KEY)).toString()).doesNotContain(KEY).contains("(set)");
    }

    @Test
    void aBaseUrlThatIsNoHttpUrlIsRefusedNamingTheSetting() {
        PictureSettings settings = read(Map.of("profile.pictures.base-url", "example.com/p"));
        ProfileApi.Builder builder = ProfileApi.builder(ProfileRepository.of(new InMemoryProfileStore()));

        assertThatThrownBy(() -> settings.applyTo(builder)).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("profile.pictures.base-url: the picture base URL must be an http or https URL");
    }
}
