package io.profilekit.servlet.internal;

import static io.profilekit.servlet.internal.RunningServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.internal.Json;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.core.testkit.ForwardingProfileStore;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code Idempotency-Key} on {@code POST /api/v1/profiles}, as a client that retries uses it. */
class IdempotencyKeysTest {

    private static final String PROFILES = "/api/v1/profiles";
    private static final String ADA = "{\"user_id\":\"ada1815\",\"name\":\"Ada Lovelace\"}";

    /** How many of the next creates land but lose their answer on the way back. */
    private final AtomicInteger answersToLose = new AtomicInteger();
    private RunningServer http;

    @BeforeEach
    void start() throws Exception {
        http = RunningServer.start(ProfileRepository.of(new ForwardingProfileStore(new InMemoryProfileStore()) {
            @Override
            public CompletableFuture<StoredProfile> insert(Profile profile) {
                return super.insert(profile).thenApply(stored -> {
                    if (answersToLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        throw new StoreUnavailableException("the store did not confirm the write");
                    }
                    return stored;
                });
            }
        }));
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
    }

    private HttpResponse<byte[]> create(String body, String key) throws Exception {
        return http.json("POST", PROFILES, body, "Idempotency-Key", key);
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws IOException {
        return Json.MAPPER.readTree(response.body());
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheSame201() throws Exception {
        HttpResponse<byte[]> first = create(ADA, "\"8e03978e-40d5-43e8-bc93-6894a57f9324\"");

        HttpResponse<byte[]> retry = create(ADA, "\"8e03978e-40d5-43e8-bc93-6894a57f9324\"");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
        assertThat(json(retry)).isEqualTo(json(first));
    }

    @Test
    void aKeySentBareIsTheSameKeyQuoted() throws Exception {
        HttpResponse<byte[]> first = create(ADA, "8e03978e-40d5-43e8-bc93-6894a57f9324");

        HttpResponse<byte[]> retry = create(ADA, "\"8e03978e-40d5-43e8-bc93-6894a57f9324\"");

        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
    }

    @Test
    void aRetryAfterA503WhoseWriteLandedAnswers201WithTheProfileWritten() throws Exception {
        answersToLose.set(1);
        HttpResponse<byte[]> lost = create(ADA, "\"k-1\"");

        HttpResponse<byte[]> retry = create(ADA, "\"k-1\"");

        assertThat(lost.statusCode()).isEqualTo(503);
        assertThat(lost.headers().firstValue("Retry-After")).isPresent();
        assertThat(retry.statusCode()).isEqualTo(201);
        long id = json(retry).get("record_id").asLong();
        assertThat(retry.headers().firstValue("Location")).contains(PROFILES + "/" + id);
        assertThat(http.repository.findByUsername("ada1815")).hasValueSatisfying(
                stored -> assertThat(stored.recordId()).isEqualTo(id));
    }

    @Test
    void withoutAKeyARetryAfterA503WhoseWriteLandedIsTold409() throws Exception {
        answersToLose.set(1);
        create(ADA, "\"k-1\"");

        HttpResponse<byte[]> unkeyed = http.json("POST", PROFILES, ADA);

        assertThat(unkeyed.statusCode()).isEqualTo(409);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndWritesNothing() throws Exception {
        create(ADA, "\"k-1\"");

        HttpResponse<byte[]> reused = create("{\"user_id\":\"grace1906\"}", "\"k-1\"");

        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(text(reused)).contains("Idempotency-Key");
        assertThat(http.repository.findByUsername("grace1906")).isEmpty();
    }

    @Test
    void anotherKeyIsAnotherCreate() throws Exception {
        create(ADA, "\"k-1\"");

        HttpResponse<byte[]> second = create(ADA, "\"k-2\"");

        assertThat(second.statusCode()).isEqualTo(409);
    }

    @Test
    void aMalformedKeyIs400AndWritesNothing() throws Exception {
        for (String key : new String[] {"\"unterminated", "\"\"", "two words", "\"a\"b", "\"tab\\x\""}) {
            HttpResponse<byte[]> response = create(ADA, key);

            assertThat(response.statusCode()).as(key).isEqualTo(400);
            assertThat(text(response)).as(key).contains("Idempotency-Key");
        }
        assertThat(http.repository.findByUsername("ada1815")).isEmpty();
    }

    @Test
    void aKeyLongerThan255CharactersIs400() throws Exception {
        HttpResponse<byte[]> response = create(ADA, "\"" + "k".repeat(256) + "\"");

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void twoKeyHeadersAre400() throws Exception {
        HttpResponse<byte[]> response = http.json("POST", PROFILES, ADA, "Idempotency-Key", "\"k-1\"",
                "Idempotency-Key", "\"k-2\"");

        assertThat(response.statusCode()).isEqualTo(400);
    }
}
