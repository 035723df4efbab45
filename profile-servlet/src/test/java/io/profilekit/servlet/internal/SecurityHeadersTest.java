package io.profilekit.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.ProfileRepository;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.core.sample.SampleDataLoader;
import io.profilekit.servlet.internal.http.Route;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every answer, on every route of the route table and with every status a client can provoke
 * there (success, 304, 401, 404, 405, 415, 400), carries {@code X-Content-Type-Options: nosniff},
 * as docs/security.md promises.
 */
class SecurityHeadersTest {

    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Map<String, String> EXAMPLES = Map.of("{id}", "1", "{username}", "unknown", "{nickname}",
            "unknown", "{resource}", "Groups");

    private static RunningServer http;

    @BeforeAll
    static void start() throws Exception {
        ProfileRepository repository = ProfileRepository.of(new InMemoryProfileStore());
        new SampleDataLoader(repository, 1).load(2, true, done -> { });
        http = RunningServer.start(repository);
    }

    @AfterAll
    static void stop() throws Exception {
        http.close();
    }

    @Test
    void everyRouteAndMethodAnswersWithNosniff() throws Exception {
        for (Route route : Route.values()) {
            String path = concrete(route.template());
            for (String method : METHODS) {
                assertNosniff(method + " " + path, http.send(method, path, new byte[0],
                        "Content-Type", "text/plain"));
            }
            assertNosniff("GET " + path + " without a token", http.send("GET", path));
        }
    }

    @Test
    void conditionalAndFailedAnswersCarryNosniffToo() throws Exception {
        HttpResponse<byte[]> created = http.json("POST", "/api/v1/profiles", "{\"user_id\":\"nosniff\"}");
        String location = created.headers().firstValue("Location").orElseThrow();
        String etag = created.headers().firstValue("ETag").orElseThrow();

        assertNosniff("201", created);
        assertNosniff("304", http.send("GET", location, new byte[0], "If-None-Match", etag));
        assertNosniff("409", http.json("POST", "/api/v1/profiles", "{\"user_id\":\"nosniff\"}"));
        assertNosniff("412", http.json("PUT", location, "{\"user_id\":\"x\"}", "If-Match", "\"0\""));
        assertNosniff("404 of an unknown id", http.get("/api/v1/profiles/999"));
        assertNosniff("400 of a bad listing", http.get("/api/v1/profiles?limit=0"));
        assertNosniff("404 of no route", http.get("/api/v1/nothing/here"));
    }

    @Test
    void errorsJettyAnswersBeforeAnyServletCarryNosniff() throws Exception {
        String answer = http.raw("GET /api/v1/id/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("X-Content-Type-Options: nosniff");
    }

    private static String concrete(String template) {
        String path = template;
        for (Map.Entry<String, String> example : EXAMPLES.entrySet()) {
            path = path.replace(example.getKey(), example.getValue());
        }
        return path;
    }

    private static void assertNosniff(String what, HttpResponse<byte[]> response) {
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as(what + " (" + response.statusCode() + ")")
                .contains("nosniff");
    }
}
