package io.profilekit.core.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.profilekit.core.internal.Json;
import org.junit.jupiter.api.Test;

/** The PATCH operations applied to a User as SCIM writes it, one shape at a time. */
class PatchOperationsTest {

    private static final String ENTERPRISE = ScimSchemas.ENTERPRISE_USER;

    private static ObjectNode user() throws Exception {
        return (ObjectNode) Json.MAPPER.readTree("""
                {"id":"7","userName":"u","name":{"givenName":"Ann","familyName":"Lee"},
                 "emails":[{"value":"w@example.com","type":"work","primary":true},{"value":"h@example.com","type":"home"}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Tours","division":"East"}}""");
    }

    private static ObjectNode patched(String operations) throws Exception {
        ObjectNode user = user();
        PatchOperations.apply(user, Json.MAPPER.readTree("{\"Operations\":" + operations + "}"));
        return user;
    }

    private static void assertRefused(String body, ScimException.Type type) throws Exception {
        ObjectNode user = user();
        JsonNode patch = Json.MAPPER.readTree(body);
        assertThatThrownBy(() -> PatchOperations.apply(user, patch)).isInstanceOfSatisfying(ScimException.class,
                e -> assertThat(e.scimType()).isEqualTo(type));
    }

    @Test
    void theWholeExtensionIsReplacedMemberByMember() throws Exception {
        ObjectNode user = patched("[{\"op\":\"replace\",\"path\":\"" + ENTERPRISE + "\",\"value\":{\"department\":\"R&D\"}}]");

        assertThat(user.get(ENTERPRISE).toString()).isEqualTo("{\"department\":\"R&D\",\"division\":\"East\"}");
    }

    @Test
    void theWholeExtensionIsRemoved() throws Exception {
        assertThat(patched("[{\"op\":\"remove\",\"path\":\"" + ENTERPRISE + "\"}]").has(ENTERPRISE)).isFalse();
    }

    @Test
    void theWholeExtensionTakesOnlyAnObject() throws Exception {
        assertRefused("{\"Operations\":[{\"op\":\"add\",\"path\":\"" + ENTERPRISE + "\",\"value\":\"x\"}]}",
                ScimException.Type.INVALID_VALUE);
    }

    @Test
    void anExtensionAttributeIsAddedToAUserWithoutTheExtension() throws Exception {
        ObjectNode user = user();
        user.remove(ENTERPRISE);
        PatchOperations.apply(user, Json.MAPPER.readTree("{\"Operations\":[{\"op\":\"add\",\"path\":\"" + ENTERPRISE
                + ":employeeNumber\",\"value\":\"42\"}]}"));

        assertThat(user.get(ENTERPRISE).get("employeeNumber").asText()).isEqualTo("42");
    }

    @Test
    void removingAnExtensionAttributeOfAUserWithoutTheExtensionChangesNothing() throws Exception {
        ObjectNode user = user();
        user.remove(ENTERPRISE);
        ObjectNode before = user.deepCopy();

        PatchOperations.apply(user, Json.MAPPER.readTree("{\"Operations\":[{\"op\":\"remove\",\"path\":\"" + ENTERPRISE
                + ":manager\"}]}"));

        assertThat(user).isEqualTo(before);
    }

    @Test
    void aSubAttributeOfAMultiValuedAttributeChangesInEveryValue() throws Exception {
        ObjectNode user = patched("[{\"op\":\"replace\",\"path\":\"emails.display\",\"value\":\"shown\"}]");

        assertThat(user.get("emails").findValuesAsText("display")).containsExactly("shown", "shown");
    }

    @Test
    void aSubAttributeIsRemoved() throws Exception {
        assertThat(patched("[{\"op\":\"remove\",\"path\":\"name.givenName\"}]").get("name").toString())
                .isEqualTo("{\"familyName\":\"Lee\"}");
    }

    @Test
    void aSubAttributeOfAnAbsentComplexAttributeCreatesIt() throws Exception {
        ObjectNode user = patched("[{\"op\":\"remove\",\"path\":\"name\"},"
                + "{\"op\":\"add\",\"path\":\"name.familyName\",\"value\":\"Ng\"}]");

        assertThat(user.get("name").toString()).isEqualTo("{\"familyName\":\"Ng\"}");
    }

