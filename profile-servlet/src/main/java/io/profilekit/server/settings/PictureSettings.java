package io.profilekit.server.settings;

import io.profilekit.servlet.ProfileApi;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * How profile answers link their pictures ({@code picture_url}).
 *
 * @param publicPictures whether picture URLs are unsigned, for pictures anyone may see
 * @param signingKey the key that signs picture URLs; empty for the store's shared secret
 * @param urlLifetime how long a signed picture URL stays valid at least
 * @param baseUrl where clients reach the API; empty to take it from each request
 */
public record PictureSettings(boolean publicPictures, Optional<String> signingKey, Duration urlLifetime,
        Optional<String> baseUrl) {

    public static final Setting PUBLIC = Setting.of("profile.pictures.public", false);
    public static final Setting SIGNING_KEY = Setting.of("profile.pictures.signing-key");
    public static final Setting URL_LIFETIME = Setting.of("profile.pictures.url-lifetime",
            Settings.format(ProfileApi.DEFAULT_PICTURE_URL_LIFETIME));
    public static final Setting BASE_URL = Setting.of("profile.pictures.base-url");

    /** Reads them; a malformed one is a {@link ConfigurationException} saying which (never the key). */
    public static PictureSettings from(Settings settings) {
        return new PictureSettings(settings.getBoolean(PUBLIC), settings.get(SIGNING_KEY.name()),
                settings.getDuration(URL_LIFETIME), settings.get(BASE_URL.name()));
    }

    /**
     * Applies them to {@code builder}, which checks each.
     *
     * @throws ConfigurationException naming the setting the builder refused (never the key's value)
     */
    public ProfileApi.Builder applyTo(ProfileApi.Builder builder) {
        signingKey.ifPresent(value -> SIGNING_KEY.apply(() -> builder.pictureSigningKey(
                value.getBytes(StandardCharsets.UTF_8))));
        baseUrl.ifPresent(value -> BASE_URL.apply(() -> builder.pictureBaseUrl(value)));
        URL_LIFETIME.apply(() -> builder.pictureUrlLifetime(urlLifetime));
        return builder.publicPictures(publicPictures);
    }

    @Override
    public String toString() {
        return "PictureSettings[publicPictures=" + publicPictures + ", signingKey=" + (signingKey.isPresent() ? "(set)"
                : "(the store's)") + ", urlLifetime=" + urlLifetime + ", baseUrl=" + baseUrl.orElse("(from requests)") + "]";
    }
}
