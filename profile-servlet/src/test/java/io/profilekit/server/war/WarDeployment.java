package io.profilekit.server.war;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.profilekit.core.internal.Json;
import io.profilekit.servlet.internal.profiles.ProfileResource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The built WAR, as the integration tests deploy it: where it is, the settings they give it
 * as context parameters, and the checks every container must pass.
 */
final class WarDeployment {

    static final String CONTEXT_PATH = "/profiles";
    static final String TOKEN = "war-token";
    /** A small demo store, through the same context-param route an operator would use. */
    static final Map<String, String> MEMORY = Map.of("profile.api.tokens", TOKEN, "profile.demo.profiles", "5");

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private WarDeployment() {
    }

    static Path war() {
        Path war = Path.of(System.getProperty("profilekit.war", "target/profile-servlet.war"));
        assertThat(war).as("the WAR is built before the integration tests run").exists();
        return war.toAbsolutePath();
    }

    static Path workDirectory(String name) throws IOException {
        return Files.createTempDirectory("profilekit-" + name);
    }

    static HttpResponse<byte[]> send(URI base, String method, String path, String contentType, byte[] body,
            String... headers) throws IOException, InterruptedException {
        return sendAs(TOKEN, base, method, path, contentType, body, headers);
    }

    static HttpResponse<byte[]> sendAs(String token, URI base, String method, String path, String contentType,
            byte[] body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> get(URI base, String path) throws IOException, InterruptedException {
        return send(base, "GET", path, null, null);
    }

    /** The seed routes, the resource routes and the operations routes, through the container. */
    static void answersEveryKindOfRoute(URI base) throws Exception {
        answersEveryKindOfRoute(base, TOKEN);
    }

    /** As {@link #answersEveryKindOfRoute(URI)}, calling with {@code token}. */
    static void answersEveryKindOfRoute(URI base, String token) throws Exception {
        HttpResponse<byte[]> seed = sendAs(token, base, "GET", "/api/v1/id/1", null, null);
        assertThat(seed.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(seed.body()).get(0).get("record_id").asLong()).isEqualTo(1);
        HttpResponse<byte[]> raw = sendAs(token, base, "GET", "/api/v1/picture/raw/1", null, null);
        assertThat(raw.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(sendAs("nope", base, "GET", "/api/v1/id/1", null, null).statusCode()).isEqualTo(401);

        HttpResponse<byte[]> created = sendAs(token, base, "POST", "/api/v1/profiles", "application/json",
                "{\"user_id\":\"ada1815\",\"name\":\"Ada Lovelace\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(CONTEXT_PATH + "/api/v1/profiles/");
        String path = location.substring(CONTEXT_PATH.length());
        String etag = created.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> patched = sendAs(token, base, "PATCH", path, ProfileResource.MERGE_PATCH,
                "{\"city\":\"London\"}".getBytes(StandardCharsets.UTF_8), "If-Match", etag);
        assertThat(patched.statusCode()).isEqualTo(200);
        JsonNode profile = Json.MAPPER.readTree(sendAs(token, base, "GET", path, null, null).body());
        assertThat(profile.get("city").asText()).isEqualTo("London");
        assertThat(sendAs(token, base, "PATCH", path, ProfileResource.MERGE_PATCH,
                "{\"city\":\"Paris\"}".getBytes(StandardCharsets.UTF_8), "If-Match", etag).statusCode()).isEqualTo(412);
        assertThat(sendAs(token, base, "DELETE", path, null, null).statusCode()).isEqualTo(204);

        HttpResponse<byte[]> missing = sendAs(token, base, "GET", "/api/v1/profiles/9999", null, null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(sendAs(token, base, "GET", "/nothing-here", null, null).statusCode()).isEqualTo(404);
        assertThat(sendAs(token, base, "GET", "/healthz", null, null).statusCode()).isEqualTo(200);
        assertThat(sendAs(token, base, "GET", "/readyz", null, null).statusCode()).isEqualTo(200);
        assertThat(new String(sendAs(token, base, "GET", "/metrics", null, null).body(), StandardCharsets.UTF_8)).contains("http_server_requests_seconds");
        assertThat(new String(sendAs(token, base, "GET", "/openapi.yaml", null, null).body(), StandardCharsets.UTF_8)).startsWith("openapi: 3.1.0");
    }
}
