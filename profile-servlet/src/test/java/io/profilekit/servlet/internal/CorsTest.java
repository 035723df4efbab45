package io.profilekit.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.profilekit.core.Profile;
import io.profilekit.core.ProfilePicture;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.servlet.ProfileApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CORS for the origins profile.cors.allowed-origins lists, as a browser's requests meet it. */
class CorsTest {

    private static final String APP = "https://app.example.com";

    private final HttpClient browser = HttpClient.newHttpClient();
    private ProfileRepository memory;
    private RunningServer http;

    @BeforeEach
    void start() throws Exception {
        memory = ProfileRepository.of(new InMemoryProfileStore());
        memory.create(Profile.builder().recordId(1L).userId("ada").build());
        http = RunningServer.start(memory, builder -> builder.corsAllowedOrigins(List.of(APP, "http://localhost:3000")));
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
    }

    /** A request as a browser sends it: no token unless given, and exactly these headers. */
    private HttpResponse<String> send(RunningServer server, String method, String path, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.server.uri() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> preflight(String origin, String method) throws Exception {
        return send(http, "OPTIONS", "/api/v1/profiles/1", "Origin", origin, "Access-Control-Request-Method", method,
                "Access-Control-Request-Headers", "authorization,content-type,if-match");
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredWithoutAToken() throws Exception {
        HttpResponse<String> response = preflight(APP, "PUT");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(APP);
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods"))
                .contains("GET, HEAD, PUT, PATCH, DELETE");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
                .contains("Authorization", "Content-Type", "If-Match", "If-None-Match");
        assertThat(response.headers().firstValue("Access-Control-Max-Age")).contains("600");
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(response.headers().allValues("Vary")).contains("Origin");
    }

    @Test
    void aPreflightFromAnotherOriginIs403WithoutCorsHeaders() throws Exception {
        HttpResponse<String> response = preflight("https://evil.example", "PUT");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(response.body()).contains("profile.cors.allowed-origins");
    }

    @Test
    void aRequestFromAnAllowedOriginMayReadTheAnswerAndItsETagAndLocation() throws Exception {
        HttpResponse<String> response = send(http, "GET", "/api/v1/profiles/1", "Origin", "http://localhost:3000",
                "Authorization", "Bearer " + RunningServer.TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:3000");
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
                .contains("ETag", "Location");
    }

    @Test
    void aRequestFromAnAllowedOriginStillNeedsItsToken() throws Exception {
        HttpResponse<String> response = send(http, "GET", "/api/v1/profiles/1", "Origin", APP);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(APP);
    }

    @Test
    void aRequestFromAnotherOriginGetsNoCorsHeader() throws Exception {
        HttpResponse<String> response = send(http, "GET", "/api/v1/profiles/1", "Origin", "https://evil.example",
                "Authorization", "Bearer " + RunningServer.TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aPictureAnswerVariesByOriginAndByAccept() throws Exception {
        memory.putPicture(1, ProfilePicture.of(PictureUrlsTest.resource("wide.png")));

        HttpResponse<String> response = send(http, "GET", "/api/v1/profiles/1/picture?size=16", "Origin", APP,
                "Authorization", "Bearer " + RunningServer.TOKEN);

        assertThat(response.headers().allValues("Vary")).contains("Origin", "Accept");
    }

    @Test
    void withoutAllowedOriginsThereIsNoCorsAndOptionsIs405() throws Exception {
        try (RunningServer plain = RunningServer.start(memory)) {
            HttpResponse<String> response = send(plain, "OPTIONS", "/api/v1/profiles/1", "Origin", APP,
                    "Access-Control-Request-Method", "GET", "Authorization", "Bearer " + RunningServer.TOKEN);

            assertThat(response.statusCode()).isEqualTo(405);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "https://app.example.com/", "https://App.example.com", "https://app.example.com:443",
            "ftp://app.example.com", "app.example.com", "https://app.example.com/path"})
    void anythingButAnOriginAsBrowsersSendItIsRefused(String origin) {
        ProfileApi.Builder builder = ProfileApi.builder(ProfileRepository.of(new InMemoryProfileStore()));

        assertThatThrownBy(() -> builder.corsAllowedOrigins(List.of(origin))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is no origin as browsers send it");
    }
}
