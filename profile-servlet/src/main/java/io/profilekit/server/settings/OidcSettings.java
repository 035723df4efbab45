package io.profilekit.server.settings;

import io.profilekit.servlet.auth.OidcAuthenticator;
import java.util.Optional;

/**
 * Signed-in people's OpenID Connect tokens: off unless {@code profile.auth.oidc.issuer} is set,
 * and then {@code profile.auth.oidc.audience} is required too.
 *
 * @param issuer the tokens' {@code iss}; empty when people's tokens are off
 * @param jwksUrl where the issuer's keys are; empty to discover them from the issuer
 * @param audience the {@code aud} tokens for profilekit carry
 * @param usernameClaim the claim naming a person's {@code user_id}
 * @param adminScope a scope that gives full access; empty for none
 */
public record OidcSettings(Optional<String> issuer, Optional<String> jwksUrl, Optional<String> audience,
        String usernameClaim, Optional<String> adminScope) {

    public static final Setting ISSUER = Setting.of("profile.auth.oidc.issuer");
    public static final Setting JWKS_URL = Setting.of("profile.auth.oidc.jwks-url");
    public static final Setting AUDIENCE = Setting.of("profile.auth.oidc.audience");
    public static final Setting USERNAME_CLAIM = Setting.of("profile.auth.oidc.username-claim",
            OidcAuthenticator.DEFAULT_USERNAME_CLAIM);
    public static final Setting ADMIN_SCOPE = Setting.of("profile.auth.oidc.admin-scope");

    /** Reads them; a malformed one is a {@link ConfigurationException} saying which. */
    public static OidcSettings from(Settings settings) {
        OidcSettings read = new OidcSettings(settings.get(ISSUER.name()), settings.get(JWKS_URL.name()),
                settings.get(AUDIENCE.name()), settings.get(USERNAME_CLAIM), settings.get(ADMIN_SCOPE.name()));
        read.authenticator();
        return read;
    }

    /** The authenticator of people's tokens; empty when no issuer is set. */
    public Optional<OidcAuthenticator> authenticator() {
        if (issuer.isEmpty()) {
            return Optional.empty();
        }
        if (audience.isEmpty()) {
            throw new ConfigurationException(AUDIENCE.name() + " is required with " + ISSUER.name()
                    + ": the aud that the issuer's tokens for profilekit carry");
        }
        return Optional.of(ISSUER.apply(() -> {
            OidcAuthenticator.Builder builder = OidcAuthenticator.builder(issuer.get(), audience.get())
                    .usernameClaim(usernameClaim);
            jwksUrl.ifPresent(builder::jwksUrl);
            adminScope.ifPresent(builder::adminScope);
            return builder.build();
        }));
    }
}
