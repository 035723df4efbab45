package io.profilekit.server.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.FieldVisibility;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FieldSettingsTest {

    @Test
    void byDefaultTheVisibilityIsTheLibrarys() {
        assertThat(FieldSettings.from(Settings.of(Map.<String, String>of()::get))).isEqualTo(FieldVisibility.DEFAULTS);
    }

    @Test
    void eachListReplacesItsDefaultWhole() {
        FieldVisibility visibility = FieldSettings.from(Settings.of(Map.of("profile.fields.public", "record_id, name",
                "profile.fields.read-only", "record_id,user_id,email,email_verified")::get));

        assertThat(visibility).isEqualTo(new FieldVisibility(Set.of("record_id", "name"),
                Set.of("record_id", "user_id", "email", "email_verified")));
    }
}
