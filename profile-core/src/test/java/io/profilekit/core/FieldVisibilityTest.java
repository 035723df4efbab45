package io.profilekit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FieldVisibilityTest {

    private static final String STORED = "{\"record_id\":7,\"name\":\"Ada Lovelace\",\"nickname\":\"ada\",\"picture\":70,"
            + "\"user_id\":\"ada1815\",\"email\":\"ada@example.com\",\"email_verified\":true,\"phone\":\"555-0100\","
            + "\"address\":\"12 St James's Square\",\"date_of_birth\":\"12/10/1815\",\"theme\":{\"dark\":true}}";

    private static Profile profile(String json) {
        return ProfileJson.fromJson(json.getBytes(StandardCharsets.UTF_8));
    }

    private static StoredProfile stored() {
        return StoredProfile.ofJson(7, STORED.getBytes(StandardCharsets.UTF_8), new Version(42));
    }

    @Test
    void thePublicViewKeepsOnlyPublicFieldsAsStoredAndInOrder() {
        StoredProfile view = FieldVisibility.DEFAULTS.publicView(stored());

        assertThat(new String(view.json(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"record_id\":7,\"name\":\"Ada Lovelace\",\"nickname\":\"ada\",\"picture\":70,\"user_id\":\"ada1815\"}");
    }

    @Test
    void aConfiguredPublicFieldMayBeAnExtraAttributeWithNestedValues() {
        FieldVisibility visibility = new FieldVisibility(Set.of("record_id", "theme"), Set.of());

        StoredProfile view = visibility.publicView(stored());

        assertThat(new String(view.json(), StandardCharsets.UTF_8)).isEqualTo("{\"record_id\":7,\"theme\":{\"dark\":true}}");
    }

    @Test
    void aDeactivatedPersonsPublicViewSaysSo() {
        StoredProfile deactivated = StoredProfile.ofJson(7, "{\"record_id\":7,\"email\":\"a@b.c\",\"active\":false}"
                .getBytes(StandardCharsets.UTF_8), new Version(1));

        assertThat(new String(FieldVisibility.DEFAULTS.publicView(deactivated).json(), StandardCharsets.UTF_8))
                .isEqualTo("{\"record_id\":7,\"active\":false}");
    }

    @Test
    void anActivePersonsPublicViewLeavesActiveOut() {
        StoredProfile active = StoredProfile.ofJson(7, "{\"record_id\":7,\"active\":true}"
                .getBytes(StandardCharsets.UTF_8), new Version(1));

        assertThat(new String(FieldVisibility.DEFAULTS.publicView(active).json(), StandardCharsets.UTF_8))
                .isEqualTo("{\"record_id\":7}");
    }

    @Test
    void thePublicViewKeepsTheRecordIdAndVersion() {
        StoredProfile view = FieldVisibility.DEFAULTS.publicView(stored());

        assertThat(view.recordId()).isEqualTo(7);
        assertThat(view.version()).isEqualTo(new Version(42));
    }

    @Test
    void theDefaultsHideEveryWayToReachThePerson() {
        for (String hidden : new String[] {"email", "email_verified", "phone", "address", "city", "zip_code",
                "date_of_birth", "first_name", "last_name"}) {
            assertThat(FieldVisibility.DEFAULTS.isPublic(hidden)).as(hidden).isFalse();
        }
        assertThat(FieldVisibility.DEFAULTS.isPublic("picture_url")).isTrue();
    }

    @Test
    void anOwnChangeOfAnOrdinaryFieldPasses() {
        Profile current = profile(STORED);
        Profile changed = current.toBuilder().name("Augusta Ada King").phone(null).build();

        assertThatNoException().isThrownBy(() -> FieldVisibility.DEFAULTS.checkOwnChange(current, changed));
    }

    @Test
    void anOwnChangeOfTheUsernameIsRefusedNamingTheField() {
        Profile current = profile(STORED);
        Profile changed = current.toBuilder().userId("someone-else").build();

        assertThatThrownBy(() -> FieldVisibility.DEFAULTS.checkOwnChange(current, changed))
                .isInstanceOf(ReadOnlyFieldException.class)
                .hasMessageContaining("'user_id'")
                .extracting(error -> ((ReadOnlyFieldException) error).field()).isEqualTo("user_id");
    }

    @Test
    void removingAReadOnlyFieldIsAChangeToo() {
        Profile current = profile(STORED);
        Profile changed = current.toBuilder().emailVerified(null).build();

        assertThatThrownBy(() -> FieldVisibility.DEFAULTS.checkOwnChange(current, changed))
                .isInstanceOf(ReadOnlyFieldException.class)
                .hasMessageContaining("'email_verified'");
    }

    @Test
    void settingAReadOnlyFieldThatWasAbsentIsAChange() {
        Profile current = Profile.builder().userId("ada1815").build();
        Profile changed = current.toBuilder().emailVerified(false).build();

        assertThatThrownBy(() -> FieldVisibility.DEFAULTS.checkOwnChange(current, changed))
                .isInstanceOf(ReadOnlyFieldException.class)
                .hasMessageContaining("'email_verified'");
    }

    @Test
    void aReadOnlyExtraAttributeIsComparedByValue() {
        FieldVisibility visibility = new FieldVisibility(Set.of(), Set.of("theme"));
        Profile current = profile(STORED);

        assertThatNoException().isThrownBy(() -> visibility.checkOwnChange(current,
                profile(STORED.replace("\"ada\"", "\"lovelace\""))));
        assertThatThrownBy(() -> visibility.checkOwnChange(current, profile(STORED.replace("true}}", "false}}"))))
                .isInstanceOf(ReadOnlyFieldException.class)
                .hasMessageContaining("'theme'");
    }

    @Test
    void aReplacementLeavingOutReadOnlyFieldsKeepsTheirValues() {
        Profile current = profile(STORED);
        Profile replacement = Profile.builder().name("Augusta Ada King").build();

        Profile kept = FieldVisibility.DEFAULTS.withReadOnlyKept(current, replacement);

        assertThat(kept.recordId()).isEqualTo(7L);
        assertThat(kept.userId()).isEqualTo("ada1815");
        assertThat(kept.emailVerified()).isTrue();
        assertThat(kept.name()).isEqualTo("Augusta Ada King");
        assertThat(kept.email()).isNull();
    }

    @Test
    void aReplacementNamingReadOnlyFieldsIsLeftAsItIs() {
        Profile current = profile(STORED);
        Profile replacement = Profile.builder().recordId(7L).userId("other").emailVerified(false).build();

        assertThat(FieldVisibility.DEFAULTS.withReadOnlyKept(current, replacement)).isEqualTo(replacement);
    }
}
