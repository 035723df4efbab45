package io.profilekit.servlet.internal;

import static io.profilekit.servlet.internal.RunningServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.internal.Json;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.servlet.auth.Authenticator;
import io.profilekit.servlet.auth.BearerTokenAuthenticator;
import io.profilekit.servlet.auth.OidcAuthenticator;
import io.profilekit.servlet.auth.TestIssuer;
import io.profilekit.servlet.internal.profiles.ProfileResource;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MeRouteTest {

    private static TestIssuer issuer;
    private RunningServer http;
    private String carol;

    @BeforeAll
    static void startIssuer() throws Exception {
        issuer = TestIssuer.start();
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    @BeforeEach
    void start() throws Exception {
        Authenticator authenticator = Authenticator.firstOf(new BearerTokenAuthenticator(List.of(RunningServer.TOKEN)),
                OidcAuthenticator.builder(issuer.issuer(), TestIssuer.AUDIENCE).jwksUrl(issuer.jwksUrl()).build());
        http = RunningServer.start(ProfileRepository.of(new InMemoryProfileStore()), builder -> builder.authenticator(authenticator));
        http.repository.create(Profile.builder().recordId(1L).userId("ada1815").name("Ada Lovelace").nickname("ada")
                .email("ada@example.com").emailVerified(true).build());
        carol = "Bearer " + issuer.token("carol");
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
    }

    private HttpResponse<byte[]> as(String authorization, String method, String path, String json,
            String... headers) throws Exception {
        String[] all = new String[headers.length + 4];
        all[0] = "Authorization";
        all[1] = authorization;
        all[2] = "Content-Type";
        all[3] = method.equals("PATCH") ? ProfileResource.MERGE_PATCH : "application/json";
        System.arraycopy(headers, 0, all, 4, headers.length);
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        return http.sendExactly(method, path, body, all);
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws Exception {
        return Json.MAPPER.readTree(response.body());
    }

    @Test
    void beforeCreatingItYourProfileIsA404ThatSaysHowToCreateIt() throws Exception {
        HttpResponse<byte[]> response = as(carol, "GET", "/api/v1/me", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("detail").asText()).contains("POST /api/v1/me");
    }

    @Test
    void createsYourProfileWithTheUsernameYourTokenNames() throws Exception {
        HttpResponse<byte[]> created = as(carol, "POST", "/api/v1/me", "{\"name\":\"Carol Shaw\",\"nickname\":\"carol\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/me");
        assertThat(json(created).get("user_id").asText()).isEqualTo("carol");
        long id = json(created).get("record_id").asLong();
        assertThat(http.repository.findByUsername("carol").orElseThrow().recordId()).isEqualTo(id);
    }

    @Test
    void aSecondCreateIsAConflict() throws Exception {
        as(carol, "POST", "/api/v1/me", "{\"name\":\"Carol Shaw\"}");

        HttpResponse<byte[]> again = as(carol, "POST", "/api/v1/me", "{\"name\":\"Carol Shaw\"}");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("detail").asText()).contains("PUT or PATCH /api/v1/me");
    }

    @Test
    void aCreateRetriedWithItsIdempotencyKeyAnswersTheFirst201() throws Exception {
        HttpResponse<byte[]> first = as(carol, "POST", "/api/v1/me", "{\"name\":\"Carol Shaw\"}",
                "Idempotency-Key", "\"carol-1\"");

        HttpResponse<byte[]> again = as(carol, "POST", "/api/v1/me", "{\"name\":\"Carol Shaw\"}",
                "Idempotency-Key", "\"carol-1\"");

        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
        assertThat(again.headers().firstValue("Location")).contains("/api/v1/me");
    }

    @Test
    void aPersonsIdempotencyKeyNeverAnswersAnotherCaller() throws Exception {
        as(carol, "POST", "/api/v1/me", "{\"name\":\"Carol Shaw\"}", "Idempotency-Key", "\"shared\"");

        HttpResponse<byte[]> service = http.json("POST", "/api/v1/profiles", "{\"user_id\":\"dave\"}",
                "Idempotency-Key", "\"shared\"");

        assertThat(service.statusCode()).isEqualTo(201);
        assertThat(json(service).get("user_id").asText()).isEqualTo("dave");
    }

    @Test
    void aCreateNamingAnotherUsernameIsRefusedNamingTheField() throws Exception {
        HttpResponse<byte[]> response = as(carol, "POST", "/api/v1/me", "{\"user_id\":\"ada1815\",\"name\":\"Ada\"}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("detail").asText()).contains("'user_id'");
        assertThat(http.repository.findByUsername("carol")).isEmpty();
    }

    @Test
    void aCreateSettingEmailVerifiedIsRefused() throws Exception {
        HttpResponse<byte[]> response = as(carol, "POST", "/api/v1/me", "{\"email_verified\":true}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("detail").asText()).contains("'email_verified'");
    }

    @Test
    void readsYourWholeProfileWithItsPictureUrl() throws Exception {
        HttpResponse<byte[]> response = as("Bearer " + issuer.token("ada1815"), "GET", "/api/v1/me", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("email").asText()).isEqualTo("ada@example.com");
        assertThat(json(response).get("picture_url").asText()).contains("/pictures/1?");
        assertThat(response.headers().firstValue("ETag")).isPresent();
    }

    @Test
    void aReplacementLeavingOutReadOnlyFieldsKeepsThem() throws Exception {
        HttpResponse<byte[]> response = as("Bearer " + issuer.token("ada1815"), "PUT", "/api/v1/me",
                "{\"name\":\"Augusta Ada King\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        Profile stored = http.repository.findById(1).orElseThrow().profile();
        assertThat(stored.userId()).isEqualTo("ada1815");
        assertThat(stored.emailVerified()).isTrue();
        assertThat(stored.name()).isEqualTo("Augusta Ada King");
        assertThat(stored.email()).isNull();
    }

    @Test
    void aPatchChangingYourUsernameIsRefusedAndChangesNothing() throws Exception {
        HttpResponse<byte[]> response = as("Bearer " + issuer.token("ada1815"), "PATCH", "/api/v1/me",
                "{\"user_id\":\"countess\",\"name\":\"Countess\"}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("detail").asText()).contains("'user_id'");
        assertThat(http.repository.findById(1).orElseThrow().profile().name()).isEqualTo("Ada Lovelace");
    }

    @Test
    void aPatchUnderAStaleIfMatchIsRefused() throws Exception {
        String ada = "Bearer " + issuer.token("ada1815");
        String tag = as(ada, "GET", "/api/v1/me", null).headers().firstValue("ETag").orElseThrow();
        as(ada, "PATCH", "/api/v1/me", "{\"nickname\":\"first\"}");

        HttpResponse<byte[]> stale = as(ada, "PATCH", "/api/v1/me", "{\"nickname\":\"second\"}", "If-Match", tag);

        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(http.repository.findById(1).orElseThrow().profile().nickname()).isEqualTo("first");
    }

    @Test
    void createReadChangeAndDeleteYourOwnProfileAndPicture() throws Exception {
        assertThat(as(carol, "POST", "/api/v1/me", "{\"name\":\"Carol Shaw\"}").statusCode()).isEqualTo(201);
        HttpResponse<byte[]> picture = http.sendExactly("PUT", "/api/v1/me/picture", PictureLookupsTest.PNG,
                "Authorization", carol, "Content-Type", "image/png");
        assertThat(picture.statusCode()).isEqualTo(201);
        assertThat(picture.headers().firstValue("Location")).contains("/api/v1/me/picture");
        HttpResponse<byte[]> image = http.sendExactly("GET", "/api/v1/me/picture", new byte[0], "Authorization", carol);
        assertThat(image.body()).isEqualTo(PictureLookupsTest.PNG);
        assertThat(as(carol, "PATCH", "/api/v1/me", "{\"nickname\":\"cshaw\"}").statusCode()).isEqualTo(200);
        assertThat(http.sendExactly("DELETE", "/api/v1/me/picture", new byte[0], "Authorization", carol).statusCode())
                .isEqualTo(204);
        assertThat(http.repository.findByUsername("carol").orElseThrow().profile().picture()).isNull();

        assertThat(as(carol, "DELETE", "/api/v1/me", null).statusCode()).isEqualTo(204);

        assertThat(http.repository.findByUsername("carol")).isEmpty();
        assertThat(as(carol, "GET", "/api/v1/me", null).statusCode()).isEqualTo(404);
    }

    @Test
    void yourExportHoldsYourWholeProfileAndYourPicture() throws Exception {
        as(carol, "POST", "/api/v1/me", "{\"name\":\"Carol Shaw\",\"email\":\"carol@example.com\"}");
        http.sendExactly("PUT", "/api/v1/me/picture", PictureLookupsTest.PNG, "Authorization", carol,
                "Content-Type", "image/png");

        HttpResponse<byte[]> export = as(carol, "GET", "/api/v1/me/export", null);

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"my-profile.json\"");
        assertThat(export.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode mine = json(export);
        assertThat(mine.get("profile").get("email").asText()).isEqualTo("carol@example.com");
        assertThat(Base64.getDecoder().decode(mine.get("picture").get("image").asText()))
                .isEqualTo(PictureLookupsTest.PNG);
    }

    @Test
    void anExportWithoutAPictureSaysSo() throws Exception {
        as(carol, "POST", "/api/v1/me", "{\"name\":\"Carol Shaw\"}");

        JsonNode mine = json(as(carol, "GET", "/api/v1/me/export", null));

        assertThat(mine.get("picture").isNull()).isTrue();
        assertThat(mine.get("profile").get("user_id").asText()).isEqualTo("carol");
    }

    @Test
    void aServiceCannotExportAPersonsOwnData() throws Exception {
        assertThat(as("Bearer " + RunningServer.TOKEN, "GET", "/api/v1/me/export", null).statusCode()).isEqualTo(403);
    }

    @Test
    void aServiceTokenIsTold403ThatMeNamesNoOne() throws Exception {
        HttpResponse<byte[]> response = as("Bearer " + RunningServer.TOKEN, "GET", "/api/v1/me", null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("detail").asText()).contains("/api/v1/profiles/{id}");
    }

    @Test
    void aPersonListingByEmailIsRefused() throws Exception {
        HttpResponse<byte[]> response = as(carol, "GET", "/api/v1/profiles?email=ada@example.com", null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(text(response)).doesNotContain("ada1815");
    }

    @Test
    void aRefusedTokenIsToldWhatIsWrongInTheChallenge() throws Exception {
        String expired = issuer.token("ada1815",
                claims -> claims.expirationTime(new java.util.Date(System.currentTimeMillis() - 3_600_000)));

        HttpResponse<byte[]> response = as("Bearer " + expired, "GET", "/api/v1/me", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains(
                "Bearer realm=\"profilekit\", error=\"invalid_token\", error_description=\"the token has expired\"");
    }

    @Test
    void aRefusalBeforeTheBodyIsReadClosesTheConnection() throws Exception {
        String body = "{\"name\":\"x\"}";
        String answer = http.raw("PUT /api/v1/profiles/1 HTTP/1.1\r\nHost: x\r\nAuthorization: " + carol
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);

        assertThat(answer).startsWith("HTTP/1.1 403 ").contains("Connection: close");
    }
}
