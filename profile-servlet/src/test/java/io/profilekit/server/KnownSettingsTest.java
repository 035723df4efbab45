package io.profilekit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.profilekit.server.settings.ConfigurationException;
import io.profilekit.server.settings.Settings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnownSettingsTest {

    private static Settings listing(String... names) {
        return Settings.of(Settings.Source.listing(Map.<String, String>of()::get, () -> List.of(names)));
    }

    @Test
    void acceptsEveryKnownNameAsPropertyAndAsVariable() {
        assertThatCode(() -> KnownSettings.check(listing("profile.db.bucket", "PROFILE_DB_BUCKET",
                "profile.auth.oidc.issuer", "PROFILE_API_MAX_CONCURRENT_BODY_READS"))).doesNotThrowAnyException();
    }

    @Test
    void refusesAMisspeltPropertyNamingTheClosestProperty() {
        assertThatThrownBy(() -> KnownSettings.check(listing("profile.pictures.signing-kye")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("unknown setting profile.pictures.signing-kye (did you mean profile.pictures.signing-key?);"
                        + " docs/configuration.md lists them all");
    }

    @Test
    void refusesAMisspeltVariableNamingTheClosestVariable() {
        assertThatThrownBy(() -> KnownSettings.check(listing("PROFILE_API_TOKEN")))
                .hasMessageStartingWith("unknown setting PROFILE_API_TOKEN (did you mean PROFILE_API_TOKENS?)");
    }

    @Test
    void namesEveryUnknownNameAtOnce() {
        assertThatThrownBy(() -> KnownSettings.check(listing("profile.prot", "PROFILE_DB_BUKET")))
                .hasMessageStartingWith("unknown settings PROFILE_DB_BUKET (did you mean PROFILE_DB_BUCKET?),"
                        + " profile.prot (did you mean profile.port?)");
    }

    @Test
    void suggestsNothingForANameFarFromEveryKnownOne() {
        assertThatThrownBy(() -> KnownSettings.check(listing("profile.colour-scheme")))
                .hasMessage("unknown setting profile.colour-scheme; docs/configuration.md lists them all");
    }

    @Test
    void ignoresSourcesThatCannotListTheirNames() {
        assertThatCode(() -> KnownSettings.check(Settings.of(Map.of("profile.whatever", "1")::get)))
                .doesNotThrowAnyException();
    }

    @Test
    void countsEditsAsLevenshteinDoes() {
        assertThat(KnownSettings.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(KnownSettings.distance("", "port")).isEqualTo(4);
        assertThat(KnownSettings.distance("port", "port")).isZero();
    }
}
