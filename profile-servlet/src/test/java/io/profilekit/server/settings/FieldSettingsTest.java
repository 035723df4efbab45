package io.profilekit.server.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.profilekit.core.FieldVisibility;
import io.profilekit.core.SearchField;
import io.profilekit.core.SearchQuery;
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

    @Test
    void searchMatchesTheDefaultFieldsUnlessSet() {
        assertThat(FieldSettings.searchFields(Settings.of(Map.<String, String>of()::get)))
                .isEqualTo(SearchQuery.DEFAULT_FIELDS);
        assertThat(FieldSettings.searchFields(Settings.of(Map.of("profile.search.fields", "name, email")::get)))
                .containsExactlyInAnyOrder(SearchField.NAME, SearchField.EMAIL);
    }

    @Test
    void aSearchFieldSearchCannotMatchIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> FieldSettings.searchFields(Settings.of(Map.of("profile.search.fields",
                "name,phone")::get)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("profile.search.fields: 'phone' is no field search can match; it matches name,"
                        + " first_name, last_name, user_id, nickname, email");
    }
}
