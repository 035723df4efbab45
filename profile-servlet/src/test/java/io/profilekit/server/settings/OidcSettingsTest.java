package io.profilekit.server.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.profilekit.servlet.auth.OidcAuthenticator;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OidcSettingsTest {

    private static final String ISSUER = "https://sso.example.com/realms/apps";

    private static OidcSettings read(Map<String, String> values) {
        return OidcSettings.from(Settings.of(values::get));
    }

    @Test
    void withoutAnIssuerPeoplesTokensAreOff() {
        assertThat(read(Map.of()).authenticator()).isEmpty();
    }

    @Test
    void anIssuerAndAnAudienceMakeAnAuthenticatorWithTheDefaultUsernameClaim() {
        OidcSettings settings = read(Map.of("profile.auth.oidc.issuer", ISSUER, "profile.auth.oidc.audience", "profilekit"));

        assertThat(settings.usernameClaim()).isEqualTo(OidcAuthenticator.DEFAULT_USERNAME_CLAIM);
        assertThat(settings.authenticator()).get().asString().contains(ISSUER, "profilekit", "(discovered)");
    }

    @Test
    void readsTheEnvironmentFormOfEachName() {
        Map<String, String> environment = Map.of("PROFILE_AUTH_OIDC_ISSUER", ISSUER, "PROFILE_AUTH_OIDC_AUDIENCE", "api",
                "PROFILE_AUTH_OIDC_JWKS_URL", ISSUER + "/protocol/openid-connect/certs",
                "PROFILE_AUTH_OIDC_USERNAME_CLAIM", "email", "PROFILE_AUTH_OIDC_ADMIN_SCOPE", "profiles:admin");

        OidcSettings settings = OidcSettings.from(Settings.of(name -> environment.get(Settings.environmentName(name))));

        assertThat(settings).isEqualTo(new OidcSettings(Optional.of(ISSUER),
                Optional.of(ISSUER + "/protocol/openid-connect/certs"), Optional.of("api"), "email",
                Optional.of("profiles:admin")));
    }

    @Test
    void anIssuerWithoutAnAudienceIsRefusedSayingWhichSettingIsMissing() {
        assertThatThrownBy(() -> read(Map.of("profile.auth.oidc.issuer", ISSUER)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("profile.auth.oidc.audience is required with profile.auth.oidc.issuer");
    }

    @Test
    void anIssuerThatIsNoUrlIsRefused() {
        assertThatThrownBy(() -> read(Map.of("profile.auth.oidc.issuer", "apps", "profile.auth.oidc.audience", "api")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("profile.auth.oidc.issuer: the issuer must be an http or https URL");
    }
}
