package io.profilekit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.profilekit.core.internal.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link ProfileRepository} contract, written once and run against every implementation:
 * each backend's test extends this class and says how to open an empty repository.
 */
public abstract class AbstractProfileRepositoryTest {

    /** A 1x1 PNG. */
    protected static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    /** The first bytes of a JPEG; enough for the repository, which only sniffs. */
    protected static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10};

    protected ProfileRepository repository;

    /** An empty repository for one test; closed after it. */
    protected abstract ProfileRepository openEmptyRepository() throws Exception;

    /** Whether the backend can list (the Couchbase mock, without SQL++, cannot). */
    protected boolean supportsListing() {
        return true;
    }

    @BeforeEach
    void open() throws Exception {
        repository = openEmptyRepository();
    }

    @AfterEach
    void closeRepository() {
        repository.close();
    }

    protected static Profile person(String username, String nickname) {
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

    protected static Profile person(String username) {
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

    @Test
    void createRejectsAProfileWithoutUsername() {
        Profile nameless = person("x").toBuilder().userId(null).build();

        assertThatThrownBy(() -> repository.create(nameless))
                .isInstanceOf(InvalidProfileException.class)
                .hasMessageContaining("user_id");
    }

    @Test
    void createRejectsARecordIdBelowOne() {
        assertThatThrownBy(() -> repository.create(person("ada1815").withRecordId(0L)))
                .isInstanceOf(InvalidProfileException.class)
                .hasMessageContaining("record_id");
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

    // --- replace ---

    @Test
    void replaceWithTheCurrentVersionStoresTheChangeUnderANewVersion() {
        StoredProfile created = repository.create(person("ada1815"));
        Profile changed = created.profile().toBuilder().city("Paris").build();

        StoredProfile replaced = repository.replace(changed, created.version());

        assertThat(replaced.version()).isNotEqualTo(created.version());
        StoredProfile found = repository.findById(created.recordId()).orElseThrow();
        assertThat(found.profile().city()).isEqualTo("Paris");
        assertThat(found.version()).isEqualTo(replaced.version());
    }

    @Test
    void replaceWithAStaleVersionFailsAndKeepsTheStoredProfile() {
        StoredProfile created = repository.create(person("ada1815"));
        repository.replace(created.profile().toBuilder().city("Paris").build(), created.version());

        assertThatThrownBy(() -> repository.replace(
                created.profile().toBuilder().city("Rome").build(), created.version()))
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(repository.findById(created.recordId()).orElseThrow().profile().city())
                .isEqualTo("Paris");
    }

    @Test
    void replaceWithoutVersionOverwritesAnyVersion() {
        StoredProfile created = repository.create(person("ada1815"));
        repository.replace(created.profile().toBuilder().city("Paris").build(), created.version());

        repository.replace(created.profile().toBuilder().city("Rome").build());

        assertThat(repository.findById(created.recordId()).orElseThrow().profile().city())
                .isEqualTo("Rome");
    }

    @Test
    void replaceOfAnUnknownProfileFailsAsNotFound() {
        assertThatThrownBy(() -> repository.replace(person("ada1815").withRecordId(99L)))
                .isInstanceOf(ProfileNotFoundException.class);
        assertThat(repository.findById(99)).isEmpty();
    }

    @Test
    void replaceOntoAnotherProfilesUsernameFailsAsConflict() {
        repository.create(person("ada1815"));
        StoredProfile grace = repository.create(person("grace1906"));

        assertThatThrownBy(() -> repository.replace(
                grace.profile().toBuilder().userId("ada1815").build(), grace.version()))
                .isInstanceOf(ProfileConflictException.class);
        assertThat(repository.findByUsername("grace1906")).isPresent();
    }

    @Test
    void renameFreesTheOldUsername() {
        StoredProfile ada = repository.create(person("ada1815"));

        repository.replace(ada.profile().toBuilder().userId("countess").build(), ada.version());

        assertThat(repository.findByUsername("ada1815")).isEmpty();
        assertThat(repository.findByUsername("countess")).get()
                .extracting(StoredProfile::recordId).isEqualTo(ada.recordId());
        assertThat(repository.create(person("ada1815")).recordId()).isNotEqualTo(ada.recordId());
    }

    @Test
    void changingTheNicknameMovesTheNicknameLookup() {
        StoredProfile ada = repository.create(person("ada1815", "alovelace"));

        repository.replace(ada.profile().toBuilder().nickname("countess").build(), ada.version());

        assertThat(repository.findByNickname("alovelace", 10)).isEmpty();
        assertThat(repository.findByNickname("countess", 10)).hasSize(1);
    }

    @Test
    void everyWriteGivesANewVersion() {
        StoredProfile ada = repository.create(person("ada1815"));
        Set<Version> versions = new HashSet<>();
        versions.add(ada.version());
        Version current = ada.version();
        for (int i = 0; i < 5; i++) {
            current = repository.replace(ada.profile(), current).version();
            versions.add(current);
        }

        assertThat(versions).hasSize(6);
    }

    // --- delete ---

    @Test
    void deleteRemovesTheProfileAndFreesItsUsername() {
        StoredProfile ada = repository.create(person("ada1815", "alovelace"));

        repository.delete(ada.recordId(), ada.version());

        assertThat(repository.findById(ada.recordId())).isEmpty();
        assertThat(repository.findByUsername("ada1815")).isEmpty();
        assertThat(repository.findByNickname("alovelace", 10)).isEmpty();
        assertThat(repository.create(person("ada1815")).profile().userId()).isEqualTo("ada1815");
    }

    @Test
    void deleteWithAStaleVersionFailsAndKeepsTheProfile() {
        StoredProfile ada = repository.create(person("ada1815"));
        repository.replace(ada.profile().toBuilder().city("Paris").build(), ada.version());

        assertThatThrownBy(() -> repository.delete(ada.recordId(), ada.version()))
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(repository.findById(ada.recordId())).isPresent();
    }

    @Test
    void deleteOfAnUnknownProfileFailsAsNotFound() {
        assertThatThrownBy(() -> repository.delete(12345))
                .isInstanceOf(ProfileNotFoundException.class);
    }

    @Test
    void deleteRemovesThePicture() {
        StoredProfile ada = repository.create(person("ada1815"));
        StoredPicture picture = repository.putPicture(ada.recordId(), ProfilePicture.of(PNG));

        repository.delete(ada.recordId());

        assertThat(repository.findPicture(picture.recordId())).isEmpty();
    }

    // --- pictures ---

    @Test
    void putPictureStoresTheImageAndLinksTheProfile() {
        StoredProfile ada = repository.create(person("ada1815"));

        StoredPicture stored = repository.putPicture(ada.recordId(), ProfilePicture.of(PNG));

        StoredProfile linked = repository.findById(ada.recordId()).orElseThrow();
        assertThat(linked.profile().picture()).isEqualTo(stored.recordId());
        assertThat(linked.version()).isNotEqualTo(ada.version());
        StoredPicture found = repository.findPicture(stored.recordId()).orElseThrow();
        assertThat(found.image()).isEqualTo(PNG);
        assertThat(found.mediaType()).isEqualTo("image/png");
    }

    @Test
    void putPictureOverwritesThePictureTheProfileAlreadyLinks() {
        StoredProfile ada = repository.create(person("ada1815"));
        StoredPicture first = repository.putPicture(ada.recordId(), ProfilePicture.of(PNG));

        StoredPicture second = repository.putPicture(ada.recordId(), ProfilePicture.of(JPEG));

        assertThat(second.recordId()).isEqualTo(first.recordId());
        assertThat(second.version()).isNotEqualTo(first.version());
        assertThat(repository.findPicture(first.recordId()).orElseThrow().mediaType())
                .isEqualTo("image/jpeg");
    }

    @Test
    void putPictureOfAnUnknownProfileFailsAsNotFound() {
        assertThatThrownBy(() -> repository.putPicture(4242, ProfilePicture.of(PNG)))
                .isInstanceOf(ProfileNotFoundException.class);
    }

    @Test
    void storedPictureDocumentIsTheSeedFormat() throws IOException {
        StoredProfile ada = repository.create(person("ada1815"));
        StoredPicture stored = repository.putPicture(ada.recordId(), ProfilePicture.of(PNG));

        JsonNode json = Json.MAPPER.readTree(
                repository.findPicture(stored.recordId()).orElseThrow().json());

        assertThat(json.get("record_id").asLong()).isEqualTo(stored.recordId());
        assertThat(json.get("type").asText()).isEqualTo("png");
        assertThat(Base64.getDecoder().decode(json.get("image").asText())).isEqualTo(PNG);
    }

    @Test
    void deletePictureRemovesTheImageAndTheLink() {
        StoredProfile ada = repository.create(person("ada1815"));
        StoredPicture stored = repository.putPicture(ada.recordId(), ProfilePicture.of(PNG));

        repository.deletePicture(ada.recordId());

        assertThat(repository.findPicture(stored.recordId())).isEmpty();
        assertThat(repository.findById(ada.recordId()).orElseThrow().profile().picture()).isNull();
    }

    @Test
    void deletePictureOfAProfileWithoutOneFailsAsNotFound() {
        StoredProfile ada = repository.create(person("ada1815"));

        assertThatThrownBy(() -> repository.deletePicture(ada.recordId()))
                .isInstanceOf(ProfileNotFoundException.class);
    }

    @Test
    void findPictureReturnsEmptyForAnUnknownId() {
        assertThat(repository.findPicture(55_555)).isEmpty();
    }

    // --- listing ---

    @Test
    void listReturnsPagesInRecordIdOrderLinkedByTheirCursor() {
        assumeTrue(supportsListing(), "listing needs SQL++, which this backend lacks");
        for (long id = 1; id <= 5; id++) {
            repository.create(person("user" + id).withRecordId(id * 10));
        }

        Page<StoredProfile> first = repository.list(ProfileQuery.first(2));
        Page<StoredProfile> second = repository.list(ProfileQuery.first(2).withAfter(first.next().getAsLong()));
        Page<StoredProfile> third = repository.list(ProfileQuery.first(2).withAfter(second.next().getAsLong()));

        assertThat(first.items()).extracting(StoredProfile::recordId).containsExactly(10L, 20L);
        assertThat(second.items()).extracting(StoredProfile::recordId).containsExactly(30L, 40L);
        assertThat(third.items()).extracting(StoredProfile::recordId).containsExactly(50L);
        assertThat(third.hasNext()).isFalse();
    }

    @Test
    void listOfAnExactlyFullLastPageHasNoNext() {
        assumeTrue(supportsListing(), "listing needs SQL++, which this backend lacks");
        repository.create(person("ada"));
        repository.create(person("grace"));

        Page<StoredProfile> page = repository.list(ProfileQuery.first(2));

        assertThat(page.items()).hasSize(2);
        assertThat(page.next()).isEmpty();
    }

    @Test
    void listFiltersByNicknameUsernameAndEmail() {
        assumeTrue(supportsListing(), "listing needs SQL++, which this backend lacks");
        repository.create(person("ada", "alovelace"));
        repository.create(person("ada2", "alovelace"));
        repository.create(person("grace", "ghopper"));

        assertThat(repository.list(ProfileQuery.first(10).withNickname("alovelace")).items())
                .extracting(s -> s.profile().userId()).containsExactly("ada", "ada2");
        assertThat(repository.list(ProfileQuery.first(10).withUsername("grace")).items())
                .extracting(s -> s.profile().nickname()).containsExactly("ghopper");
        assertThat(repository.list(ProfileQuery.first(10).withEmail("ada2@example.com")).items())
                .extracting(s -> s.profile().userId()).containsExactly("ada2");
        assertThat(repository.list(ProfileQuery.first(10).withNickname("alovelace").withUsername("grace"))
                .items()).isEmpty();
    }

    @Test
    void aListingWalkReturnsEveryLastingProfileOnceWhileOthersComeAndGo() {
        assumeTrue(supportsListing(), "listing needs SQL++, which this backend lacks");
        List<Long> lasting = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            lasting.add(repository.create(person("lasting" + i)).recordId());
        }
        List<Long> seen = new ArrayList<>();
        ProfileQuery query = ProfileQuery.first(7);
        Page<StoredProfile> page = repository.list(query);
        int churn = 0;
        while (true) {
            page.items().forEach(s -> seen.add(s.recordId()));
            long transientId = repository.create(person("transient" + churn++)).recordId();
            if (churn % 2 == 0) {
                repository.delete(transientId);
            }
            if (!page.hasNext()) {
                break;
            }
            page = repository.list(query.withAfter(page.next().getAsLong()));
        }

        assertThat(seen).doesNotHaveDuplicates().containsAll(lasting);
    }

    // --- concurrency ---

    @Test
    void concurrentCreatesOfOneUsernameHaveExactlyOneWinner() throws Exception {
        int threads = 16;
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            attempts.add(() -> {
                try {
                    repository.create(person("contested"));
                    return true;
                } catch (ProfileConflictException e) {
                    return false;
                }
            });
        }

        List<Boolean> outcomes = Concurrently.run(attempts);

        assertThat(outcomes).filteredOn(won -> won).hasSize(1);
        StoredProfile winner = repository.findByUsername("contested").orElseThrow();
        assertThat(repository.findById(winner.recordId())).isPresent();
    }

    @Test
    void concurrentConditionalUpdatesLoseNoUpdate() throws Exception {
        StoredProfile created = repository.create(person("counter").toBuilder()
                .attribute("count", 0).build());
        AtomicInteger successes = new AtomicInteger();
        List<Callable<Boolean>> workers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            workers.add(() -> {
                for (int i = 0; i < 100; i++) {
                    StoredProfile current = repository.findById(created.recordId()).orElseThrow();
                    int count = ((Number) current.profile().attributes().get("count")).intValue();
                    try {
                        repository.replace(current.profile().toBuilder()
                                .attribute("count", count + 1).build(), current.version());
                        successes.incrementAndGet();
                    } catch (PreconditionFailedException lostRace) {
                        // another writer got there first: this update was refused, not lost
                    }
                }
                return true;
            });
        }

        Concurrently.run(workers);

        Object finalCount = repository.findById(created.recordId()).orElseThrow()
                .profile().attributes().get("count");
        assertThat(successes.get()).isPositive();
        assertThat(((Number) finalCount).intValue()).isEqualTo(successes.get());
    }

    @Test
    void concurrentUpdatesWithoutVersionLoseNoChange() throws Exception {
        StoredProfile created = repository.create(person("tally").toBuilder().attribute("count", 0).build());
        List<Callable<Boolean>> workers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            workers.add(() -> {
                for (int i = 0; i < 10; i++) {
                    repository.update(created.recordId(), null, current -> current.profile().toBuilder()
                            .attribute("count", ((Number) current.profile().attributes().get("count")).intValue() + 1)
                            .build());
                }
                return true;
            });
        }

        Concurrently.run(workers);

        assertThat(repository.findById(created.recordId()).orElseThrow().profile().attributes())
                .containsEntry("count", 40);
    }

    // --- read-modify-write ---

    @Test
    void updateAppliesTheChangeToTheStoredProfile() {
        StoredProfile created = repository.create(person("ada"));

        StoredProfile updated = repository.update(created.recordId(), null,
                current -> current.profile().toBuilder().city("Paris").build());

        assertThat(updated.version()).isNotEqualTo(created.version());
        assertThat(repository.findById(created.recordId()).orElseThrow().profile().city()).isEqualTo("Paris");
    }

    @Test
    void updateWithAStaleVersionFailsAndKeepsTheStoredProfile() {
        StoredProfile created = repository.create(person("ada"));
        StoredProfile changed = repository.replace(created.profile().toBuilder().city("Paris").build());

        assertThatThrownBy(() -> repository.update(created.recordId(), created.version(),
                current -> current.profile().toBuilder().city("Rome").build()))
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(repository.findById(created.recordId()).orElseThrow().version()).isEqualTo(changed.version());
    }

    @Test
    void updateRefusesToChangeTheRecordId() {
        StoredProfile created = repository.create(person("ada"));

        assertThatThrownBy(() -> repository.update(created.recordId(), null,
                current -> current.profile().withRecordId(created.recordId() + 1)))
                .isInstanceOf(InvalidProfileException.class).hasMessageContaining("record_id");
        assertThat(repository.findById(created.recordId() + 1)).isEmpty();
    }

    @Test
    void updateRefusesToLinkAnotherPicture() {
        StoredProfile created = repository.create(person("ada"));

        assertThatThrownBy(() -> repository.update(created.recordId(), null,
                current -> current.profile().withPicture(99L)))
                .isInstanceOf(InvalidProfileException.class).hasMessageContaining("picture");
        assertThat(repository.findById(created.recordId()).orElseThrow().profile().picture()).isNull();
    }

    @Test
    void updateOfAnUnknownProfileFailsAsNotFound() {
        assertThatThrownBy(() -> repository.update(4242, null, StoredProfile::profile))
                .isInstanceOf(ProfileNotFoundException.class);
    }

    @Test
    void replaceChecksTheRulesAndKeepsTheStoredProfile() {
        StoredProfile created = repository.create(person("ada"));

        assertThatThrownBy(() -> repository.replace(created.profile().toBuilder().email("not an address").build()))
                .isInstanceOf(InvalidProfileException.class).hasMessageContaining("email");
        assertThat(repository.findById(created.recordId()).orElseThrow().version()).isEqualTo(created.version());
    }

    // --- lifecycle ---

    @Test
    void pingAnswersWhileTheRepositoryIsOpen() {
        assertThatCode(() -> repository.ping()).doesNotThrowAnyException();
    }

    @Test
    void afterCloseEveryCallFailsAsUnavailable() {
        StoredProfile created = repository.create(person("ada"));
        repository.close();

        assertThatThrownBy(() -> repository.ping()).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> repository.findById(created.recordId())).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> repository.create(person("grace"))).isInstanceOf(StoreUnavailableException.class);
    }
}
