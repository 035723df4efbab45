package io.profilekit.core.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.profilekit.core.Profile;
import io.profilekit.core.internal.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** PATCH requests as Okta and Entra ID send them, applied to profiles through {@link ScimUsers#patch}. */
class ScimPatchTest {

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode user(Profile profile) throws Exception {
        return Json.MAPPER.readTree(ScimUsers.toJson(profile, null));
    }

    private static Profile patched(Profile profile, String operations) {
        return ScimUsers.patch(profile, bytes("{\"schemas\":[\"" + ScimSchemas.PATCH_OP + "\"],\"Operations\":"
                + operations + "}"));
    }

    @Test
    void oktasDeactivationWithoutPathSetsActive() throws Exception {
        Profile profile = ScimUsers.fromJson(bytes(ScimUsersFixtures.OKTA_CREATE));

        Profile deactivated = patched(profile, "[{\"op\":\"replace\",\"value\":{\"active\":false}}]");

        assertThat(user(deactivated).get("active").asBoolean()).isFalse();
    }

    @Test
    void entrasCapitalisedOperationsWithPathsApply() throws Exception {
        Profile profile = ScimUsers.fromJson(bytes(ScimUsersFixtures.ENTRA_CREATE));

        Profile changed = patched(profile, """
                [{"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"updatedEmail@microsoft.com"},
                 {"op":"Replace","path":"name.familyName","value":"updatedFamilyName"}]""");

        assertThat(changed.email()).isEqualTo("updatedEmail@microsoft.com");
        assertThat(changed.lastName()).isEqualTo("updatedFamilyName");
        assertThat(changed.firstName()).isEqualTo("givenName");
    }

    @Test
    void entrasStringBooleanIsABoolean() throws Exception {
        Profile profile = ScimUsers.fromJson(bytes(ScimUsersFixtures.ENTRA_CREATE));

        Profile disabled = patched(profile, "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]");

        assertThat(user(disabled).get("active").isBoolean()).isTrue();
        assertThat(user(disabled).get("active").asBoolean()).isFalse();
    }

    @Test
    void aValueObjectWhoseMembersArePathsSetsEachPath() {
        Profile profile = ScimUsers.fromJson(bytes(ScimUsersFixtures.ENTRA_CREATE));

        Profile changed = patched(profile, """
                [{"op":"replace","value":{"name.givenName":"Pat","emails[type eq \\"work\\"].value":"pat@example.com",
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department":"Finance"}}]""");

        assertThat(changed.firstName()).isEqualTo("Pat");
        assertThat(changed.email()).isEqualTo("pat@example.com");
        assertThat(changed.attributes().get("scim").toString()).contains("department=Finance", "employeeNumber=701984");
    }

    @Test
    void entrasManagerIsAddedFromAOneElementArrayAndRemoved() throws Exception {
        Profile profile = ScimUsers.fromJson(bytes(ScimUsersFixtures.ENTRA_CREATE));
        String manager = ScimSchemas.ENTERPRISE_USER + ":manager";

        Profile managed = patched(profile, "[{\"op\":\"Add\",\"path\":\"" + manager + "\",\"value\":[{\"$ref\":null,"
                + "\"value\":\"2819c223-7f76-453a-919d-413861904646\"}]}]");
        Profile unmanaged = patched(managed, "[{\"op\":\"Remove\",\"path\":\"" + manager + "\"}]");

        assertThat(user(managed).get(ScimSchemas.ENTERPRISE_USER).get("manager").toString())
                .isEqualTo("{\"value\":\"2819c223-7f76-453a-919d-413861904646\"}");
        assertThat(user(unmanaged).get(ScimSchemas.ENTERPRISE_USER).has("manager")).isFalse();
    }

    @Test
    void aFilteredPathThatMatchesNothingAddsTheValue() {
        Profile profile = ScimUsers.fromJson(bytes("{\"userName\":\"u\"}"));

        Profile changed = patched(profile,
                "[{\"op\":\"Add\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"u@example.com\"}]");

        assertThat(changed.email()).isEqualTo("u@example.com");
    }

    @Test
    void anAddToAMultiValuedAttributeAppends() throws Exception {
        Profile profile = ScimUsers.fromJson(bytes(ScimUsersFixtures.OKTA_CREATE));

        Profile changed = patched(profile,
                "[{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":\"h@example.com\",\"type\":\"home\"}]}]");

        assertThat(user(changed).get("emails")).hasSize(2);
        assertThat(changed.email()).isEqualTo("test.user@okta.local");
    }

    @Test
    void aRemoveWithAFilterRemovesTheMatchingValues() throws Exception {
        Profile profile = ScimUsers.fromJson(bytes(ScimUsersFixtures.OKTA_CREATE));

        Profile changed = patched(profile, "[{\"op\":\"remove\",\"path\":\"emails[type eq \\\"work\\\"]\"}]");

        assertThat(changed.email()).isNull();
        assertThat(user(changed).has("emails")).isFalse();
    }

    @Test
    void aUserNameReplaceRenames() {
        Profile profile = ScimUsers.fromJson(bytes(ScimUsersFixtures.ENTRA_CREATE));

        assertThat(patched(profile, "[{\"op\":\"Replace\",\"path\":\"userName\",\"value\":\"new@testuser.com\"}]")
                .userId()).isEqualTo("new@testuser.com");
    }

    @Test
    void aPasswordInAPatchIsAcceptedAndNotKept() {
        Profile profile = ScimUsers.fromJson(bytes(ScimUsersFixtures.OKTA_CREATE));

        Profile changed = patched(profile, "[{\"op\":\"replace\",\"path\":\"password\",\"value\":\"s3cret-9\"}]");

        assertThat(changed).isEqualTo(profile);
    }

    @Test
    void aRemoveWithoutPathIsNoTarget() {
        assertScimType("[{\"op\":\"remove\"}]", ScimException.Type.NO_TARGET);
    }

    @Test
    void anUnknownOpIsInvalidSyntax() {
        assertScimType("[{\"op\":\"move\",\"path\":\"title\",\"value\":\"x\"}]", ScimException.Type.INVALID_SYNTAX);
    }

    @Test
    void aPathThatCannotBeReadIsInvalidPath() {
        assertScimType("[{\"op\":\"add\",\"path\":\"emails[type eq \\\"work\\\"\",\"value\":\"x\"}]",
                ScimException.Type.INVALID_PATH);
        assertScimType("[{\"op\":\"add\",\"path\":\"name..x\",\"value\":\"x\"}]", ScimException.Type.INVALID_PATH);
    }

    @Test
    void changingTheIdIsMutability() {
        assertScimType("[{\"op\":\"replace\",\"path\":\"id\",\"value\":\"99\"}]", ScimException.Type.MUTABILITY);
    }

    @Test
    void anEmptyOperationsListIsInvalidSyntax() {
        assertScimType("[]", ScimException.Type.INVALID_SYNTAX);
    }

    @Test
    void aNonBooleanActiveIsInvalidValue() {
        assertScimType("[{\"op\":\"replace\",\"path\":\"active\",\"value\":\"maybe\"}]",
                ScimException.Type.INVALID_VALUE);
    }

    @Test
    void theCoreUrnMayPrefixAPatchPath() {
        Profile profile = ScimUsers.fromJson(bytes(ScimUsersFixtures.OKTA_CREATE));

        assertThat(patched(profile, "[{\"op\":\"replace\",\"path\":\"" + ScimSchemas.USER
                + ":displayName\",\"value\":\"T\"}]").name()).isEqualTo("T");
    }

    private static void assertScimType(String operations, ScimException.Type type) {
        Profile profile = Profile.builder().recordId(1L).userId("u").build();
        assertThatThrownBy(() -> patched(profile, operations)).isInstanceOfSatisfying(ScimException.class,
                e -> assertThat(e.scimType()).isEqualTo(type));
    }
}