    @Test
    void anAddedPrimaryValueTakesPrimaryFromTheOthers() throws Exception {
        ObjectNode user = patched("[{\"op\":\"add\",\"path\":\"emails\",\"value\":{\"value\":\"n@example.com\","
                + "\"primary\":true}}]");

        assertThat(user.get("emails").findValuesAsText("primary")).containsExactly("false", "true");
    }

    @Test
    void aValueAddedTwiceIsKeptOnce() throws Exception {
        ObjectNode user = patched("[{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":\"h@example.com\","
                + "\"type\":\"home\"}]}]");

        assertThat(user.get("emails")).hasSize(2);
    }

    @Test
    void aReplaceOfAMultiValuedAttributeReplacesEveryValue() throws Exception {
        ObjectNode user = patched("[{\"op\":\"replace\",\"path\":\"emails\",\"value\":{\"value\":\"only@example.com\"}}]");

        assertThat(user.get("emails").toString()).isEqualTo("[{\"value\":\"only@example.com\"}]");
    }

    @Test
    void aFilteredReplaceWithAnObjectReplacesTheMatchingValueKeepingWhatTheFilterSays() throws Exception {
        ObjectNode user = patched("[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"home\\\"]\","
                + "\"value\":{\"value\":\"new@example.com\"}}]");

        assertThat(user.get("emails").get(1).toString()).isEqualTo("{\"type\":\"home\",\"value\":\"new@example.com\"}");
    }

    @Test
    void aFilteredAddWithAnObjectMergesIntoTheMatchingValue() throws Exception {
        ObjectNode user = patched("[{\"op\":\"add\",\"path\":\"emails[type eq \\\"home\\\"]\","
                + "\"value\":{\"display\":\"Home\"}}]");

        assertThat(user.get("emails").get(1).toString())
                .isEqualTo("{\"value\":\"h@example.com\",\"type\":\"home\",\"display\":\"Home\"}");
    }

    @Test
    void aFilteredReplaceOfAWholeValueTakesOnlyAnObject() throws Exception {
        assertRefused("{\"Operations\":[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"home\\\"]\",\"value\":\"x\"}]}",
                ScimException.Type.INVALID_VALUE);
    }

    @Test
    void aFilteredRemoveOfASubAttributeRemovesItFromTheMatchingValuesOnly() throws Exception {
        ObjectNode user = patched("[{\"op\":\"remove\",\"path\":\"emails[type eq \\\"work\\\"].primary\"}]");

        assertThat(user.get("emails").get(0).has("primary")).isFalse();
        assertThat(user.get("emails").get(1).get("type").asText()).isEqualTo("home");
    }

    @Test
    void aFilteredRemoveOnAnAbsentAttributeChangesNothing() throws Exception {
        ObjectNode user = patched("[{\"op\":\"remove\",\"path\":\"phoneNumbers[type eq \\\"work\\\"]\"}]");

        assertThat(user.has("phoneNumbers")).isFalse();
    }

    @Test
    void aFilteredAddWithAnAndFilterSeedsEveryCondition() throws Exception {
        ObjectNode user = patched("[{\"op\":\"add\",\"path\":\"phoneNumbers[type eq \\\"work\\\" and primary eq true]"
                + ".value\",\"value\":\"555\"}]");

        assertThat(user.get("phoneNumbers").toString())
                .isEqualTo("[{\"type\":\"work\",\"primary\":true,\"value\":\"555\"}]");
    }

    @Test
    void aFilterThatCannotDescribeANewValueIsNoTarget() throws Exception {
        assertRefused("{\"Operations\":[{\"op\":\"add\",\"path\":\"phoneNumbers[type co \\\"w\\\"].value\",\"value\":\"1\"}]}",
                ScimException.Type.NO_TARGET);
    }

