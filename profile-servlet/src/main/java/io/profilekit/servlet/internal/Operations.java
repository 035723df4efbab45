package io.profilekit.servlet.internal;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.profilekit.core.AsyncProfileRepository;
import io.profilekit.core.StoreConfigurationException;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.internal.Futures;
import io.profilekit.servlet.internal.http.Answer;
import io.profilekit.servlet.internal.http.Call;
import io.profilekit.servlet.internal.http.HttpProblem;
import io.profilekit.servlet.internal.http.RouteHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The routes for operators and tools, none of which needs a caller: {@code /healthz} (200
 * whenever the process serves requests, with the seed's body; it does not ask the store),
 * {@code /readyz} (200 when the store answers a read of the profiles, else 503),
 * {@code /metrics} (Prometheus's text format, scraped on a worker thread, when the API's
 * registry is a Prometheus one), {@code /openapi.yaml} (the description shipped in the jar).
 */
final class Operations implements RouteHandler {

    static final String OPENAPI = "/io/profilekit/servlet/openapi.yaml";
    static final String METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final byte[] HEALTHY = "<html>READY</html>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] READY = "{\"status\":\"ready\"}".getBytes(StandardCharsets.US_ASCII);

    private final AsyncProfileRepository repository;
    private final PrometheusMeterRegistry prometheus;
    private final Executor workers;
    private final byte[] description;

    /** @param prometheus the registry {@code /metrics} serves; {@code null} to serve none there */
    Operations(AsyncProfileRepository repository, PrometheusMeterRegistry prometheus, Executor workers) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.prometheus = prometheus;
        this.workers = Objects.requireNonNull(workers, "workers");
        try (InputStream in = Operations.class.getResourceAsStream(OPENAPI)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI + " is missing from the class path");
            }
            description = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public CompletableFuture<Answer> handle(Call call) {
        return switch (call.route()) {
            case HEALTH -> done(Answer.of(200, "text/html", HEALTHY).header("Cache-Control", "no-store"));
            case READINESS -> ready();
            case METRICS -> metrics();
            case OPENAPI -> done(Answer.of(200, "application/yaml", description));
            default -> throw new IllegalArgumentException(call.route() + " is no operations route");
        };
    }

    private CompletableFuture<Answer> ready() {
        return Futures.then(repository.ping(), (pong, error) -> {
            if (error instanceof StoreConfigurationException notServable) {
                // Not ready, whatever the reason: a load balancer routes elsewhere; the log says why.
                throw new StoreUnavailableException(notServable.getMessage(), notServable);
            }
            return error != null ? CompletableFuture.failedFuture(error) : done(
                    Answer.of(200, "application/json", READY).header("Cache-Control", "no-store"));
        });
    }

    private CompletableFuture<Answer> metrics() {
        if (prometheus == null) {
            throw HttpProblem.notFound("profilekit's meters are in the application's own registry; it serves them");
        }
        return CompletableFuture.supplyAsync(() -> {
            ByteArrayOutputStream text = new ByteArrayOutputStream(64 * 1024);
            try {
                prometheus.scrape(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Answer.of(200, METRICS_CONTENT_TYPE, text.toByteArray()).header("Cache-Control", "no-store");
        }, workers);
    }

    private static CompletableFuture<Answer> done(Answer answer) {
        return CompletableFuture.completedFuture(answer);
    }
}
