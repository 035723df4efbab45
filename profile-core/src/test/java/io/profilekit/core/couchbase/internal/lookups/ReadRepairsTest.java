package io.profilekit.core.couchbase.internal.lookups;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.Profile;
import io.profilekit.core.ProfileJson;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.couchbase.CouchbaseProfileStore;
import io.profilekit.core.couchbase.MockCouchbase;
import io.profilekit.core.couchbase.internal.kv.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a reader repairs when it finds an entry the profile does not bear out (a profile another
 * tool changed, a writer that stopped half-way): the reader answers as the profile says, and the
 * entry is put right behind it, in the background.
 */
class ReadRepairsTest {

    /** How long a background repair may take on a busy build machine before the test gives up. */
    private static final Duration PATIENCE = Duration.ofSeconds(20);

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

    /** The profile's document rewritten as another tool would, leaving the lookup entries as they are. */
    private static void rewrite(StoredProfile stored, Profile changed) {
        MockCouchbase.putRaw(Keys.profile(stored.recordId()), new String(ProfileJson.toJson(changed),
                StandardCharsets.UTF_8));
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Test
    void aUsernameEntryTheProfileNoLongerBearsOutIsRemovedAfterTheRead() throws Exception {
        StoredProfile ada = repository.create(Profile.builder().userId("ada1815").build());
        rewrite(ada, ada.profile().toBuilder().userId("ada1852").build());

        assertThat(repository.findByUsername("ada1815")).isEmpty();

        assertThat(eventually(() -> MockCouchbase.getRaw(Keys.username("ada1815")).isEmpty())).isTrue();
    }

    @Test
    void aNicknameEntryTheProfileNoLongerBearsOutLosesItAfterTheRead() throws Exception {
        StoredProfile ada = repository.create(Profile.builder().userId("ada1815").nickname("ada").build());
        rewrite(ada, ada.profile().toBuilder().nickname("countess").build());

        assertThat(repository.findByNickname("ada", 10)).isEmpty();

        assertThat(eventually(() -> !MockCouchbase.getRaw(Keys.nickname("ada")).orElse("")
                .contains(Long.toString(ada.recordId())))).isTrue();
    }

    @Test
    void aPendingUsernameEntryTheProfileBearsOutIsConfirmedAfterTheRead() throws Exception {
        StoredProfile ada = repository.create(Profile.builder().userId("ada1815").build());
        MockCouchbase.putRaw(Keys.username("ada1815"), "{\"profile\":" + ada.recordId() + ",\"pending\":true}");

        assertThat(repository.findByUsername("ada1815")).isPresent();

        assertThat(eventually(() -> !MockCouchbase.getRaw(Keys.username("ada1815")).orElse("\"pending\"")
                .contains("\"pending\""))).isTrue();
    }
}
