package io.profilekit.core.couchbase.internal.lookups;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.Profile;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.couchbase.CouchbaseProfileStore;
import io.profilekit.core.couchbase.CouchbaseSettings;
import io.profilekit.core.couchbase.MockCouchbase;
import io.profilekit.core.couchbase.internal.StoreParts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cleanups of lookup entries, as they run late behind other writers. */
class RepairsTest {

    private ProfileRepository repository;
    private StoreParts parts;

    @BeforeEach
    void open() {
        MockCouchbase.flush();
        repository = ProfileRepository.of(CouchbaseProfileStore.of(MockCouchbase.cluster(), MockCouchbase.KEYSPACE));
        parts = StoreParts.wire(null, MockCouchbase.cluster(),
                CouchbaseSettings.builder("couchbase://").keyspace(MockCouchbase.KEYSPACE).build(), null);
    }

    @AfterEach
    void close() {
        repository.close();
    }

    /** The nickname entries, in the bucket's one collection on the mock, which keeps lookups beside profiles. */
    private Nicknames nicknames() {
        return new Nicknames(parts.profiles(), parts.documents());
    }

    @Test
    void aLateRemovalOfANicknameTheProfileHasAgainKeepsItsEntry() {
        // A rename from alovelace and back: the first rename's cleanup of alovelace runs last.
        long id = repository.create(Profile.builder().userId("ada1815").nickname("alovelace").build()).recordId();

        parts.repairs().removeNickname("alovelace", id).join();

        assertThat(nicknames().entries("alovelace").join()).containsExactly(id);
    }

    @Test
    void aRemovalOfANicknameTheProfileDoesNotHaveRemovesItsEntry() {
        long id = repository.create(Profile.builder().userId("ada1815").nickname("alovelace").build()).recordId();
        parts.writes().replace(repository.findById(id).orElseThrow(),
                Profile.builder().userId("ada1815").nickname("countess").recordId(id).build()).join();
        nicknames().add("alovelace", id).join();

        parts.repairs().removeNickname("alovelace", id).join();

        assertThat(nicknames().entries("alovelace").join()).isEmpty();
    }

    @Test
    void aLateReleaseOfAUsernameTheProfileHoldsAgainKeepsItsEntry() {
        // A rename from ada1815 and back: the first rename's release of ada1815 runs last.
        long id = repository.create(Profile.builder().userId("ada1815").nickname("alovelace").build()).recordId();

        parts.repairs().releaseUsername("ada1815", id).join();

        assertThat(MockCouchbase.getRaw("lookup::user_id::ada1815")).isPresent();
        assertThat(repository.findByUsername("ada1815")).get().extracting(StoredProfile::recordId).isEqualTo(id);
    }

    @Test
    void aReleaseOfAUsernameTheProfileGaveUpRemovesItsEntry() {
        long id = repository.create(Profile.builder().userId("ada1815").nickname("alovelace").build()).recordId();
        repository.replace(Profile.builder().userId("countess").nickname("alovelace").recordId(id).build());
        MockCouchbase.putRaw("lookup::user_id::ada1815", "{\"profile\": " + id + "}");

        parts.repairs().releaseUsername("ada1815", id).join();

        assertThat(MockCouchbase.getRaw("lookup::user_id::ada1815")).isEmpty();
    }
}
