package io.profilekit.core.couchbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.profilekit.core.IdempotencyKey;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoreConfigurationException;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.StoredPicture;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.internal.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the Couchbase repository does beyond the contract: the seed's format and keys, lookups, counter, token. */
class CouchbaseProfileStoreTest {

    private static final String SEED_PROFILE = "{\"record_id\": 7, \"name\": \"Lisa Smith\", \"nickname\": \"lsmith\", "
            + "\"picture\": 7, \"user_id\": \"lisasmith7294\", \"email\": \"lisa.smith@example.com\", "
            + "\"email_verified\": true, \"first_name\": \"Lisa\", \"last_name\": \"Smith\", "
            + "\"address\": \"6522 Lopez Estates\", \"city\": \"Lake Amy\", \"state\": \"CT\", "
            + "\"zip_code\": \"06511\", \"phone\": \"(410) 555-2837\", \"date_of_birth\": \"03/14/1987\"}";

    private CouchbaseProfileStore store;
    private ProfileRepository repository;

    @BeforeEach
    void open() {
        MockCouchbase.flush();
        store = CouchbaseProfileStore.of(MockCouchbase.cluster(), MockCouchbase.KEYSPACE);
        repository = ProfileRepository.of(store);
    }

    @AfterEach
    void close() {
        repository.close();
    }

    private static Profile person(String username, String nickname) {
        return Profile.builder().userId(username).nickname(nickname).name("Ada Lovelace").build();
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void storesAProfileUnderTheSeedsKeyInTheSeedsFormat() throws Exception {
        long id = repository.create(person("ada1815", "alovelace")).recordId();

        JsonNode stored = json(MockCouchbase.getRaw("user_data:" + id).orElseThrow());

        assertThat(stored.get("record_id").asLong()).isEqualTo(id);
        assertThat(stored.get("user_id").asText()).isEqualTo("ada1815");
        assertThat(stored.fieldNames()).toIterable().first().isEqualTo("record_id");
    }

    @Test
    void servesADocumentTheSeedsToolsWroteByteForByte() {
        MockCouchbase.putRaw("user_data:7", SEED_PROFILE);

        StoredProfile found = repository.findById(7).orElseThrow();

        assertThat(new String(found.json(), StandardCharsets.UTF_8)).isEqualTo(SEED_PROFILE);
        assertThat(found.profile().userId()).isEqualTo("lisasmith7294");
    }

    @Test
    void servesAnImageDocumentTheSeedsToolsWrote() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x10, 0x20};
        MockCouchbase.putRaw("user_images:7",
                "{\"record_id\": 7, \"type\": \"jpeg\", \"image\": \"" + Base64.getEncoder().encodeToString(jpeg) + "\"}");

        StoredPicture picture = repository.findPicture(7).orElseThrow();

