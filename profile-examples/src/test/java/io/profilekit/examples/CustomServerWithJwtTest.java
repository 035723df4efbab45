package io.profilekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.memory.InMemoryProfileStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CustomServerWithJwtTest {

    private static final byte[] SECRET = "a-test-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static Server server;
    private static String base;
    private static ProfileRepository repository;

    @BeforeAll
    static void start() throws Exception {
        repository = ProfileRepository.of(new InMemoryProfileStore());
        repository.create(Profile.builder().recordId(1L).userId("ada").build());
        repository.create(Profile.builder().recordId(2L).userId("grace").email("grace@example.com").build());
        server = CustomServerWithJwt.start(0, repository, SECRET, "service-token");
        base = "http://localhost:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort()
                + CustomServerWithJwt.CONTEXT_PATH;
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    private static int status(String method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token);
        if (method.equals("PATCH")) {
            request.header("Content-Type", "application/merge-patch+json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"city\":\"London\"}"));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String jwt(String username) throws Exception {
        return CustomServerWithJwt.issue(SECRET, username, Duration.ofMinutes(5));
    }

    @Test
    void doesNotNameItsServerSoftware() throws Exception {
        HttpResponse<Void> answer = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/profiles/2"))
                .header("Authorization", "Bearer service-token").build(), HttpResponse.BodyHandlers.discarding());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Server")).isEmpty();
    }

    @Test
    void theServiceTokenMayDoAnything() throws Exception {
        assertThat(status("GET", "/api/v1/profiles", "service-token")).isEqualTo(200);
        assertThat(status("PATCH", "/api/v1/profiles/2", "service-token")).isEqualTo(200);
    }

    @Test
    void aPersonReadsAndEditsTheirOwnProfileThroughMe() throws Exception {
        String ada = jwt("ada");

        assertThat(status("GET", "/api/v1/me", ada)).isEqualTo(200);
        assertThat(status("PATCH", "/api/v1/me", ada)).isEqualTo(200);
        assertThat(repository.findById(1).orElseThrow().profile().city()).isEqualTo("London");
    }

    @Test
    void aPersonSeesOthersPublicViewOnly() throws Exception {
        HttpResponse<String> grace = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/profiles/2"))
                .header("Authorization", "Bearer " + jwt("ada")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(grace.statusCode()).isEqualTo(200);
        assertThat(grace.body()).contains("\"user_id\":\"grace\"").doesNotContain("grace@example.com");
    }

    @Test
    void aPersonMayNotChangeAnyoneElsesProfile() throws Exception {
        String ada = jwt("ada");
        Object before = repository.findById(2).orElseThrow().version();

        assertThat(status("PATCH", "/api/v1/profiles/2", ada)).isEqualTo(403);
        assertThat(status("DELETE", "/api/v1/profiles/2", ada)).isEqualTo(403);
        assertThat(repository.findById(2).orElseThrow().version()).isEqualTo(before);
    }

    @Test
    void refusesExpiredForgedAndUnsignedTokens() throws Exception {
        SignedJWT expired = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
                new JWTClaimsSet.Builder().subject("ada").expirationTime(new Date(System.currentTimeMillis() - 60_000)).build());
        expired.sign(new MACSigner(SECRET));
        String forged = CustomServerWithJwt.issue("another-secret-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8),
                "ada", Duration.ofMinutes(5));
        String unsigned = new PlainJWT(new JWTClaimsSet.Builder().subject("ada")
                .expirationTime(new Date(System.currentTimeMillis() + 60_000)).build()).serialize();

        assertThat(status("GET", "/api/v1/profiles/1", expired.serialize())).isEqualTo(401);
        assertThat(status("GET", "/api/v1/profiles/1", forged)).isEqualTo(401);
        assertThat(status("GET", "/api/v1/profiles/1", unsigned)).isEqualTo(401);
    }

    @Test
    void servesUnderItsOwnPathOnly() throws Exception {
        HttpRequest outside = HttpRequest.newBuilder(URI.create(base.replace(CustomServerWithJwt.CONTEXT_PATH, "")
                + "/api/v1/profiles")).header("Authorization", "Bearer service-token").build();

        assertThat(CLIENT.send(outside, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
    }
}
