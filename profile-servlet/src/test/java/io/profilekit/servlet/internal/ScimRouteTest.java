package io.profilekit.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.internal.Json;
import io.profilekit.core.scim.ScimUsersFixtures;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.core.spi.ProfileStore;
import io.profilekit.servlet.auth.Authenticator;
import io.profilekit.servlet.auth.BearerTokenAuthenticator;
import io.profilekit.servlet.auth.OidcAuthenticator;
import io.profilekit.servlet.auth.TestIssuer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * SCIM over real HTTP, replaying the request sequences Okta's and Microsoft Entra ID's
 * provisioning documentation shows, on the in-memory store; {@link ScimRouteOnCouchbaseTest}
 * runs them on CouchbaseMock, which has no query service. Every answer is also checked against
 * openapi.yaml by {@link RunningServer}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScimRouteTest {

    static final String USERS = "/scim/v2/Users";
    static final String SCIM = "application/scim+json";

    RunningServer http;
    private SwitchableStore served;
    private TestIssuer issuer;

    ProfileStore openStore() {
        return new InMemoryProfileStore();
    }

    /** Whether the store answers queries that read the listing (CouchbaseMock has no SQL++). */
    boolean lists() {
        return true;
    }

    @BeforeAll
    void startServer() throws Exception {
        issuer = TestIssuer.start();
        served = new SwitchableStore(openStore());
        Authenticator authenticator = Authenticator.firstOf(new BearerTokenAuthenticator(List.of(RunningServer.TOKEN)),
                OidcAuthenticator.builder(issuer.issuer(), TestIssuer.AUDIENCE).jwksUrl(issuer.jwksUrl()).build());
        http = RunningServer.start(ProfileRepository.of(served), builder -> builder.authenticator(authenticator)
                .scim(true));
    }

    @BeforeEach
    void serveAnEmptyRepository() {
        served.use(openStore());
    }

    @AfterAll
    void stop() throws Exception {
        http.close();
        issuer.close();
    }

    private HttpResponse<byte[]> scim(String method, String path, String body, String... headers) throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = SCIM;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return http.send(method, path, body.getBytes(StandardCharsets.UTF_8), all);
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws Exception {
        return Json.MAPPER.readTree(response.body());
    }

    private static String filter(String filter) {
        return "?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8);
    }

    private static void assertScimError(HttpResponse<byte[]> response, int status, String scimType) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains(SCIM);
        JsonNode error = json(response);
        assertThat(error.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(error.get("status").asText()).isEqualTo(Integer.toString(status));
        if (scimType != null) {
            assertThat(error.get("scimType").asText()).isEqualTo(scimType);
        }
    }

    private String create(String user) throws Exception {
        HttpResponse<byte[]> created = scim("POST", USERS, user);
        assertThat(created.statusCode()).isEqualTo(201);
        return json(created).get("id").asText();
    }

    // Okta: existence check, create, duplicate, full PUT, deactivate, paged import

    @Test
    void oktasExistenceCheckOfANewUserFindsNone() throws Exception {
        HttpResponse<byte[]> answer = http.get(USERS + filter("userName eq \"test.user@okta.local\"")
                + "&startIndex=1&count=100");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json(answer).get("totalResults").asInt()).isZero();
        assertThat(json(answer).get("Resources")).isEmpty();
    }

    @Test
    void oktasCreateAnswersTheUserWithItsLocationAndVersion() throws Exception {
        HttpResponse<byte[]> created = scim("POST", USERS, ScimUsersFixtures.OKTA_CREATE);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Content-Type")).contains(SCIM);
        JsonNode user = json(created);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .endsWith(USERS + "/" + user.get("id").asText()).isEqualTo(user.get("meta").get("location").asText()));
        assertThat(created.headers().firstValue("ETag")).contains(user.get("meta").get("version").asText());
        assertThat(user.get("userName").asText()).isEqualTo("test.user@okta.local");
        assertThat(user.get("active").asBoolean()).isTrue();
        assertThat(user.has("password")).isFalse();
    }

    @Test
    void oktasSecondCreateOfAUserNameIsAUniquenessConflict() throws Exception {
        create(ScimUsersFixtures.OKTA_CREATE);

        assertScimError(scim("POST", USERS, ScimUsersFixtures.OKTA_CREATE), 409, "uniqueness");
    }

    @Test
    void oktasExistenceCheckFindsTheUserItCreated() throws Exception {
        String id = create(ScimUsersFixtures.OKTA_CREATE);

        JsonNode found = json(http.get(USERS + filter("userName eq \"test.user@okta.local\"")
                + "&startIndex=1&count=100"));

        assertThat(found.get("totalResults").asInt()).isEqualTo(1);
        assertThat(found.get("Resources").get(0).get("id").asText()).isEqualTo(id);
    }

    @Test
    void oktasFullPutReplacesTheUser() throws Exception {
        String id = create(ScimUsersFixtures.OKTA_CREATE);

        HttpResponse<byte[]> replaced = scim("PUT", USERS + "/" + id, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"%s","userName":"test.user@okta.local",
                 "name":{"givenName":"Another","familyName":"User"},
                 "emails":[{"primary":true,"value":"test.user@okta.local","type":"work"}],
                 "displayName":"Another User","locale":"en-US","externalId":"00ujl29u0le5T6Aj10h7","groups":[],
                 "password":"OljIKnz3","active":true}""".formatted(id));

        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(http.repository.findById(Long.parseLong(id)).orElseThrow().profile().firstName()).isEqualTo("Another");
    }

    @Test
    void oktasDeactivationKeepsTheUserReadableAsInactive() throws Exception {
        String id = create(ScimUsersFixtures.OKTA_CREATE);

        HttpResponse<byte[]> patched = scim("PATCH", USERS + "/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","value":{"active":false}}]}""");

        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(json(patched).get("active").asBoolean()).isFalse();
        assertThat(json(http.get(USERS + "/" + id)).get("active").asBoolean()).isFalse();
    }

    @Test
    void oktasPagedImportPagesInRecordIdOrderOrSaysTheQueryServiceIsMissing() throws Exception {
        if (!lists()) {
            HttpResponse<byte[]> refused = http.get(USERS + "?startIndex=1&count=2");
            assertScimError(refused, 501, null);
            assertThat(json(refused).get("detail").asText()).contains("query service");
            return;
        }
        for (int i = 1; i <= 3; i++) {
            create("{\"userName\":\"import" + i + "@example.com\"}");
        }

        JsonNode page = json(http.get(USERS + "?startIndex=2&count=2"));

        assertThat(page.get("totalResults").asInt()).isEqualTo(3);
        assertThat(page.get("startIndex").asInt()).isEqualTo(2);
        assertThat(page.get("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(page.get("Resources").findValuesAsText("userName"))
                .containsExactly("import2@example.com", "import3@example.com");
    }

    @Test
    void peopleSeeADeactivatedPersonAsDeactivated() throws Exception {
        String id = create(ScimUsersFixtures.OKTA_CREATE);
        scim("PATCH", USERS + "/" + id, "{\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}");

        JsonNode seen = json(http.send("GET", "/api/v1/profiles/" + id, "Authorization",
                "Bearer " + issuer.token("someone")));

        assertThat(seen.get("active").asBoolean(true)).isFalse();
        assertThat(seen.has("email")).isFalse();
    }

    // Entra ID: create with the enterprise extension, externalId filter, PATCH with paths, "False", delete

    @Test
    void entrasCreateKeepsTheEnterpriseExtension() throws Exception {
        String id = create(ScimUsersFixtures.ENTRA_CREATE);

        JsonNode user = json(http.get(USERS + "/" + id));

        assertThat(user.get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User").get("department").asText())
                .isEqualTo("Sales");
        assertThat(user.get("schemas").toString()).contains("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
    }

    @Test
    void entrasExternalIdFilterFindsTheUserOrSaysTheQueryServiceIsMissing() throws Exception {
        String id = create(ScimUsersFixtures.ENTRA_CREATE);

        HttpResponse<byte[]> answer = http.get(USERS + filter("externalId eq \"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef\""));

        if (lists()) {
            assertThat(json(answer).get("Resources").get(0).get("id").asText()).isEqualTo(id);
        } else {
            assertScimError(answer, 501, null);
            assertThat(json(answer).get("detail").asText()).contains("query service");
        }
    }

    @Test
    void entrasCapitalisedPatchWithPathsChangesTheProfile() throws Exception {
        String id = create(ScimUsersFixtures.ENTRA_CREATE);

        HttpResponse<byte[]> patched = scim("PATCH", USERS + "/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                 {"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"updatedEmail@microsoft.com"},
                 {"op":"Replace","path":"name.familyName","value":"updatedFamilyName"}]}""");

        assertThat(patched.statusCode()).isEqualTo(200);
        Profile stored = http.repository.findById(Long.parseLong(id)).orElseThrow().profile();
        assertThat(stored.email()).isEqualTo("updatedEmail@microsoft.com");
        assertThat(stored.lastName()).isEqualTo("updatedFamilyName");
    }

    @Test
    void entrasStringFalseDisablesTheUser() throws Exception {
        String id = create(ScimUsersFixtures.ENTRA_CREATE);

        HttpResponse<byte[]> patched = scim("PATCH", USERS + "/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Replace","path":"active","value":"False"}]}""");

        assertThat(json(patched).get("active").isBoolean()).isTrue();
        assertThat(json(patched).get("active").asBoolean()).isFalse();
    }

    @Test
    void entrasDeleteRemovesTheUser() throws Exception {
        String id = create(ScimUsersFixtures.ENTRA_CREATE);

        assertThat(http.send("DELETE", USERS + "/" + id, new byte[0]).statusCode()).isEqualTo(204);
        assertScimError(http.get(USERS + "/" + id), 404, null);
    }

    // Both ways: SCIM's people are the API's and the API's are SCIM's

    @Test
    void aProvisionedPersonIsServedByEveryProfileRoute() throws Exception {
        String id = create(ScimUsersFixtures.OKTA_CREATE);
        http.repository.update(Long.parseLong(id), null, stored -> stored.profile().toBuilder().nickname("tuser").build());

        assertThat(http.get("/api/v1/id/" + id).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/username/test.user@okta.local").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/nickname/tuser").statusCode()).isEqualTo(200);
        assertThat(json(http.get("/api/v1/profiles/" + id)).get("email").asText()).isEqualTo("test.user@okta.local");
        assertThat(http.send("PUT", "/api/v1/profiles/" + id + "/picture", PictureLookupsTest.PNG, "Content-Type",
                "image/png").statusCode()).isEqualTo(201);
        assertThat(http.get("/api/v1/profiles/" + id + "/picture").body()).isEqualTo(PictureLookupsTest.PNG);
        long picture = http.repository.findById(Long.parseLong(id)).orElseThrow().profile().picture();
        assertThat(http.get("/api/v1/picture/raw/" + picture).body()).isEqualTo(PictureLookupsTest.PNG);
    }

    @Test
    void aProfileCreatedThroughTheApiIsAUser() throws Exception {
        http.json("POST", "/api/v1/profiles", "{\"user_id\":\"ada\",\"name\":\"Ada Lovelace\",\"first_name\":\"Ada\"}");

        JsonNode found = json(http.get(USERS + filter("userName eq \"ada\"")));

        assertThat(found.get("Resources").get(0).get("displayName").asText()).isEqualTo("Ada Lovelace");
        assertThat(found.get("Resources").get(0).get("name").get("givenName").asText()).isEqualTo("Ada");
    }

    // Versions, errors, access

    @Test
    void aStaleIfMatchIsRefused() throws Exception {
        String id = create(ScimUsersFixtures.OKTA_CREATE);

        assertScimError(scim("PUT", USERS + "/" + id, "{\"userName\":\"x\"}", "If-Match", "\"1\""), 412, null);
    }

    @Test
    void theCurrentIfMatchIsAccepted() throws Exception {
        HttpResponse<byte[]> created = scim("POST", USERS, ScimUsersFixtures.OKTA_CREATE);
        String id = json(created).get("id").asText();

        HttpResponse<byte[]> patched = scim("PATCH", USERS + "/" + id,
                "{\"Operations\":[{\"op\":\"add\",\"path\":\"title\",\"value\":\"Guide\"}]}", "If-Match",
                created.headers().firstValue("ETag").orElseThrow());

        assertThat(patched.statusCode()).isEqualTo(200);
    }

    @Test
    void anUnreadableFilterIsInvalidFilter() throws Exception {
        assertScimError(http.get(USERS + filter("userName eq")), 400, "invalidFilter");
    }

    @Test
    void aBadPatchPathIsInvalidPath() throws Exception {
        String id = create(ScimUsersFixtures.OKTA_CREATE);

        assertScimError(scim("PATCH", USERS + "/" + id,
                "{\"Operations\":[{\"op\":\"add\",\"path\":\"emails[type eq\",\"value\":\"x\"}]}"), 400, "invalidPath");
    }

    @Test
    void aBodyThatIsNoJsonIsInvalidSyntax() throws Exception {
        assertScimError(scim("POST", USERS, "{\"userName\":"), 400, "invalidSyntax");
    }

    @Test
    void anInvalidEmailIsInvalidValue() throws Exception {
        assertScimError(scim("POST", USERS, "{\"userName\":\"u\",\"emails\":[{\"value\":\"not an e-mail\"}]}"), 400,
                "invalidValue");
    }

    @Test
    void aCountThatIsNoIntegerIsInvalidValue() throws Exception {
        assertScimError(http.get(USERS + "?count=ten"), 400, "invalidValue");
    }

    @Test
    void groupsAreNotImplemented() throws Exception {
        assertScimError(http.get("/scim/v2/Groups"), 501, null);
    }

    @Test
    void aPersonsTokenIsRefused() throws Exception {
        assertScimError(http.send("GET", USERS + "/1", "Authorization", "Bearer " + issuer.token("someone")), 403,
                null);
    }

    @Test
    void noTokenIsUnauthorized() throws Exception {
        assertScimError(http.send("GET", USERS + "/1"), 401, null);
    }

    @Test
    void theServiceProviderConfigSaysWhatIsSupported() throws Exception {
        JsonNode config = json(http.get("/scim/v2/ServiceProviderConfig"));

        assertThat(config.get("patch").get("supported").asBoolean()).isTrue();
        assertThat(config.get("bulk").get("supported").asBoolean()).isFalse();
        assertThat(config.get("filter").get("maxResults").asInt()).isEqualTo(1000);
    }

    @Test
    void theResourceTypesNameUsersOnly() throws Exception {
        JsonNode types = json(http.get("/scim/v2/ResourceTypes"));

        assertThat(types.get("Resources").findValuesAsText("id")).containsExactly("User");
        assertThat(http.get("/scim/v2/ResourceTypes/User").statusCode()).isEqualTo(200);
    }

    @Test
    void theSchemasDescribeTheUserAndItsExtension() throws Exception {
        JsonNode schemas = json(http.get("/scim/v2/Schemas"));

        assertThat(schemas.get("Resources").findValuesAsText("name")).contains("User", "EnterpriseUser");
        assertThat(http.get("/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:User").statusCode())
                .isEqualTo(200);
    }
}
