package io.profilekit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.profilekit.core.ProfileRepository;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * profilekit through the starter in a host application with its own controller at {@code /}
 * and its own {@code /api/users}, mounted at {@code /profiles}: every route answers as its
 * owner intends, Actuator's health includes profilekit, and its meters join the host's registry.
 */
@SpringBootTest(classes = HostApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"profilekit.tokens=starter-token", "profilekit.search-fields=name,user_id",
            "profilekit.scim-enabled=true",
            "management.endpoint.health.show-components=always",
            "management.endpoint.health.probes.enabled=true",
            "management.endpoint.health.group.readiness.include=readinessState,profilekit"})
class ProfilekitAutoConfigurationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    private int port;
    @Autowired
    private ProfileRepository repository;
    @Autowired
    private MeterRegistry registry;

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theHostsControllerKeepsTheRoot() throws Exception {
        HttpResponse<String> answer = call("GET", "/", null, null);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("the host's home");
    }

    @Test
    void theHostsOwnApiUsersAnswersWithoutProfilekitsToken() throws Exception {
        HttpResponse<String> answer = call("GET", "/api/users", null, null);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("the host's users");
    }

    @Test
    void aHostControllerAnswersAProfileAsItsDocument() throws Exception {
        long id = repository.create(io.profilekit.core.Profile.builder().userId("hostada").name("Ada Lovelace")
                .emailVerified(true).build()).recordId();

        HttpResponse<String> answer = call("GET", "/host/people/" + id, null, null);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"record_id\":" + id
                + ",\"name\":\"Ada Lovelace\",\"user_id\":\"hostada\",\"email_verified\":true}");
    }

    @Test
    void aHostControllerReadsARequestBodyAsAProfileDocument() throws Exception {
        HttpResponse<String> answer = call("POST", "/host/people/echo", null,
                "{\"user_id\":\"grace1906\",\"team\":\"navy\"}");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"user_id\":\"grace1906\",\"team\":\"navy\"}");
    }

    @Test
    void profilekitCreatesAndServesProfilesUnderItsPath() throws Exception {
        HttpResponse<String> created = call("POST", "/profiles/api/v1/profiles", "starter-token",
                "{\"user_id\":\"grace1906\",\"name\":\"Grace Hopper\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        long id = JSON.readTree(created.body()).get("record_id").asLong();

        HttpResponse<String> read = call("GET", "/profiles/api/v1/profiles/" + id, "starter-token", null);

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(read.body()).get("user_id").asText()).isEqualTo("grace1906");
        assertThat(repository.findByUsername("grace1906")).isPresent();
    }

    @Test
    void searchMatchesTheFieldsOfProfilekitSearchFields() throws Exception {
        call("POST", "/profiles/api/v1/profiles", "starter-token",
                "{\"user_id\":\"hedy1914\",\"name\":\"Hedy Lamarr\",\"email\":\"hedy@navy.example\"}");

        HttpResponse<String> byName = call("GET", "/profiles/api/v1/search?q=hedy%20lam", "starter-token", null);
        HttpResponse<String> byEmail = call("GET", "/profiles/api/v1/search?q=navy", "starter-token", null);

        assertThat(byName.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(byName.body()).get("items").get(0).get("user_id").asText()).isEqualTo("hedy1914");
        assertThat(JSON.readTree(byEmail.body()).get("items")).isEmpty();
    }

    @Test
    void scimProvisionsAPersonUnderProfilekitsPathWhenEnabled() throws Exception {
        HttpResponse<String> created = call("POST", "/profiles/scim/v2/Users", "starter-token",
                "{\"userName\":\"ada1815\",\"displayName\":\"Ada Lovelace\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .contains("/profiles/scim/v2/Users/"));
        assertThat(repository.findByUsername("ada1815")).isPresent();
    }

    @Test
    void profilekitRefusesACallerWithoutItsToken() throws Exception {
        assertThat(call("GET", "/profiles/api/v1/id/1", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void profilekitTakesNoPathOutsideItsOwn() throws Exception {
        assertThat(call("GET", "/api/v1/id/1", "starter-token", null).statusCode()).isEqualTo(404);
    }

    @Test
    void actuatorsHealthIncludesProfilekit() throws Exception {
        HttpResponse<String> answer = call("GET", "/actuator/health", null, null);

        JsonNode health = JSON.readTree(answer.body());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(health.at("/components/profilekit/status").asText()).isEqualTo("UP");
    }

    @Test
    void theReadinessGroupIncludesProfilekitAsDocsSpringBootMdSays() throws Exception {
        HttpResponse<String> answer = call("GET", "/actuator/health/readiness", null, null);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).at("/components/profilekit/status").asText()).isEqualTo("UP");
    }

    @Test
    void profilekitsMetersJoinTheHostsRegistryBesideSpringsOwn() throws Exception {
        call("GET", "/", null, null);
        call("GET", "/profiles/api/v1/id/1", "starter-token", null);

        assertThat(registry.getMeters()).extracting(meter -> meter.getId().getName())
                .contains("http.server.requests", "profilekit.http.server.requests");
        assertThat(registry.find("profilekit.http.server.requests").timers()).allSatisfy(timer ->
                assertThat(timer.getId().getTag("route")).isNotNull());
    }
}