        assertThat(picture.image()).isEqualTo(jpeg);
        assertThat(picture.mediaType()).isEqualTo("image/jpeg");
    }

    @Test
    void findsAProfileByUsernameThroughItsConfirmedLookupDocument() throws Exception {
        long id = repository.create(person("ada1815", "alovelace")).recordId();

        JsonNode lookup = json(MockCouchbase.getRaw("lookup::user_id::ada1815").orElseThrow());

        assertThat(lookup.get("profile").asLong()).isEqualTo(id);
        assertThat(lookup.has("pending")).as("confirmed once the profile exists").isFalse();
        assertThat(repository.findByUsername("ada1815")).isPresent();
    }

    @Test
    void keepsOneNicknameDocumentForEveryProfileWithTheNickname() throws Exception {
        long first = repository.create(person("ada1", "alovelace")).recordId();
        long second = repository.create(person("ada2", "alovelace")).recordId();

        JsonNode lookup = json(MockCouchbase.getRaw("lookup::nickname::alovelace").orElseThrow());

        assertThat(lookup.get("profiles").fieldNames()).toIterable()
                .containsExactlyInAnyOrder(Long.toString(first), Long.toString(second));
    }

    @Test
    void keepsAnIdempotencyKeysAnswerInTheLookupsCollectionUnderItsDigest() {
        IdempotencyKey key = new IdempotencyKey("service", "k-1", Duration.ofHours(1));
        StoredProfile created = repository.create(person("ada1815", "alovelace"), key);

        JsonNode kept = json(MockCouchbase.getRaw("idempotency::" + key.digest()).orElseThrow());

        assertThat(kept.get("record").asLong()).isEqualTo(created.recordId());
        assertThat(kept.get("fingerprint").asText()).hasSize(64);
        assertThat(kept.at("/answer/version").asLong()).isEqualTo(created.version().value());
        assertThat(kept.at("/answer/profile/user_id").asText()).isEqualTo("ada1815");
    }

    @Test
    void anIdempotencyKeyIsForgottenByTheServerOnceItsLifetimeIsOver() throws InterruptedException {
        IdempotencyKey key = new IdempotencyKey("service", "k-1", Duration.ofSeconds(1));
        repository.create(person("ada1815", "alovelace"), key);

        Thread.sleep(2_500);

        assertThat(repository.create(person("grace1906", "ghopper"), key).profile().userId()).isEqualTo("grace1906");
    }

    @Test
    void deleteLeavesNoLookupDocumentsBehind() {
        StoredProfile ada = repository.create(person("ada1815", "alovelace"));

        repository.delete(ada.recordId());

        assertThat(MockCouchbase.getRaw("lookup::user_id::ada1815")).isEmpty();
        assertThat(MockCouchbase.getRaw("lookup::nickname::alovelace")).isEmpty();
    }

    @Test
    void anExplicitRecordIdMovesTheCounterAboveIt() {
        repository.create(person("ada", "a").withRecordId(41L));

        assertThat(Long.parseLong(MockCouchbase.getRaw("counter::user_data").orElseThrow().trim())).isGreaterThanOrEqualTo(41);
        assertThat(repository.create(person("grace", "g")).recordId()).isEqualTo(42);
    }

    @Test
    void assignedRecordIdsStepOverProfilesOtherToolsStored() {
        MockCouchbase.putRaw("user_data:1", "{\"record_id\": 1, \"user_id\": \"one\"}");
        MockCouchbase.putRaw("user_data:2", "{\"record_id\": 2, \"user_id\": \"two\"}");

        long id = repository.create(person("ada", "a")).recordId();

        assertThat(id).isEqualTo(3);
        assertThat(MockCouchbase.getRaw("user_data:1").orElseThrow()).contains("\"one\"");
    }

    @Test
    void theServiceTokenIsReadFromTheSeedsDocument() {
        assertThat(store.serviceToken()).isEmpty();

        MockCouchbase.putRaw("service_auth:1", "{\"record_id\": 1, \"token\": \"seed-token\"}");

        assertThat(store.serviceToken()).contains("seed-token");
    }

    @Test
    void aServiceTokenIsCreatedOnlyWhenThereIsNone() throws Exception {
        assertThat(store.createServiceTokenIfAbsent("first")).isEqualTo("first");
        assertThat(store.createServiceTokenIfAbsent("second")).isEqualTo("first");

        JsonNode stored = json(MockCouchbase.getRaw("service_auth:1").orElseThrow());
        assertThat(stored.get("record_id").asInt()).isEqualTo(1);
        assertThat(stored.get("token").asText()).isEqualTo("first");
    }

    @Test
    void closeLeavesTheCallersClusterConnected() {
        repository.close();

        ProfileRepository another = ProfileRepository.of(
                CouchbaseProfileStore.of(MockCouchbase.cluster(), MockCouchbase.KEYSPACE));
        assertThat(another.findById(1)).isEmpty();
        assertThatThrownBy(() -> repository.findById(1)).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void connectOpensAndClosesItsOwnCluster() {
        MockCouchbase.cluster();
        CouchbaseSettings settings = CouchbaseSettings.builder(MockCouchbase.connectionString())
                .credentials(MockCouchbase.BUCKET, MockCouchbase.PASSWORD)
                .keyspace(MockCouchbase.KEYSPACE)
                .build();

        try (ProfileRepository own = ProfileRepository.of(CouchbaseProfileStore.connect(settings))) {
            long id = own.create(person("ada", "a")).recordId();
            assertThat(repository.findById(id)).isPresent();
        }
    }

    @Test
    void connectToAnUnreachableClusterSaysNothingAnsweredThereButNotThePassword() {
        CouchbaseSettings settings = CouchbaseSettings.builder("couchbase://127.0.0.1:1=manager")
                .credentials("admin", "hunter2")
                .connectTimeout(Duration.ofSeconds(2))
                .build();

        assertThatThrownBy(() -> CouchbaseProfileStore.connect(settings))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageStartingWith("nothing answered at couchbase://127.0.0.1:1=manager (connection refused by")
                .message().doesNotContain("hunter2");
    }

    @Test
    void connectWithAWrongPasswordSaysTheUserMayNotOpenTheBucketButNotThePassword() {
        MockCouchbase.cluster();
        CouchbaseSettings settings = CouchbaseSettings.builder(MockCouchbase.connectionString())
                .credentials(MockCouchbase.BUCKET, "not-the-password")
                .keyspace(MockCouchbase.KEYSPACE)
                .connectTimeout(Duration.ofSeconds(3))
                .build();

        assertThatThrownBy(() -> CouchbaseProfileStore.connect(settings))
                .isInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("did not let user 'profiles' open bucket 'profiles'")
                .hasMessageContaining("the password is wrong")
                .message().doesNotContain("not-the-password");
    }

    @Test
    void connectWithScopesAndCollectionsToAClusterWithoutThemSaysToUseDefault() {
        MockCouchbase.cluster();
        CouchbaseSettings settings = CouchbaseSettings.builder(MockCouchbase.connectionString())
                .credentials(MockCouchbase.BUCKET, MockCouchbase.PASSWORD)
                .keyspace(new CouchbaseKeyspace(MockCouchbase.BUCKET, "profiles", "user_data", "user_images",
                        "service_auth", "profile_lookups"))
                .build();

        assertThatThrownBy(() -> CouchbaseProfileStore.connect(settings))
                .isInstanceOf(StoreConfigurationException.class)
                .hasMessageStartingWith("scope 'profiles', collection 'user_data', collection 'user_images', "
                        + "collection 'service_auth', collection 'profile_lookups' cannot exist on Couchbase at "
                        + MockCouchbase.connectionString()
                        + ", which has no scopes or collections")
                .hasMessageContaining("set the scope and every collection to _default");
    }

    @Test
    void listingAllProfilesWithoutAQueryServiceSaysTheServiceIsMissing() {
        assertThatThrownBy(() -> repository.list(io.profilekit.core.ProfileQuery.first(10)))
                .isInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("query service")
                .satisfies(error -> assertThat(((StoreConfigurationException) error).reason())
                        .isEqualTo(io.profilekit.core.ProfileException.Reason.STORE_LACKS_SERVICE));
    }

    @Test
    void pingReadsTheProfilesCollection() {
        CouchbaseKeyspace noLookups = new CouchbaseKeyspace(MockCouchbase.BUCKET, "_default", "_default", "_default",
                "_default", "no_lookups");
        CouchbaseKeyspace noProfiles = new CouchbaseKeyspace(MockCouchbase.BUCKET, "_default", "no_profiles",
                "_default", "_default", "_default");

        try (ProfileRepository lookupsMissing = ProfileRepository.of(
                CouchbaseProfileStore.of(MockCouchbase.cluster(), noLookups))) {
            lookupsMissing.ping();
        }
        try (ProfileRepository profilesMissing = ProfileRepository.of(
                CouchbaseProfileStore.of(MockCouchbase.cluster(), noProfiles))) {
            assertThatThrownBy(profilesMissing::ping).isInstanceOf(StoreConfigurationException.class);
        }
    }
}
