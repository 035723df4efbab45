package io.profilekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.core.testkit.ForwardingProfileStore;
import io.profilekit.server.ProfileServer;
import io.profilekit.servlet.ProfileApi;
import io.profilekit.servlet.auth.BearerTokenAuthenticator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ConditionalUpdateClientTest {

    @Test
    void concurrentReadModifyWritesLoseNothing() throws Exception {
        ProfileRepository repository = ProfileRepository.of(new InMemoryProfileStore());
        repository.create(Profile.builder().recordId(1L).userId("ada").attribute("visits", 0).build());
        ProfileApi api = ProfileApi.builder(repository).authenticator(new BearerTokenAuthenticator(List.of("t"))).build();
        try (ProfileServer server = ProfileServer.builder().port(0).api(api).start()) {
            ConditionalUpdateClient client = new ConditionalUpdateClient(server.uri(), "t");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                clients.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        client.update(1, profile -> profile.put("visits", profile.path("visits").asInt() + 1), 100);
                    }
                    return null;
                }));
            }
            for (Future<?> each : clients) {
                each.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
        } finally {
            api.close();
        }

        assertThat(repository.findById(1).orElseThrow().profile().attributes().get("visits")).isEqualTo(40);
    }

    @Test
    void aCreateAnswered503IsRetriedWithItsKeyAndStoresOneProfile() throws Exception {
        AtomicBoolean loseTheFirstAnswer = new AtomicBoolean(true);
        ProfileRepository repository = ProfileRepository.of(new ForwardingProfileStore(new InMemoryProfileStore()) {
            @Override
            public CompletableFuture<StoredProfile> insert(Profile profile) {
                return super.insert(profile).thenApply(stored -> {
                    if (loseTheFirstAnswer.getAndSet(false)) {
                        throw new StoreUnavailableException("the store did not confirm the write");
                    }
                    return stored;
                });
            }
        });
        ProfileApi api = ProfileApi.builder(repository).authenticator(new BearerTokenAuthenticator(List.of("t"))).build();
        JsonNode created;
        try (ProfileServer server = ProfileServer.builder().port(0).api(api).start()) {
            ConditionalUpdateClient client = new ConditionalUpdateClient(server.uri(), "t");

            created = client.create(JsonNodeFactory.instance.objectNode().put("user_id", "ada"), 3);
        } finally {
            api.close();
        }

        assertThat(loseTheFirstAnswer).isFalse();
        assertThat(repository.findByUsername("ada")).hasValueSatisfying(
                stored -> assertThat(stored.recordId()).isEqualTo(created.get("record_id").asLong()));
    }
}
