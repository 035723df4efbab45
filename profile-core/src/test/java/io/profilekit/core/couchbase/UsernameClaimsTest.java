package io.profilekit.core.couchbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileConflictException;
import io.profilekit.core.ProfileContendedException;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.internal.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The username claims that keep usernames unique on Couchbase, against entries as other writers
 * leave them: pending, stale, unsettled, adopted.
 */
class UsernameClaimsTest {

    private ProfileRepository repository;

    @BeforeEach
    void open() {
        MockCouchbase.flush();
        repository = ProfileRepository.of(CouchbaseProfileStore.of(MockCouchbase.cluster(), MockCouchbase.KEYSPACE));
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
    void anUnsettledCreatesClaimIsAdoptedByTheNextCreateOfItsUsernameUnderItsRecordId() {
        MockCouchbase.putRaw("lookup::user_id::ada1815", "{\"profile\": 999, \"pending\": true, \"assigned\": true}");

        StoredProfile created = repository.create(person("ada1815", "alovelace"));

        assertThat(created.recordId()).isEqualTo(999);
        assertThat(json(MockCouchbase.getRaw("lookup::user_id::ada1815").orElseThrow()))
                .isEqualTo(json("{\"profile\": 999}"));
        assertThat(repository.findByUsername("ada1815")).get().extracting(StoredProfile::recordId).isEqualTo(999L);
    }

    @Test
    void aCreateMeetingAPendingClaimItMayNotAdoptWaitsWithTheClaimsLifetime() {
        MockCouchbase.putRaw("lookup::user_id::ada1815", "{\"profile\": 999, \"pending\": true}");

        assertThatThrownBy(() -> repository.create(person("ada1815", "alovelace")))
                .isInstanceOfSatisfying(ProfileContendedException.class, contended -> assertThat(
                        contended.retryAfter()).isEqualTo(Duration.ofSeconds(15)))
                .hasMessageContaining("username 'ada1815' is claimed by a write that has not settled yet");
        assertThat(MockCouchbase.getRaw("user_data:999")).isEmpty();
    }

    @Test
    void aCreateWithItsOwnRecordIdDoesNotAdoptAnotherCreatesClaim() {
        MockCouchbase.putRaw("lookup::user_id::ada1815", "{\"profile\": 999, \"pending\": true, \"assigned\": true}");

        assertThatThrownBy(() -> repository.create(person("ada1815", "alovelace").withRecordId(41L)))
                .isInstanceOf(ProfileContendedException.class);
        assertThat(MockCouchbase.getRaw("user_data:41")).isEmpty();
        assertThat(MockCouchbase.getRaw("user_data:999")).isEmpty();
    }

    @Test
    void aCreateDoesNotAdoptTheClaimOfARenameInFlight() {
        MockCouchbase.putRaw("user_data:5", "{\"record_id\": 5, \"user_id\": \"grace1906\"}");
        MockCouchbase.putRaw("lookup::user_id::ada1815", "{\"profile\": 5, \"pending\": true, \"assigned\": true}");

        assertThatThrownBy(() -> repository.create(person("ada1815", "alovelace")))
                .isInstanceOf(ProfileContendedException.class);
        assertThat(json(MockCouchbase.getRaw("user_data:5").orElseThrow()).get("user_id").asText())
                .isEqualTo("grace1906");
    }

    @Test
    void concurrentCreatesAdoptingOneClaimLeaveTheUsernameOneProfile() throws Exception {
        MockCouchbase.putRaw("lookup::user_id::contested", "{\"profile\": 999, \"pending\": true, \"assigned\": true}");

        List<Long> winners = createConcurrently("contested", 8);

        assertThat(winners).containsExactly(999L);
        assertThat(json(MockCouchbase.getRaw("lookup::user_id::contested").orElseThrow()))
                .isEqualTo(json("{\"profile\": 999}"));
    }

    @Test
    void aPermanentEntryWhoseProfileIsGoneIsTakenOver() {
        MockCouchbase.putRaw("lookup::user_id::ada1815", "{\"profile\": 999}");

        long id = repository.create(person("ada1815", "alovelace")).recordId();

        assertThat(repository.findByUsername("ada1815")).get().extracting(StoredProfile::recordId).isEqualTo(id);
    }

    @Test
    void anEntryOfAProfileThatHasTheUsernameHoldsItWhateverItsAge() {
        MockCouchbase.putRaw("user_data:5", "{\"record_id\": 5, \"user_id\": \"ada1815\"}");
        MockCouchbase.putRaw("lookup::user_id::ada1815", "{\"profile\": 5, \"claimed_at\": 0}");

        assertThatThrownBy(() -> repository.create(person("ada1815", "alovelace")))
                .isInstanceOf(ProfileConflictException.class)
                .hasMessage("username 'ada1815' is taken");
    }

    @Test
    void aCreateRetriedAfterItsInsertLandedUnconfirmedIsTakenAndConfirmsTheFirst() throws Exception {
        MockCouchbase.putRaw("user_data:7", "{\"record_id\": 7, \"user_id\": \"ada1815\"}");
        MockCouchbase.putRaw("lookup::user_id::ada1815", "{\"profile\": 7, \"pending\": true}");

        assertThatThrownBy(() -> repository.create(person("ada1815", "alovelace")))
                .isInstanceOf(ProfileConflictException.class);

        assertThat(json(MockCouchbase.getRaw("lookup::user_id::ada1815").orElseThrow()).has("pending")).isFalse();
        assertThat(repository.findByUsername("ada1815")).get().extracting(StoredProfile::recordId).isEqualTo(7L);
    }

    @Test
    void anExplicitRecordIdRetriedAfterItsInsertLandedKeepsItsClaim() throws Exception {
        MockCouchbase.putRaw("user_data:41", "{\"record_id\": 41, \"user_id\": \"ada1815\"}");
        MockCouchbase.putRaw("lookup::user_id::ada1815", "{\"profile\": 41, \"pending\": true}");

        assertThatThrownBy(() -> repository.create(person("ada1815", "alovelace").withRecordId(41L)))
                .isInstanceOf(ProfileConflictException.class);

        assertThat(json(MockCouchbase.getRaw("lookup::user_id::ada1815").orElseThrow()).get("profile").asLong())
                .isEqualTo(41);
        assertThat(repository.findByUsername("ada1815")).isPresent();
    }

    @Test
    void aCreateThatCertainlyFailedWithdrawsItsClaimAndNickname() {
        MockCouchbase.putRaw("user_data:41", "{\"record_id\": 41, \"user_id\": \"grace1906\"}");

        assertThatThrownBy(() -> repository.create(person("ada1815", "alovelace").withRecordId(41L)))
                .isInstanceOf(ProfileConflictException.class);

        assertThat(MockCouchbase.getRaw("lookup::user_id::ada1815")).isEmpty();
        assertThat(MockCouchbase.getRaw("lookup::nickname::alovelace")).isEmpty();
    }

    @Test
    void aReadIgnoresAUsernameEntryItsProfileDoesNotHoldAndARepairRemovesIt() {
        MockCouchbase.putRaw("user_data:5", "{\"record_id\": 5, \"user_id\": \"grace1906\"}");
        MockCouchbase.putRaw("lookup::user_id::ada1815", "{\"profile\": 5}");

        assertThat(repository.findByUsername("ada1815")).isEmpty();
        eventually(() -> assertThat(MockCouchbase.getRaw("lookup::user_id::ada1815")).isEmpty());
    }

    @Test
    void aReadIgnoresButKeepsAPendingClaimWithoutItsProfile() {
        MockCouchbase.putRaw("lookup::user_id::ada1815", "{\"profile\": 5, \"pending\": true}");

        assertThat(repository.findByUsername("ada1815")).isEmpty();
        assertThat(MockCouchbase.getRaw("lookup::user_id::ada1815")).isPresent();
    }

    @Test
    void aReadFindsAProfileWhosePendingClaimItHoldsAndARepairConfirmsIt() {
        MockCouchbase.putRaw("user_data:5", "{\"record_id\": 5, \"user_id\": \"ada1815\"}");
        MockCouchbase.putRaw("lookup::user_id::ada1815", "{\"profile\": 5, \"pending\": true}");

        assertThat(repository.findByUsername("ada1815")).get().extracting(StoredProfile::recordId).isEqualTo(5L);
        eventually(() -> assertThat(MockCouchbase.getRaw("lookup::user_id::ada1815")).hasValue("{\"profile\":5}"));
    }

    @Test
    void aReadSucceedsWhileTheRepairOfWhatItFoundStaleFails() {
        MockCouchbase.putRaw("user_data:5", "{\"record_id\": 5, \"user_id\": \"grace1906\"}");
        MockCouchbase.putRaw("lookup::user_id::ada1815", "{\"profile\": 5}");
        long live = repository.create(person("ada1", "alovelace")).recordId();
        MockCouchbase.putRaw("lookup::nickname::alovelace", "{\"profiles\": {\"" + live + "\": 1, \"91\": 1}}");

        assertThat(repository.findByUsername("ada1815")).isEmpty();
        assertThat(repository.findByNickname("alovelace", 10)).extracting(StoredProfile::recordId).containsExactly(live);
    }

    @Test
    void nicknameReadsSkipStaleEntriesAndARepairRemovesThem() {
        long live = repository.create(person("ada1", "alovelace")).recordId();
        MockCouchbase.putRaw("user_data:90", "{\"record_id\": 90, \"user_id\": \"x\", \"nickname\": \"other\"}");
        MockCouchbase.putRaw("lookup::nickname::alovelace", "{\"profiles\": {\"" + live + "\": 1, \"90\": 1, \"91\": 1}}");

        assertThat(repository.findByNickname("alovelace", 10)).extracting(StoredProfile::recordId).containsExactly(live);
        eventually(() -> assertThat(json(MockCouchbase.getRaw("lookup::nickname::alovelace").orElseThrow())
                .get("profiles").fieldNames()).toIterable().containsExactly(Long.toString(live)));
    }

    @Test
    void concurrentCreatesOfOneUsernameLeaveOnlyTheWinnersLookups() throws Exception {
        List<Long> winners = createConcurrently("contested", 16);

        assertThat(winners).hasSize(1);
        assertThat(json(MockCouchbase.getRaw("lookup::user_id::contested").orElseThrow()).get("profile").asLong())
                .isEqualTo(winners.get(0));
        assertThat(json(MockCouchbase.getRaw("lookup::nickname::contested").orElseThrow()).get("profiles").fieldNames())
                .toIterable().containsExactly(Long.toString(winners.get(0)));
    }

    /** Retries an assertion on what a background repair changes, for up to ten seconds. */
    private static void eventually(Runnable assertion) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw notYet;
                }
            }
        }
    }

    /** The record ids of the creates of {@code username} that won, of {@code count} made at once; the rest must lose with 409. */
    private List<Long> createConcurrently(String username, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> attempts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            attempts.add(pool.submit(() -> {
                start.await();
                try {
                    return repository.create(person(username, username)).recordId();
                } catch (ProfileConflictException lost) {
                    return -1L;
                }
            }));
        }
        start.countDown();
        List<Long> winners = new ArrayList<>();
        for (Future<Long> attempt : attempts) {
            long id = attempt.get(60, TimeUnit.SECONDS);
            if (id > 0) {
                winners.add(id);
            }
        }
        pool.shutdown();
        return winners;
    }
}
