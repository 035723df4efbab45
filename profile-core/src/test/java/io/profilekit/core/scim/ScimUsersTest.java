package io.profilekit.core.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.profilekit.core.Profile;
import io.profilekit.core.internal.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScimUsersTest {

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode user(Profile profile) throws Exception {
        return Json.MAPPER.readTree(ScimUsers.toJson(profile, null));
    }

    @Test
    void aUsersMappedAttributesBecomeProfileFields() {
        Profile profile = ScimUsers.fromJson(bytes(ScimUsersFixtures.OKTA_CREATE));

        assertThat(profile.userId()).isEqualTo("test.user@okta.local");
        assertThat(profile.name()).isEqualTo("Test User");
        assertThat(profile.firstName()).isEqualTo("Test");
        assertThat(profile.lastName()).isEqualTo("User");
        assertThat(profile.email()).isEqualTo("test.user@okta.local");
    }

    @Test
    void whatNoFieldHoldsIsKeptInTheScimAttribute() {
        Profile profile = ScimUsers.fromJson(bytes(ScimUsersFixtures.OKTA_CREATE));

        assertThat(profile.attributes().get("scim")).asString().contains("externalId=00ujl29u0le5T6Aj10h7",
                "locale=en-US");
    }

    @Test
    void activeIsTheProfilesActiveAttribute() {
        Profile profile = ScimUsers.fromJson(bytes(ScimUsersFixtures.OKTA_CREATE));

        assertThat(profile.attributes()).containsEntry("active", true);
    }

    @Test
    void aPasswordIsNeverKept() {
        Profile profile = ScimUsers.fromJson(bytes(ScimUsersFixtures.OKTA_CREATE));

        assertThat(new String(ScimUsers.toJson(profile, null), StandardCharsets.UTF_8)).doesNotContain("1mz050nq",
                "password");
        assertThat(profile.attributes().toString()).doesNotContain("1mz050nq");
    }

    @Test
    void aUserWrittenAndReadBackIsTheSameProfile() {
        Profile profile = ScimUsers.fromJson(bytes(ScimUsersFixtures.ENTRA_CREATE)).withRecordId(12L);

        assertThat(ScimUsers.fromJson(ScimUsers.toJson(profile, null)).withRecordId(12L)).isEqualTo(profile);
    }

    @Test
    void aProfileFromTheResourceApiIsAUser() throws Exception {
        Profile profile = Profile.builder().recordId(3L).userId("ada").name("Ada Lovelace").nickname("ada")
                .firstName("Ada").lastName("Lovelace").email("ada@example.com").phone("555-0101")
                .address("12 St James's Square").city("London").state("LND").zipCode("SW1Y").build();

        JsonNode user = user(profile);

        assertThat(user.toString()).isEqualTo("{\"schemas\":[\"" + ScimSchemas.USER + "\"],\"id\":\"3\","
                + "\"userName\":\"ada\",\"name\":{\"givenName\":\"Ada\",\"familyName\":\"Lovelace\"},"
                + "\"displayName\":\"Ada Lovelace\",\"nickName\":\"ada\","
                + "\"emails\":[{\"type\":\"work\",\"value\":\"ada@example.com\",\"primary\":true}],"
                + "\"phoneNumbers\":[{\"type\":\"work\",\"value\":\"555-0101\",\"primary\":true}],"
                + "\"addresses\":[{\"type\":\"work\",\"streetAddress\":\"12 St James's Square\",\"locality\":\"London\","
                + "\"region\":\"LND\",\"postalCode\":\"SW1Y\",\"primary\":true}],\"active\":true}");
    }

    @Test
    void theEnterpriseExtensionIsNamedInSchemas() throws Exception {
        JsonNode user = user(ScimUsers.fromJson(bytes(ScimUsersFixtures.ENTRA_CREATE)));

        assertThat(user.get("schemas").toString()).contains(ScimSchemas.ENTERPRISE_USER);
        assertThat(user.get(ScimSchemas.ENTERPRISE_USER).get("department").asText()).isEqualTo("Sales");
    }

    @Test
    void aChangedEmailShowsInThePrimaryValueAndKeepsTheOthers() throws Exception {
        Profile profile = ScimUsers.fromJson(bytes("""
                {"userName":"u","emails":[{"value":"home@example.com","type":"home"},
                 {"value":"work@example.com","type":"work","primary":true}]}"""));

        JsonNode emails = user(profile.toBuilder().email("new@example.com").build()).get("emails");

        assertThat(emails.get(0).get("value").asText()).isEqualTo("home@example.com");
        assertThat(emails.get(1).get("value").asText()).isEqualTo("new@example.com");
    }

    @Test
    void attributeNamesAreReadInAnyCase() {
        Profile profile = ScimUsers.fromJson(bytes("{\"USERNAME\":\"u\",\"DisplayName\":\"U\"}"));

        assertThat(profile.userId()).isEqualTo("u");
        assertThat(profile.name()).isEqualTo("U");
    }

    @Test
    void aUserWithoutUserNameIsRefused() {
        assertThatThrownBy(() -> ScimUsers.fromJson(bytes("{\"displayName\":\"x\"}")))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.scimType()).isEqualTo(ScimException.Type.INVALID_VALUE));
    }

    @Test
    void aValueOfTheWrongTypeIsRefused() {
        assertThatThrownBy(() -> ScimUsers.fromJson(bytes("{\"userName\":\"u\",\"emails\":\"x@y.z\"}")))
                .isInstanceOf(ScimException.class).hasMessageContaining("emails must be an array");
    }

    @Test
    void aBodyThatIsNoJsonIsInvalidSyntax() {
        assertThatThrownBy(() -> ScimUsers.fromJson(bytes("{\"userName\":")))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.scimType()).isEqualTo(ScimException.Type.INVALID_SYNTAX));
    }

    @Test
    void aReplacementKeepsWhatScimDoesNotDescribe() {
        Profile stored = Profile.builder().recordId(5L).userId("u").picture(5L).dateOfBirth("01/02/1990")
                .nickname("old").attribute("team", "blue").build();

        Profile replaced = ScimUsers.replace(stored, bytes("{\"userName\":\"u2\",\"displayName\":\"New\"}"));

        assertThat(replaced.userId()).isEqualTo("u2");
        assertThat(replaced.nickname()).isNull();
        assertThat(replaced.picture()).isEqualTo(5L);
        assertThat(replaced.dateOfBirth()).isEqualTo("01/02/1990");
        assertThat(replaced.attributes()).containsEntry("team", "blue");
    }

    @Test
    void aReplacementNamingAnotherIdIsRefused() {
        Profile stored = Profile.builder().recordId(5L).userId("u").build();

        assertThatThrownBy(() -> ScimUsers.replace(stored, bytes("{\"id\":\"6\",\"userName\":\"u\"}")))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.scimType()).isEqualTo(ScimException.Type.MUTABILITY));
    }

    @Test
    void metaCarriesTheLocationAndVersionItIsGiven() throws Exception {
        Profile profile = Profile.builder().recordId(4L).userId("u").build();

        JsonNode user = Json.MAPPER.readTree(ScimUsers.toJson(profile, new ScimUsers.Meta("https://x/Users/4", "\"9\"")));

        assertThat(user.get("meta").toString())
                .isEqualTo("{\"resourceType\":\"User\",\"location\":\"https://x/Users/4\",\"version\":\"\\\"9\\\"\"}");
    }

    @Test
    void metaLeavesOutWhatItIsNotGiven() throws Exception {
        JsonNode user = Json.MAPPER.readTree(ScimUsers.toJson(Profile.builder().userId("u").build(),
                new ScimUsers.Meta(null, null)));

        assertThat(user.get("meta").toString()).isEqualTo("{\"resourceType\":\"User\"}");
        assertThat(user.has("id")).isFalse();
    }

    @Test
    void theExternalIdIsGivenBack() throws Exception {
        assertThat(user(ScimUsers.fromJson(bytes(ScimUsersFixtures.OKTA_CREATE))).get("externalId").asText())
                .isEqualTo("00ujl29u0le5T6Aj10h7");
    }

    @Test
    void aBodyInUtf16IsRefused() {
        byte[] utf16 = "{\"userName\":\"u\"}".getBytes(StandardCharsets.UTF_16BE);

        assertThatThrownBy(() -> ScimUsers.fromJson(utf16)).isInstanceOf(ScimException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void aPrimaryValueThatLosesItsValueButHoldsMoreIsKept() throws Exception {
        Profile profile = ScimUsers.fromJson(bytes("""
                {"userName":"u","emails":[{"value":"w@example.com","type":"work","primary":true,"display":"W",
                 "verified":true}]}"""));

        JsonNode emails = user(profile.toBuilder().email(null).build()).get("emails");

        assertThat(emails.toString()).isEqualTo("[{\"type\":\"work\",\"primary\":true,\"display\":\"W\",\"verified\":true}]");
    }

    @Test
    void withoutAPrimaryTheFirstObjectValueIsTheProfilesField() {
        Profile profile = ScimUsers.fromJson(bytes("{\"userName\":\"u\",\"phoneNumbers\":[{\"value\":\"1\"},"
                + "{\"value\":\"2\"}]}"));

        assertThat(profile.phone()).isEqualTo("1");
    }

    @Test
    void aNameThatIsNoObjectIsRefused() {
        assertThatThrownBy(() -> ScimUsers.fromJson(bytes("{\"userName\":\"u\",\"name\":\"Ann\"}")))
                .isInstanceOf(ScimException.class).hasMessageContaining("name must be an object");
    }

    @Test
    void anEmailThatIsNoObjectIsRefused() {
        assertThatThrownBy(() -> ScimUsers.fromJson(bytes("{\"userName\":\"u\",\"emails\":[\"a@b.c\"]}")))
                .isInstanceOf(ScimException.class).hasMessageContaining("each of emails must be an object");
    }

    @Test
    void aUserNameThatIsNoStringIsRefused() {
        assertThatThrownBy(() -> ScimUsers.fromJson(bytes("{\"userName\":7}")))
                .isInstanceOf(ScimException.class).hasMessageContaining("userName must be a string");
    }

    @Test
    void aBlankUserNameIsRefused() {
        assertThatThrownBy(() -> ScimUsers.fromJson(bytes("{\"userName\":\"  \"}")))
                .isInstanceOf(ScimException.class).hasMessageContaining("needs a userName");
    }

    @Test
    void aUserWhoseMembersDifferOnlyInCaseIsRefused() {
        assertThatThrownBy(() -> ScimUsers.fromJson(bytes("{\"userName\":\"u\",\"username\":\"v\"}")))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.scimType()).isEqualTo(ScimException.Type.INVALID_SYNTAX));
    }

    @Test
    void aBodyThatIsNoObjectIsInvalidSyntax() {
        assertThatThrownBy(() -> ScimUsers.fromJson(bytes("[]"))).isInstanceOf(ScimException.class)
                .hasMessageContaining("a User is a JSON object");
        assertThatThrownBy(() -> ScimUsers.fromJson(bytes(""))).hasMessageContaining("empty");
    }

    @Test
    void aReplacementWithTheSameIdIsAccepted() {
        Profile stored = Profile.builder().recordId(5L).userId("u").build();

        assertThat(ScimUsers.replace(stored, bytes("{\"id\":\"5\",\"userName\":\"v\"}")).userId()).isEqualTo("v");
    }
}
