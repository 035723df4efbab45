package io.profilekit.server.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void namesTheEnvironmentVariableOfASetting() {
        assertThat(Settings.environmentName("profile.port")).isEqualTo("PROFILE_PORT");
        assertThat(Settings.environmentName("profile.db.connection-string"))
                .isEqualTo("PROFILE_DB_CONNECTION_STRING");
    }

    @Test
    void readsTheFirstSourceThatHasAValue() {
        Settings settings = Settings.of(Map.of("profile.port", "9000")::get,
                Map.of("profile.port", "9100", "profile.demo.profiles", "5")::get);

        assertThat(settings.get("profile.port")).contains("9000");
        assertThat(settings.get("profile.demo.profiles")).contains("5");
        assertThat(settings.get("profile.db.bucket")).isEmpty();
    }

    @Test
    void skipsBlankValuesAndTrimsOthers() {
        Settings settings = Settings.of(Map.of("profile.port", "  ")::get, Map.of("profile.port", " 9100 ")::get);

        assertThat(settings.get("profile.port")).contains("9100");
    }

    @Test
    void fallbackComesLast() {
        Settings settings = Settings.of(Map.of("a", "first")::get).withFallback(Map.of("a", "x", "b", "second")::get);

        assertThat(settings.get("a")).contains("first");
        assertThat(settings.get("b")).contains("second");
    }

    @Test
    void systemSettingsReadPropertiesThenEnvironment() {
        System.setProperty("profile.test-only.setting", "from-property");
        try {
            assertThat(Settings.fromSystem().get("profile.test-only.setting")).contains("from-property");
        } finally {
            System.clearProperty("profile.test-only.setting");
        }
        String path = System.getenv("PATH");
        assertThat(Settings.fromSystem().get("path")).contains(path.trim());
    }

    @Test
    void readsIntegersWithinTheirRange() {
        Settings settings = Settings.of(Map.of("profile.port", "8081")::get);

        assertThat(settings.getInt("profile.port", 8080, 0, 65535)).isEqualTo(8081);
        assertThat(settings.getInt("profile.demo.profiles", 1000, 0, 10)).isEqualTo(1000);
    }

    @Test
    void saysWhichSettingIsWrongAndWhatItMustBe() {
        Settings settings = Settings.of(Map.of("profile.port", "eighty", "profile.demo.profiles", "-1")::get);

        assertThatThrownBy(() -> settings.getInt("profile.port", 8080, 0, 65535))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("profile.port must be a whole number from 0 to 65535, not 'eighty'");
        assertThatThrownBy(() -> settings.getInt("profile.demo.profiles", 1000, 0, 10))
                .hasMessage("profile.demo.profiles must be a whole number from 0 to 10, not '-1'");
    }

    @Test
    void readsDurationsWithTheirUnit() {
        Settings settings = Settings.of(Map.of("a", "250ms", "b", "10s", "c", "2m", "d", "10", "e", "0s")::get);

        assertThat(settings.getDuration("a", Duration.ZERO)).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.getDuration("b", Duration.ZERO)).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.getDuration("c", Duration.ZERO)).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.getDuration("unset", Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
        assertThatThrownBy(() -> settings.getDuration("d", Duration.ZERO)).hasMessageContaining("'10'");
        assertThatThrownBy(() -> settings.getDuration("e", Duration.ZERO)).hasMessageContaining("positive");
    }

    @Test
    void readsDurationsOfHoursAndDays() {
        Settings settings = Settings.of(Map.of("h", "12h", "d", "7d")::get);

        assertThat(settings.getDuration("h", Duration.ZERO)).isEqualTo(Duration.ofHours(12));
        assertThat(settings.getDuration("d", Duration.ZERO)).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void writesDurationsInTheirLargestWholeUnit() {
        assertThat(Settings.format(Duration.ofDays(7))).isEqualTo("7d");
        assertThat(Settings.format(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThat(Settings.format(Duration.ofMillis(2500))).isEqualTo("2500ms");
    }

    @Test
    void readsBooleansTheWayPythonsStrtoboolDid() {
        Settings settings = Settings.of(Map.of("a", "True", "b", "no", "c", "1", "d", "maybe")::get);

        assertThat(settings.getBoolean("a", false)).isTrue();
        assertThat(settings.getBoolean("b", true)).isFalse();
        assertThat(settings.getBoolean("c", false)).isTrue();
        assertThat(settings.getBoolean("unset", true)).isTrue();
        assertThatThrownBy(() -> settings.getBoolean("d", true)).hasMessage("d must be true or false, not 'maybe'");
    }

    @Test
    void readsCommaSeparatedLists() {
        Settings settings = Settings.of(Map.of("profile.api.tokens", " a, b ,,c ")::get);

        assertThat(settings.getList("profile.api.tokens")).containsExactly("a", "b", "c");
        assertThat(settings.getList("profile.other")).isEmpty();
    }

    @Test
    void listsTheProfileSystemPropertiesItReads() {
        System.setProperty("profile.settings-test.listed", "yes");
        try {
            assertThat(Settings.fromSystem().names()).contains("profile.settings-test.listed")
                    .allMatch(name -> name.startsWith("profile.") || name.startsWith("PROFILE_"));
        } finally {
            System.clearProperty("profile.settings-test.listed");
        }
    }

    @Test
    void listsWhatEveryListingSourceHolds() {
        Settings settings = Settings.of(Settings.Source.listing(name -> null, () -> List.of("profile.a")),
                Map.of("profile.b", "1")::get).withFallback(Settings.Source.listing(name -> null,
                        () -> List.of("PROFILE_C")));

        assertThat(settings.names()).containsExactly("PROFILE_C", "profile.a");
    }
}
