package io.profilekit.servlet.internal;

import static io.profilekit.servlet.internal.RunningServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.internal.Json;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.servlet.internal.seed.ProfileLookups;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileLookupsTest {

    private static final String NOT_FOUND = "{\"status\":\"failure\",\"message\":{\"error\":\"Not Found\"}}";

    private static RunningServer http;

    @BeforeAll
    static void start() throws Exception {
        ProfileRepository repository = ProfileRepository.of(new InMemoryProfileStore());
        repository.create(person(1, "ada1815", "alovelace"));
        repository.create(person(2, "ada2", "alovelace"));
        repository.create(person(3, "grace1906", "ghopper"));
        repository.create(person(4, "o'brien7", "obrien"));
        for (int i = 0; i < ProfileLookups.MAX_NICKNAME_RESULTS + 5; i++) {
            repository.create(person(100 + i, "many" + i, "common"));
        }
        http = RunningServer.start(repository);
    }

    @AfterAll
    static void stop() throws Exception {
        http.close();
    }

    static Profile person(long id, String username, String nickname) {
        return Profile.builder().recordId(id).userId(username).nickname(nickname)
                .name("Someone " + id).email(username + "@example.com").build();
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws Exception {
        return Json.MAPPER.readTree(response.body());
    }

    @Test
    void answersAProfileByIdAsTheSeedsOneElementArray() throws Exception {
        HttpResponse<byte[]> response = http.get("/api/v1/id/1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        JsonNode body = json(response);
        assertThat(body.isArray()).isTrue();
        assertThat(body).hasSize(1);
        assertThat(body.get(0).get("record_id").asLong()).isEqualTo(1);
        assertThat(body.get(0).get("user_id").asText()).isEqualTo("ada1815");
    }

    @Test
    void passesTheStoredDocumentThroughByteForByte() throws Exception {
        byte[] stored = http.repository.findById(3).orElseThrow().json();

        HttpResponse<byte[]> response = http.get("/api/v1/id/3");

        assertThat(text(response)).isEqualTo("[" + new String(stored, StandardCharsets.UTF_8) + "]");
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(stored.length + 2L);
    }

    @Test
    void answersTheSeeds404ForAnUnknownId() throws Exception {
        HttpResponse<byte[]> response = http.get("/api/v1/id/424242");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(text(response)).isEqualTo(NOT_FOUND);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "1.5", "1e3", "0x1", "%201", "99999999999999999999999",
        "9223372036854775808", "%EF%BC%91"})
    void answers404ForAnIdThatIsNoPositiveNumber(String id) throws Exception {
        HttpResponse<byte[]> response = http.get("/api/v1/id/" + id);

        assertThat(response.statusCode()).as(id).isEqualTo(404);
        assertThat(text(response)).isEqualTo(NOT_FOUND);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/id", "/api/v1/id/", "/api/v1/id/1/extra"})
    void answers404WhenThePathDoesNotNameExactlyOneId(String path) throws Exception {
        HttpResponse<byte[]> response = http.get(path);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(text(response)).isEqualTo(NOT_FOUND);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/id//1", "/api/v1/id/%00", "/api/v1/id/1%0A", "/api/v1/id/1%2F2",
        "/api/v1/id/%2E%2E", "/api/v1/id/..%5C..%5C", "/api/v1/id/%", "/api/v1/id/%zz",
        "/api/v1/id/../../../etc/passwd"})
    void answersPathTricksWithAClientErrorNeverA500(String target) throws Exception {
        String response = http.raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + RunningServer.TOKEN + "\r\nConnection: close\r\n\r\n");

        assertThat(response).as(target).matches("(?s)HTTP/1\\.1 4\\d\\d .*");
        assertThat(response).doesNotContain("Exception", "jetty", "at org.");
    }

    @Test
    void answers404ForAnOverlongUsernameWithoutTrouble() throws Exception {
        HttpResponse<byte[]> response = http.get("/api/v1/username/" + "a".repeat(5000));

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void findsAProfileByUsername() throws Exception {
        HttpResponse<byte[]> response = http.get("/api/v1/username/grace1906");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).hasSize(1);
        assertThat(json(response).get(0).get("record_id").asLong()).isEqualTo(3);
    }

    @Test
    void decodesAPercentEncodedUsername() throws Exception {
        HttpResponse<byte[]> response = http.get("/api/v1/username/o%27brien7");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get(0).get("user_id").asText()).isEqualTo("o'brien7");
    }

    @Test
    void matchesUsernamesExactly() throws Exception {
        assertThat(http.get("/api/v1/username/GRACE1906").statusCode()).isEqualTo(404);
        assertThat(text(http.get("/api/v1/username/grace"))).isEqualTo(NOT_FOUND);
    }

    @Test
    void findsEveryProfileWithANicknameInRecordIdOrder() throws Exception {
        HttpResponse<byte[]> response = http.get("/api/v1/nickname/alovelace");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body).hasSize(2);
        assertThat(body.get(0).get("record_id").asLong()).isEqualTo(1);
        assertThat(body.get(1).get("record_id").asLong()).isEqualTo(2);
    }

    @Test
    void capsANicknameLookup() throws Exception {
        HttpResponse<byte[]> response = http.get("/api/v1/nickname/common");

        assertThat(json(response)).hasSize(ProfileLookups.MAX_NICKNAME_RESULTS);
    }

    @Test
    void answers404ForAnUnknownNickname() throws Exception {
        HttpResponse<byte[]> response = http.get("/api/v1/nickname/nobody");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(text(response)).isEqualTo(NOT_FOUND);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"})
    void refusesOtherMethodsWith405AndAllow(String method) throws Exception {
        HttpResponse<byte[]> response = http.send(method, "/api/v1/id/1",
                "Authorization", "Bearer " + RunningServer.TOKEN);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD");
        assertThat(text(response)).isEqualTo(
                "{\"status\":\"failure\",\"message\":{\"error\":\"Method Not Allowed\"}}");
    }

    @Test
    void answersHeadWithTheHeadersOfGetAndNoBody() throws Exception {
        HttpResponse<byte[]> response = http.send("HEAD", "/api/v1/id/1",
                "Authorization", "Bearer " + RunningServer.TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.body()).isEmpty();
    }
}
