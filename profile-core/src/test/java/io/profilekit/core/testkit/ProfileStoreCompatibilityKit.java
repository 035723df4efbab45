package io.profilekit.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileConflictException;
import io.profilekit.core.ProfilePicture;
import io.profilekit.core.ProfileQuery;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.internal.Json;
import io.profilekit.core.spi.ProfileStore;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ProfileStore} keeps, written once and run against every store:
 * profilekit's own (in memory, Couchbase) and yours. Extend it in a JUnit 5 test, say how to
 * open an empty store, and every case runs through a {@link ProfileRepository} over it (whose
 * blocking face is its asynchronous face joined, so both are held to it). Creating, reading,
 * lookups and the lifecycle are here; the other parts are the interfaces it implements.
 *
 * <pre>{@code
 * class MyStoreTest extends ProfileStoreCompatibilityKit {
 *     protected ProfileStore openEmptyStore() {
 *         return new MyStore(...);
 *     }
 * }
 * }</pre>
 */
public abstract class ProfileStoreCompatibilityKit implements WriteContract, PictureContract, ListingContract,
        ConcurrencyContract, UpdateContract, ProfileRulesContract, IdempotencyContract, SearchContract {

    /** A 1x1 PNG. */
    public static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    /** The first bytes of a JPEG; enough for the repository, which only sniffs. */
    public static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10};

    protected ProfileRepository repository;
    private ProfileStore store;

    /** An empty store for one test; closed after it. */
    protected abstract ProfileStore openEmptyStore() throws Exception;

    @Override
    public ProfileRepository repository() {
        return repository;
    }

    @Override
    public boolean supportsListing() {
        return true;
    }

    @Override
    public boolean supportsSearch() {
        return true;
    }

    @Override
    public ProfileStore store() {
        return store;
    }

    @BeforeEach
    void open() throws Exception {
        store = openEmptyStore();
        repository = ProfileRepository.of(store);
    }

    @AfterEach
    void closeRepository() {
        repository.close();
    }

    public static Profile person(String username, String nickname) {
        return Profile.builder()
                .name("Ada Lovelace")
                .nickname(nickname)
                .userId(username)
                .email(username + "@example.com")
                .emailVerified(true)
                .firstName("Ada")
                .lastName("Lovelace")
                .address("12 St James's Square")
                .city("London")
                .state("NY")
                .zipCode("10001")
                .phone("(212) 555-0100")
                .dateOfBirth("12/10/1815")
                .build();
    }

    public static Profile person(String username) {
        return person(username, "alovelace");
    }

    // --- create and read ---

    @Test
    void createAssignsARecordIdWhenTheProfileHasNone() {
        StoredProfile stored = repository.create(person("ada1815"));

        assertThat(stored.recordId()).isPositive();
        assertThat(stored.profile().recordId()).isEqualTo(stored.recordId());
    }

    @Test
    void createKeepsTheRecordIdItIsGiven() {
        StoredProfile stored = repository.create(person("ada1815").withRecordId(41L));

        assertThat(stored.recordId()).isEqualTo(41);
        assertThat(repository.findById(41)).isPresent();
    }

    @Test
    void assignedRecordIdsFollowTheHighestExistingOne() {
        repository.create(person("ada1815").withRecordId(41L));

        StoredProfile next = repository.create(person("grace1906"));

        assertThat(next.recordId()).isGreaterThan(41);
    }

    @Test
    void findByIdReturnsWhatWasCreated() {
        Profile ada = person("ada1815");
        long id = repository.create(ada).recordId();

        StoredProfile found = repository.findById(id).orElseThrow();

        assertThat(found.profile()).isEqualTo(ada.withRecordId(id));
    }

    @Test
    void findByIdReturnsEmptyForAnUnknownId() {
        assertThat(repository.findById(987_654_321L)).isEmpty();
    }

    @Test
    void storedJsonIsTheSeedFormatWithRecordIdFirst() throws IOException {
        long id = repository.create(person("ada1815")).recordId();

        JsonNode json = Json.MAPPER.readTree(repository.findById(id).orElseThrow().json());

        assertThat(json.fieldNames()).toIterable().startsWith("record_id", "name", "nickname");
        assertThat(json.get("record_id").asLong()).isEqualTo(id);
        assertThat(json.get("user_id").asText()).isEqualTo("ada1815");
        assertThat(json.get("email_verified").isBoolean()).isTrue();
    }

    @Test
    void extraAttributesAreKeptAsTheyAre() {
        Profile rich = person("ada1815").toBuilder()
                .attribute("languages", List.of("en", "fr"))
                .attribute("settings", Map.of("theme", "dark", "fontSize", 14))
                .attribute("score", new java.math.BigDecimal("1.50"))
                .build();

        long id = repository.create(rich).recordId();

        assertThat(repository.findById(id).orElseThrow().profile().attributes())
                .isEqualTo(rich.attributes());
    }

    @Test
    void createRejectsATakenUsernameAndStoresNothing() {
        repository.create(person("ada1815").withRecordId(1L));

        assertThatThrownBy(() -> repository.create(person("ada1815").withRecordId(2L)))
                .isInstanceOf(ProfileConflictException.class)
                .hasMessageContaining("ada1815");
        assertThat(repository.findById(2)).isEmpty();
    }

    @Test
    void createRejectsATakenRecordIdAndKeepsTheStoredProfile() {
        repository.create(person("ada1815").withRecordId(7L));

        assertThatThrownBy(() -> repository.create(person("grace1906").withRecordId(7L)))
                .isInstanceOf(ProfileConflictException.class);
        assertThat(repository.findById(7).orElseThrow().profile().userId()).isEqualTo("ada1815");
        assertThat(repository.findByUsername("grace1906")).isEmpty();
    }

    // --- lookups ---

    @Test
    void findByUsernameReturnsTheProfile() {
        long id = repository.create(person("ada1815")).recordId();

        assertThat(repository.findByUsername("ada1815")).get()
                .extracting(StoredProfile::recordId).isEqualTo(id);
    }

    @Test
    void findByUsernameMatchesExactly() {
        repository.create(person("ada1815"));

        assertThat(repository.findByUsername("ADA1815")).isEmpty();
        assertThat(repository.findByUsername("ada181")).isEmpty();
    }

    @Test
    void findByNicknameReturnsEveryMatchInRecordIdOrder() {
        repository.create(person("ada1", "alovelace").withRecordId(30L));
        repository.create(person("ada2", "alovelace").withRecordId(10L));
        repository.create(person("grace", "ghopper").withRecordId(20L));

        List<StoredProfile> found = repository.findByNickname("alovelace", 100);

        assertThat(found).extracting(StoredProfile::recordId).containsExactly(10L, 30L);
    }

    @Test
    void findByNicknameReturnsAtMostTheLimit() {
        for (int i = 1; i <= 5; i++) {
            repository.create(person("ada" + i, "alovelace"));
        }

        assertThat(repository.findByNickname("alovelace", 3)).hasSize(3);
    }

    @Test
    void findByNicknameReturnsNothingForAnUnknownNickname() {
        repository.create(person("ada1815", "alovelace"));

        assertThat(repository.findByNickname("nobody", 10)).isEmpty();
    }

    // --- lifecycle ---

    @Test
    void pingAnswersWhileTheRepositoryIsOpen() {
        assertThatCode(() -> repository.ping()).doesNotThrowAnyException();
    }

    @Test
    void afterCloseEveryCallFailsAsUnavailable() {
        StoredProfile created = repository.create(person("ada"));
        long id = created.recordId();
        repository.close();

        List<ThrowingCallable> calls = List.of(
                () -> repository.ping(),
                () -> repository.findById(id),
                () -> repository.findByUsername("ada"),
                () -> repository.findByNickname("alovelace", 10),
                () -> repository.findPicture(id),
                () -> repository.list(ProfileQuery.first(10)),
                () -> repository.create(person("grace")),
                () -> repository.replace(created.profile(), null),
                () -> repository.update(id, null, StoredProfile::profile),
                () -> repository.delete(id, null),
                () -> repository.putPicture(id, ProfilePicture.of(PNG)),
                () -> repository.deletePicture(id));
        assertThat(calls).allSatisfy(call -> assertThatThrownBy(call).isInstanceOf(StoreUnavailableException.class));
    }
}
