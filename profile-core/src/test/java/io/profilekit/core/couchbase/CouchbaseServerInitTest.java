package io.profilekit.core.couchbase;

import static org.assertj.core.api.Assertions.assertThat;

import com.couchbase.client.java.Collection;
import com.couchbase.client.java.codec.RawJsonTranscoder;
import com.couchbase.client.java.json.JsonObject;
import com.couchbase.client.java.kv.UpsertOptions;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileQuery;
import io.profilekit.core.ProfileRepository;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * init where it matters most: a keyspace of its own (new scope and collections), on a bucket
 * already holding thousands of profiles another tool wrote. Needs Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class CouchbaseServerInitTest {

    private static final int PROFILES = 5000;

    @Test
    void initCreatesAKeyspaceOverExistingDataWaitsForItsIndexesAndMovesTheCounterAboveThem() {
        CouchbaseKeyspace bulk = new CouchbaseKeyspace(CouchbaseServer.KEYSPACE.bucket(), "bulk", "user_data",
                "user_images", "service_auth", "profile_lookups");
        CouchbaseServer.cluster().bucket(bulk.bucket()).collections().createScope(bulk.scope());
        CouchbaseServer.cluster().bucket(bulk.bucket()).collections().createCollection(bulk.scope(), bulk.profiles());
        Collection profiles = CouchbaseServer.cluster().bucket(bulk.bucket()).scope(bulk.scope())
                .collection(bulk.profiles());
        awaitKeyValue(profiles);
        List<CompletableFuture<?>> writes = new ArrayList<>();
        for (int id = 1; id <= PROFILES; id++) {
            byte[] json = JsonObject.create().put("record_id", id).put("user_id", "user" + id)
                    .put("email", "user" + id + "@example.com").toString().getBytes(StandardCharsets.UTF_8);
            writes.add(profiles.async().upsert("user_data:" + id, json,
                    UpsertOptions.upsertOptions().transcoder(RawJsonTranscoder.INSTANCE)));
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
        List<String> steps = new ArrayList<>();

        CouchbaseProfileStore.initialize(CouchbaseServer.settings(bulk), steps::add);

        assertThat(steps).contains("created collection 'bulk.user_images'", "created collection 'bulk.service_auth'",
                "indexes profilekit_by_record_id, profilekit_by_email are online",
                "search index profilekit_search answers",
                "record id counter is above the highest record id (" + PROFILES + ")");
        try (ProfileRepository repository = ProfileRepository.of(
                CouchbaseProfileStore.connect(CouchbaseServer.settings(bulk)))) {
            assertThat(repository.list(ProfileQuery.first(10).withEmail("user4321@example.com")).items())
                    .singleElement().extracting(stored -> stored.recordId()).isEqualTo(4321L);
            assertThat(repository.create(Profile.builder().userId("newcomer").build()).recordId())
                    .isEqualTo(PROFILES + 1L);
        }
    }

    private static void awaitKeyValue(Collection collection) {
        for (int attempt = 0; ; attempt++) {
            try {
                collection.exists("warm-up");
                return;
            } catch (RuntimeException notYet) {
                if (attempt > 30) {
                    throw notYet;
                }
            }
        }
    }
}
