package io.profilekit.server.settings;

import io.profilekit.core.pictures.PictureSignatures;
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

    /** Reads them; a malformed one is an {@link IllegalArgumentException} saying which (never the key). */
    public static PictureSettings from(Settings settings) {
        Optional<String> key = settings.get(SIGNING_KEY.name());
        if (key.isPresent() && key.get().getBytes(StandardCharsets.UTF_8).length < PictureSignatures.MIN_KEY_BYTES) {
            throw new IllegalArgumentException(SIGNING_KEY.name() + " must be at least "
                    + PictureSignatures.MIN_KEY_BYTES + " bytes long (openssl rand -base64 32 makes one)");
        }
        Optional<String> baseUrl = settings.get(BASE_URL.name());
        return new PictureSettings(settings.getBoolean(PUBLIC), key, settings.getDuration(URL_LIFETIME), baseUrl);
    }

    /** Applies them to {@code builder}. */
    public ProfileApi.Builder applyTo(ProfileApi.Builder builder) {
        signingKey.ifPresent(value -> builder.pictureSigningKey(value.getBytes(StandardCharsets.UTF_8)));
        baseUrl.ifPresent(value -> {
            try {
                builder.pictureBaseUrl(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(BASE_URL.name() + ": " + e.getMessage() + ", not '" + value + "'", e);
            }
        });
        return builder.publicPictures(publicPictures).pictureUrlLifetime(urlLifetime);
    }

    @Override
    public String toString() {
        return "PictureSettings[publicPictures=" + publicPictures + ", signingKey=" + (signingKey.isPresent() ? "(set)"
                : "(the store's)") + ", urlLifetime=" + urlLifetime + ", baseUrl=" + baseUrl.orElse("(from requests)") + "]";
    }
}
