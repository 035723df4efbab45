package io.profilekit.server.settings;

import io.profilekit.servlet.ApiLimits;
import io.profilekit.servlet.ProfileApi;
import java.time.Duration;
import java.util.List;

/**
 * Who may call the API and what it accepts.
 *
 * @param tokens the configured bearer tokens; empty when none is set
 * @param limits the largest bodies accepted
 * @param accessLog whether to log a line per request
 * @param renderCacheBytes how many bytes of rendered pictures to keep in memory
 * @param corsAllowedOrigins the origins whose pages may call the API from a browser
 * @param idempotencyKeyLifetime how long a create's {@code Idempotency-Key} is kept
 * @param scim whether to serve SCIM 2.0 under {@code /scim/v2}
 */
public record ApiSettings(List<String> tokens, ApiLimits limits, boolean accessLog, int renderCacheBytes,
        List<String> corsAllowedOrigins, Duration idempotencyKeyLifetime, boolean scim) {

    public static final Setting TOKENS = Setting.of("profile.api.tokens");
    public static final Setting MAX_PROFILE_BYTES = Setting.of("profile.api.max-profile-bytes",
            ApiLimits.DEFAULTS.maxProfileBytes());
    public static final Setting MAX_PICTURE_BYTES = Setting.of("profile.api.max-picture-bytes",
            ApiLimits.DEFAULTS.maxPictureBytes());
    public static final Setting MAX_CONCURRENT_BODY_READS = Setting.of("profile.api.max-concurrent-body-reads",
            ApiLimits.DEFAULTS.maxConcurrentBodyReads());
    public static final Setting ACCESS_LOG = Setting.of("profile.log.access", false);
    public static final Setting RENDER_CACHE_BYTES = Setting.of("profile.api.render-cache-bytes",
            ProfileApi.DEFAULT_RENDER_CACHE_BYTES);
    public static final Setting CORS_ALLOWED_ORIGINS = Setting.of("profile.cors.allowed-origins");
    public static final Setting IDEMPOTENCY_KEY_LIFETIME = Setting.of("profile.api.idempotency-key-lifetime",
            Settings.format(ProfileApi.DEFAULT_IDEMPOTENCY_KEY_LIFETIME));
    public static final Setting SCIM = Setting.of("profile.scim.enabled", false);

    public ApiSettings {
        tokens = List.copyOf(tokens);
        corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
    }

    /** Applies what the API builder takes of them; the builder checks each, and a refusal names its setting. */
    public ProfileApi.Builder applyTo(ProfileApi.Builder builder) {
        IDEMPOTENCY_KEY_LIFETIME.apply(() -> builder.idempotencyKeyLifetime(idempotencyKeyLifetime));
        CORS_ALLOWED_ORIGINS.apply(() -> builder.corsAllowedOrigins(corsAllowedOrigins));
        return builder.limits(limits).accessLog(accessLog).renderCacheBytes(renderCacheBytes).scim(scim);
    }

    /** Reads them; a malformed one is a {@link ConfigurationException} saying which. */
    public static ApiSettings from(Settings settings) {
        ApiLimits limits = new ApiLimits(
                settings.getInt(MAX_PROFILE_BYTES, ApiLimits.MIN_BODY_BYTES, ApiLimits.MAX_BODY_BYTES),
                settings.getInt(MAX_PICTURE_BYTES, ApiLimits.MIN_BODY_BYTES, ApiLimits.MAX_BODY_BYTES),
                ApiLimits.DEFAULTS.maxPictureSide(),
                settings.getInt(MAX_CONCURRENT_BODY_READS, 1, ApiLimits.MAX_CONCURRENT_BODY_READS));
        return new ApiSettings(settings.getList(TOKENS.name()), limits, settings.getBoolean(ACCESS_LOG),
                settings.getInt(RENDER_CACHE_BYTES, 0, (int) ProfileApi.MAX_RENDER_CACHE_BYTES),
                settings.getList(CORS_ALLOWED_ORIGINS.name()), settings.getDuration(IDEMPOTENCY_KEY_LIFETIME),
                settings.getBoolean(SCIM));
    }
}
