package io.profilekit.core.couchbase;

import static org.assertj.core.api.Assertions.assertThat;

import com.couchbase.client.java.Collection;
import com.couchbase.client.java.codec.RawJsonTranscoder;
import com.couchbase.client.java.kv.UpsertOptions;
import com.couchbase.client.java.manager.collection.CollectionSpec;
import com.couchbase.client.java.manager.collection.ScopeSpec;
import io.profilekit.core.Page;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileQuery;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredProfile;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/** What only a real server can show: collections, indexes, SQL++ listing and reindex. Needs Docker. */
@Testcontainers(disabledWithoutDocker = true)
class CouchbaseServerTest {

    private CouchbaseProfileStore store;
    private ProfileRepository repository;
    private Collection profiles;

    @BeforeEach
    void open() {
        CouchbaseServer.empty();
        store = CouchbaseProfileStore.of(CouchbaseServer.cluster(), CouchbaseServer.KEYSPACE);
        repository = ProfileRepository.of(store);
        profiles = CouchbaseServer.cluster().bucket("sample_app").scope("profiles").collection("user_data");
    }

    private void putRaw(String key, String json) {
        profiles.upsert(key, json.getBytes(StandardCharsets.UTF_8),
                UpsertOptions.upsertOptions().transcoder(RawJsonTranscoder.INSTANCE));
    }

    @Test
    void initCreatedTheSeedsScopeAndCollections() {
        assertThat(CouchbaseServer.cluster().bucket("sample_app").collections().getAllScopes())
                .filteredOn(scope -> scope.name().equals("profiles"))
                .flatExtracting(ScopeSpec::collections)
                .extracting(CollectionSpec::name)
                .contains("user_data", "user_images", "service_auth");
    }

    @Test
    void initCanRunAgain() {
        store.init();

        assertThat(repository.create(Profile.builder().userId("ada").build()).recordId()).isPositive();
    }

    @Test
    void scansEveryProfilesRecordIdInOrderPassingOverKeysThatAreNoProfiles() {
        for (long id : new long[] {100, 9, 10, 2}) {
            repository.create(Profile.builder().recordId(id).userId("scanned" + id).build());
        }
        putRaw("user_data:not-a-number", "{}");

        assertThat(store.scanRecordIds(0).join()).hasValueSatisfying(ids -> assertThat(ids).containsExactly(2, 9, 10, 100));
        assertThat(store.scanRecordIds(9).join()).hasValueSatisfying(ids -> assertThat(ids).containsExactly(10, 100));
    }

    @Test
    void listsByEmailThroughItsIndex() {
        repository.create(Profile.builder().userId("ada").email("ada@example.com").build());
        repository.create(Profile.builder().userId("grace").email("grace@example.com").build());

        Page<StoredProfile> page = repository.list(ProfileQuery.first(10).withEmail("grace@example.com"));

        assertThat(page.items()).extracting(s -> s.profile().userId()).containsExactly("grace");
    }

    @Test
    void reindexMakesProfilesOtherToolsStoredFindableByUsernameAndNickname() {
        putRaw("user_data:1", "{\"record_id\": 1, \"user_id\": \"ada\", \"nickname\": \"alovelace\"}");
        putRaw("user_data:2", "{\"record_id\": 2, \"user_id\": \"grace\", \"nickname\": \"ghopper\"}");

        ReindexReport report = store.reindex(0, 4, done -> { });

        assertThat(report.profiles()).isEqualTo(2);
        assertThat(repository.findByUsername("ada")).isPresent();
        assertThat(repository.findByNickname("ghopper", 10)).hasSize(1);
        assertThat(repository.create(Profile.builder().userId("new").build()).recordId()).isEqualTo(3);
    }

    @Test
    void connectsWithSettingsAndServesTheSeedsKeyspace() {
        try (ProfileRepository connected = ProfileRepository.of(CouchbaseProfileStore.connect(
                CouchbaseServer.settings()))) {
            long id = connected.create(Profile.builder().userId("ada").build()).recordId();

            assertThat(repository.findById(id)).isPresent();
        }
    }
}
