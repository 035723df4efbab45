package io.profilekit.servlet.internal;

import static io.profilekit.servlet.internal.RunningServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.Profile;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.core.spi.LostRaceException;
import io.profilekit.core.testkit.ForwardingProfileStore;
import io.profilekit.servlet.internal.http.EntityTags;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writes that another writer overtakes between the servlet's read and its write, and errors no
 * one foresaw: the store's answers, replayed at the moment they can happen.
 */
class ProfilesRouteRacesTest {

    private final InMemoryProfileStore memory = new InMemoryProfileStore();
    private final ProfileRepository store = ProfileRepository.of(memory);
    private final AtomicInteger racesToLose = new AtomicInteger();
    private final AtomicInteger replaces = new AtomicInteger();
    private volatile RuntimeException unforeseen;
    private RunningServer http;
    private StoredProfile ada;

    @BeforeEach
    void start() throws Exception {
        ada = store.create(Profile.builder().userId("ada").name("Ada").build());
        http = RunningServer.start(ProfileRepository.of(new ForwardingProfileStore(memory) {
            @Override
            public CompletableFuture<StoredProfile> replace(StoredProfile current, Profile replacement) {
                replaces.incrementAndGet();
                if (racesToLose.getAndDecrement() > 0) {
                    // another writer gets in first: the profile is rewritten as it was, with a new version
                    return memory.replace(current, current.profile()).thenCompose(written ->
                            CompletableFuture.failedFuture(LostRaceException.versionChanged(current.recordId())));
                }
                return super.replace(current, replacement);
            }

            @Override
            public CompletableFuture<Void> delete(StoredProfile current) {
                if (racesToLose.getAndDecrement() > 0) {
                    return memory.replace(current, current.profile()).thenCompose(written ->
                            CompletableFuture.failedFuture(LostRaceException.versionChanged(current.recordId())));
                }
                return super.delete(current);
            }

            @Override
            public CompletableFuture<Optional<StoredProfile>> findById(long recordId) {
                if (unforeseen != null) {
                    throw unforeseen;
                }
                return super.findById(recordId);
            }
        }));
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
    }

    @Test
    void aPutWhoseIfMatchHeldWhenReadButNotWhenWrittenIs412AndChangesNothing() throws Exception {
        racesToLose.set(1);

        HttpResponse<byte[]> response = http.json("PUT", "/api/v1/profiles/" + ada.recordId(),
                "{\"user_id\":\"ada\",\"name\":\"Ada King\"}", "If-Match", EntityTags.of(ada.version()));

        assertThat(response.statusCode()).isEqualTo(412);
        assertThat(store.findById(ada.recordId()).orElseThrow().profile().name()).isEqualTo("Ada");
        assertThat(replaces).hasValue(1);
    }

    @Test
    void aPatchWithoutIfMatchThatLosesARaceIsAppliedOnTheNewerVersion() throws Exception {
        racesToLose.set(2);

        HttpResponse<byte[]> response = http.send("PATCH", "/api/v1/profiles/" + ada.recordId(),
                "{\"city\":\"London\"}".getBytes(), "Content-Type", "application/merge-patch+json");

        assertThat(response.statusCode()).isEqualTo(200);
        StoredProfile stored = store.findById(ada.recordId()).orElseThrow();
        assertThat(stored.profile().city()).isEqualTo("London");
        assertThat(response.headers().firstValue("ETag").orElseThrow()).startsWith("\"" + stored.version() + "-");
        assertThat(replaces).hasValue(3);
    }

    @Test
    void aPutWithoutIfMatchThatLosesARaceIsAppliedOnTheNewerVersion() throws Exception {
        racesToLose.set(1);

        HttpResponse<byte[]> response = http.json("PUT", "/api/v1/profiles/" + ada.recordId(),
                "{\"user_id\":\"ada\",\"name\":\"Ada King\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(store.findById(ada.recordId()).orElseThrow().profile().name()).isEqualTo("Ada King");
        assertThat(replaces).hasValue(2);
    }

    @Test
    void aPutAndADeleteThatKeepLosingTheSameRaceGetTheSameAnswer() throws Exception {
        racesToLose.set(Integer.MAX_VALUE);

        HttpResponse<byte[]> put = http.json("PUT", "/api/v1/profiles/" + ada.recordId(),
                "{\"user_id\":\"ada\",\"name\":\"Ada King\"}");
        HttpResponse<byte[]> delete = http.send("DELETE", "/api/v1/profiles/" + ada.recordId(), new byte[0]);

        assertThat(put.statusCode()).isEqualTo(503);
        assertThat(delete.statusCode()).isEqualTo(put.statusCode());
        assertThat(delete.headers().firstValue("Retry-After")).isEqualTo(put.headers().firstValue("Retry-After"))
                .contains("1");
        assertThat(text(delete)).isEqualTo(text(put)).contains("is changing too often; try again");
        assertThat(store.findById(ada.recordId()).orElseThrow().profile().name()).isEqualTo("Ada");
    }

    @Test
    void anUnforeseenErrorIs500WithoutItsMessageOrClass() throws Exception {
        unforeseen = new IllegalStateException("index 7 of internal table broke");

        HttpResponse<byte[]> response = http.get("/api/v1/profiles/" + ada.recordId());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(text(response))
                .isEqualTo("{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500}");
        assertThat(response.headers().firstValue(Observation.REQUEST_ID)).isPresent();
    }
}
