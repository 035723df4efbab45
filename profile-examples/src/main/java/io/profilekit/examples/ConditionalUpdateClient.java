package io.profilekit.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * A client of the HTTP API with nothing but {@code java.net.http}, whose writes are safe to
 * retry. Its read-modify-write never loses someone else's update: it reads the profile and its
 * {@code ETag}, changes it, and writes it back with {@code If-Match}; when another client wrote
 * first the answer is 412, and it reads again and retries. Its create never stores a profile
 * twice: it sends an {@code Idempotency-Key}, and when the answer is 503 or never arrives, it
 * waits as {@code Retry-After} says and sends the very same request again.
 */
public final class ConditionalUpdateClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String token;

    /** A client of the server at {@code base} (such as {@code http://localhost:8080}). */
    public ConditionalUpdateClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** Thrown when the server answers something other than success or 412. */
    public static final class UpdateFailedException extends IOException {
        private static final long serialVersionUID = 1L;

        UpdateFailedException(String message) {
            super(message);
        }
    }

    /**
     * Applies {@code change} to profile {@code id} and returns the profile as stored, after as
     * many attempts as it takes, up to {@code attempts}.
     */
    public JsonNode update(long id, UnaryOperator<ObjectNode> change, int attempts)
            throws IOException, InterruptedException {
        URI profile = base.resolve("/api/v1/profiles/" + id);
        for (int attempt = 1; attempt <= attempts; attempt++) {
            HttpResponse<byte[]> read = http.send(HttpRequest.newBuilder(profile)
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (read.statusCode() != 200) {
                throw new UpdateFailedException("GET " + profile + " answered " + read.statusCode());
            }
            String etag = read.headers().firstValue("ETag").orElseThrow();
            ObjectNode changed = change.apply((ObjectNode) JSON.readTree(read.body()));

            HttpResponse<byte[]> written = http.send(HttpRequest.newBuilder(profile)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("If-Match", etag)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(changed)))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            if (written.statusCode() == 200) {
                return JSON.readTree(written.body());
            }
            if (written.statusCode() != 412) {
                throw new UpdateFailedException("PUT " + profile + " answered " + written.statusCode() + ": "
                        + new String(written.body(), StandardCharsets.UTF_8));
            }
            // Someone else changed it first: wait a moment, read again, redo the change.
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 5 * attempt + 1));
        }
        throw new UpdateFailedException("profile " + id + " kept changing; gave up after " + attempts + " attempts");
    }

    /**
     * Creates {@code profile} and returns it as stored: one key for every attempt, so that
     * however many are made, one profile is stored and every answer is that one.
     */
    public JsonNode create(ObjectNode profile, int attempts) throws IOException, InterruptedException {
        URI profiles = base.resolve("/api/v1/profiles");
        HttpRequest request = HttpRequest.newBuilder(profiles)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "\"" + UUID.randomUUID() + "\"")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(profile)))
                .build();
        for (int attempt = 1; attempt <= attempts; attempt++) {
            long waitSeconds = 1;
            try {
                HttpResponse<byte[]> created = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (created.statusCode() == 201) {
                    return JSON.readTree(created.body());
                }
                if (created.statusCode() != 503) {
                    throw new UpdateFailedException("POST " + profiles + " answered " + created.statusCode() + ": "
                            + new String(created.body(), StandardCharsets.UTF_8));
                }
                waitSeconds = created.headers().firstValueAsLong("Retry-After").orElse(1);
            } catch (HttpTimeoutException | ConnectException lost) {
                // The answer never came: the profile may be stored. The same key finds out.
            }
            Thread.sleep(Math.min(waitSeconds, 30) * 1000);
        }
        throw new UpdateFailedException("POST " + profiles + " was not answered; gave up after " + attempts + " attempts");
    }

    /** Arguments: base URL, token, record id. Counts a visit in the profile's {@code visits} attribute. */
    public static void main(String[] args) throws Exception {
        ConditionalUpdateClient client = new ConditionalUpdateClient(URI.create(args[0]), args[1]);
        JsonNode stored = client.update(Long.parseLong(args[2]),
                profile -> profile.put("visits", profile.path("visits").asInt() + 1), 20);
        System.out.println("visits: " + stored.get("visits"));
    }
}