    @Test
    void aManagerGivenAsAStringIsItsValue() throws Exception {
        ObjectNode user = patched("[{\"op\":\"add\",\"path\":\"" + ENTERPRISE + ":manager\",\"value\":\"m-1\"}]");

        assertThat(user.get(ENTERPRISE).get("manager").toString()).isEqualTo("{\"value\":\"m-1\"}");
    }

    @Test
    void aComplexAttributeTakesOnlyAnObject() throws Exception {
        assertRefused("{\"Operations\":[{\"op\":\"replace\",\"path\":\"name\",\"value\":3}]}",
                ScimException.Type.INVALID_VALUE);
    }

    @Test
    void theSameIdIsAcceptedAndChangesNothing() throws Exception {
        assertThat(patched("[{\"op\":\"replace\",\"path\":\"id\",\"value\":\"7\"}]")).isEqualTo(user());
    }

    @Test
    void removingTheIdIsMutability() throws Exception {
        assertRefused("{\"Operations\":[{\"op\":\"remove\",\"path\":\"id\"}]}", ScimException.Type.MUTABILITY);
    }

    @Test
    void metaIsMutability() throws Exception {
        assertRefused("{\"Operations\":[{\"op\":\"replace\",\"path\":\"meta.version\",\"value\":\"x\"}]}",
                ScimException.Type.MUTABILITY);
    }

    @Test
    void schemasAreSkipped() throws Exception {
        assertThat(patched("[{\"op\":\"replace\",\"path\":\"schemas\",\"value\":[\"x\"]}]")).isEqualTo(user());
    }

    @Test
    void anAddWithoutAValueIsInvalidValue() throws Exception {
        assertRefused("{\"Operations\":[{\"op\":\"add\",\"path\":\"title\"}]}", ScimException.Type.INVALID_VALUE);
    }

    @Test
    void aPathThatIsNoStringIsInvalidPath() throws Exception {
        assertRefused("{\"Operations\":[{\"op\":\"add\",\"path\":3,\"value\":\"x\"}]}", ScimException.Type.INVALID_PATH);
    }

    @Test
    void anOpThatIsNoStringIsInvalidSyntax() throws Exception {
        assertRefused("{\"Operations\":[{\"op\":true,\"path\":\"title\",\"value\":\"x\"}]}",
                ScimException.Type.INVALID_SYNTAX);
    }

    @Test
    void anOperationThatIsNoObjectIsInvalidSyntax() throws Exception {
        assertRefused("{\"Operations\":[\"add\"]}", ScimException.Type.INVALID_SYNTAX);
    }

    @Test
    void aBodyThatIsNoObjectIsInvalidSyntax() throws Exception {
        assertRefused("[]", ScimException.Type.INVALID_SYNTAX);
    }

    @Test
    void operationsThatAreNoArrayAreInvalidSyntax() throws Exception {
        assertRefused("{\"Operations\":{}}", ScimException.Type.INVALID_SYNTAX);
    }

    @Test
    void aBlankPathIsNoPath() throws Exception {
        assertThat(patched("[{\"op\":\"add\",\"path\":\" \",\"value\":{\"title\":\"Boss\"}}]").get("title").asText())
                .isEqualTo("Boss");
    }

    @Test
    void aValueWithoutPathThatIsNoObjectIsInvalidValue() throws Exception {
        assertRefused("{\"Operations\":[{\"op\":\"replace\",\"value\":\"x\"}]}", ScimException.Type.INVALID_VALUE);
    }

    @Test
    void aValueFilterOnASingleValuedAttributeIsInvalidPath() throws Exception {
        assertRefused("{\"Operations\":[{\"op\":\"add\",\"path\":\"title[value pr]\",\"value\":\"x\"}]}",
                ScimException.Type.INVALID_PATH);
    }

    @Test
    void whatFollowsAValueFilterMustBeASubAttribute() throws Exception {
        assertRefused("{\"Operations\":[{\"op\":\"add\",\"path\":\"emails[type pr]x\",\"value\":\"x\"}]}",
                ScimException.Type.INVALID_PATH);
        assertRefused("{\"Operations\":[{\"op\":\"add\",\"path\":\"emails[type pr].shoe\",\"value\":\"x\"}]}",
                ScimException.Type.INVALID_PATH);
    }
}
