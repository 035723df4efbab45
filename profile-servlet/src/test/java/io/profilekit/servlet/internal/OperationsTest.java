package io.profilekit.servlet.internal;

import static io.profilekit.servlet.internal.RunningServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.core.testkit.ForwardingProfileStore;
import io.profilekit.server.ProfileServer;
import io.profilekit.servlet.ProfileApi;
import io.profilekit.servlet.auth.BearerTokenAuthenticator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Readiness, metrics, request ids, the access log and the OpenAPI description, over HTTP. */
class OperationsTest {

    private static final AtomicBoolean storeDown = new AtomicBoolean();
    private static RunningServer http;

    @BeforeAll
    static void start() throws Exception {
        InMemoryProfileStore memory = new InMemoryProfileStore();
        ProfileRepository.of(memory).create(Profile.builder().recordId(1L).userId("secret-username")
                .email("hidden@example.com").build());
        http = RunningServer.start(ProfileRepository.of(new ForwardingProfileStore(memory) {
            @Override
            public CompletableFuture<Void> ping() {
                if (storeDown.get()) {
                    throw new StoreUnavailableException("Couchbase did not answer in time");
                }
                return super.ping();
            }

            @Override
            public CompletableFuture<Optional<StoredProfile>> findById(long recordId) {
                if (storeDown.get()) {
                    throw new StoreUnavailableException("Couchbase did not answer in time");
                }
                return super.findById(recordId);
            }
        }));
    }

    @AfterAll
    static void stop() throws Exception {
        http.close();
    }

    @Test
    void readyWhileTheStoreAnswersUnavailableWhileNotAndBackWhenItIs() throws Exception {
        HttpResponse<byte[]> ready = http.send("GET", "/readyz");
        storeDown.set(true);
        HttpResponse<byte[]> down;
        HttpResponse<byte[]> apiDown;
        try {
            down = http.send("GET", "/readyz");
            apiDown = http.get("/api/v1/profiles/1");
        } finally {
            storeDown.set(false);
        }
        HttpResponse<byte[]> back = http.send("GET", "/readyz");

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(text(ready)).isEqualTo("{\"status\":\"ready\"}");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Retry-After")).contains("1");
        assertThat(apiDown.statusCode()).isEqualTo(503);
        assertThat(apiDown.headers().firstValue("Retry-After")).contains("1");
        assertThat(text(apiDown)).contains("the profile store is unavailable; try again later")
                .doesNotContain("Couchbase");
        assertThat(back.statusCode()).isEqualTo(200);
    }

    @Test
    void healthNeedsNoStore() throws Exception {
        storeDown.set(true);
        try {
            assertThat(http.send("GET", "/healthz").statusCode()).isEqualTo(200);
        } finally {
            storeDown.set(false);
        }
    }

    @Test
    void metricsCountRequestsByRouteTemplateAndStatus() throws Exception {
        http.get("/api/v1/profiles/1");
        http.get("/api/v1/username/secret-username");

        HttpResponse<byte[]> metrics = http.send("GET", "/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(text(metrics))
                .containsPattern("profilekit_http_server_requests_seconds_count\\{[^}]*route=\"/api/v1/profiles/\\{id}\"[^}]*status=\"200\"")
                .contains("profilekit_http_server_requests_seconds_bucket", "route=\"/api/v1/username/{username}\"")
                .contains("jetty_threads_current")
                .doesNotContain("jvm_memory_used_bytes")
                .doesNotContain("secret-username");
    }

    @Test
    void everyResponseCarriesARequestIdTheCallersWhenItIsAPlainToken() throws Exception {
        HttpResponse<byte[]> generated = http.send("GET", "/healthz");
        HttpResponse<byte[]> echoed = http.send("GET", "/healthz", "X-Request-Id", "abc-123.x");
        HttpResponse<byte[]> replaced = http.send("GET", "/healthz", "X-Request-Id", "<script>alert(1)</script>");
        HttpResponse<byte[]> onError = http.send("GET", "/nope");

        assertThat(generated.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{32}"));
        assertThat(echoed.headers().firstValue("X-Request-Id")).contains("abc-123.x");
        assertThat(replaced.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{32}"));
        assertThat(generated.headers().firstValue("X-Request-Id")).isNotEqualTo(replaced.headers().firstValue("X-Request-Id"));
        assertThat(onError.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void theAccessLogNamesRoutesButNoTokenOrProfileContent() throws Exception {
        CapturedAccessLog log = new CapturedAccessLog();
        try (log) {
            http.get("/api/v1/username/secret-username");
            http.get("/api/v1/profiles?email=hidden%40example.com");
            http.send("GET", "/api/v1/id/1", "x-access-token", "wrong-token-value");
            // The line is written once the answer has gone out: give the last one a moment.
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (log.lines.list.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }

        assertThat(log.lines.list).hasSize(3);
        assertThat(log.lines.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).startsWith("GET /api/v1/username/{username} 200 "))
                .anySatisfy(line -> assertThat(line).startsWith("GET /api/v1/profiles 200 "))
                .anySatisfy(line -> assertThat(line).startsWith("GET /api/v1/id/{id} 401 "))
                .allSatisfy(line -> assertThat(line).doesNotContain("secret-username", "hidden", RunningServer.TOKEN,
                        "wrong-token-value"));
        assertThat(log.lines.list).allSatisfy(event -> assertThat(event.getMDCPropertyMap()).containsKey("requestId"));
    }

    @Test
    void theAccessLogIsOffUnlessAskedFor() throws Exception {
        CapturedAccessLog log = new CapturedAccessLog();
        ProfileApi quiet = ProfileApi.builder(ProfileRepository.of(new InMemoryProfileStore()))
                .authenticator(new BearerTokenAuthenticator(List.of("t"))).build();
        try (log; quiet; ProfileServer server = ProfileServer.builder().port(0).api(quiet).start()) {
            HttpResponse<Void> answered = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(server.uri() + "/healthz")).header("X-Request-Id", "quiet-check")
                            .build(), BodyHandlers.discarding());
            assertThat(answered.statusCode()).isEqualTo(200);
        }

        // The class's other server, which logs, may still be writing the line of a request an
        // earlier test made: only a line for this request would be wrong.
        assertThat(log.lines.list).noneMatch(event -> "quiet-check".equals(event.getMDCPropertyMap().get("requestId")));
    }

    @Test
    void servesItsOpenApiDescription() throws Exception {
        HttpResponse<byte[]> response = http.send("GET", "/openapi.yaml");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/yaml");
        assertThat(text(response)).startsWith("openapi: 3.1.0");
    }

    /** Collects what the access logger writes, at INFO, until closed. */
    private static final class CapturedAccessLog implements AutoCloseable {
        private final Logger logger = (Logger) LoggerFactory.getLogger(Observation.ACCESS_LOGGER);
        final ListAppender<ILoggingEvent> lines = new ListAppender<>();

        CapturedAccessLog() {
            lines.start();
            logger.addAppender(lines);
            logger.setLevel(Level.INFO);
        }

        @Override
        public void close() {
            logger.detachAppender(lines);
            logger.setLevel(null);
        }
    }
}
