package io.profilekit.core.couchbase.internal.lookups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.profilekit.core.Page;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileConflictException;
import io.profilekit.core.ProfilePicture;
import io.profilekit.core.ProfileQuery;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.couchbase.CouchbaseProfileStore;
import io.profilekit.core.couchbase.MockCouchbase;
import io.profilekit.core.couchbase.internal.kv.Keys;
import io.profilekit.core.testkit.ProfileStoreCompatibilityKit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lookup entries a write leaves in the bucket, read from the mock's storage: a rename, a new
 * nickname and a delete take the profile out of the entries it no longer has, and leave the
 * others; listings by username and nickname, which read those entries, page as the listing does.
 */
class LookupEntriesTest {

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

    private static boolean stored(String key) {
        return MockCouchbase.getRaw(key).isPresent();
    }

    private static String nicknameEntry(String nickname) {
        return MockCouchbase.getRaw(Keys.nickname(nickname)).orElse("");
    }

    private StoredProfile create(String username, String nickname) {
        return repository.create(Profile.builder().userId(username).nickname(nickname).build());
    }

    @Test
    void aRenameRemovesTheOldUsernamesEntry() {
        StoredProfile ada = create("ada1815", "ada");

        repository.replace(ada.profile().toBuilder().userId("ada1852").build(), null);

        assertThat(stored(Keys.username("ada1815"))).isFalse();
        assertThat(stored(Keys.username("ada1852"))).isTrue();
    }

    @Test
    void aRenameThatKeepsTheNicknameKeepsItsEntry() {
        StoredProfile ada = create("ada1815", "ada");

        repository.replace(ada.profile().toBuilder().userId("ada1852").build(), null);

        assertThat(nicknameEntry("ada")).contains(Long.toString(ada.recordId()));
    }

    @Test
    void aNewNicknameTakesTheProfileOutOfTheOldEntry() {
        StoredProfile ada = create("ada1815", "ada");

        repository.replace(ada.profile().toBuilder().nickname("countess").build(), null);

        assertThat(nicknameEntry("ada")).doesNotContain(Long.toString(ada.recordId()));
        assertThat(nicknameEntry("countess")).contains(Long.toString(ada.recordId()));
    }

    @Test
    void aRemovedNicknameTakesTheProfileOutOfItsEntry() {
        StoredProfile ada = create("ada1815", "ada");

        repository.replace(ada.profile().toBuilder().nickname(null).build(), null);

        assertThat(nicknameEntry("ada")).doesNotContain(Long.toString(ada.recordId()));
    }

    @Test
    void aDeleteRemovesTheProfileItsPictureAndItsEntries() {
        StoredProfile ada = create("ada1815", "ada");
        long picture = repository.putPicture(ada.recordId(), ProfilePicture.of(ProfileStoreCompatibilityKit.PNG))
                .recordId();

        repository.delete(ada.recordId());

        assertThat(List.of(Keys.profile(ada.recordId()), Keys.image(picture), Keys.username("ada1815")))
                .noneMatch(LookupEntriesTest::stored);
        assertThat(nicknameEntry("ada")).doesNotContain(Long.toString(ada.recordId()));
    }

    @Test
    void aDeleteLeavesAnotherProfileInTheNicknamesEntry() {
        StoredProfile ada = create("ada1815", "ada");
        StoredProfile other = create("ada1900", "ada");

        repository.delete(ada.recordId());

        assertThat(repository.findByNickname("ada", 10)).extracting(StoredProfile::recordId)
                .containsExactly(other.recordId());
    }

    @Test
    void aCreateRefusedForATakenUsernameLeavesNoNicknameEntry() {
        create("ada1815", "ada");

        assertThatThrownBy(() -> create("ada1815", "imposter")).isInstanceOf(ProfileConflictException.class);

        assertThat(nicknameEntry("imposter")).doesNotContain("\"");
        assertThat(repository.findByNickname("imposter", 10)).isEmpty();
    }

    @Test
    void aRenameRefusedForATakenUsernameKeepsTheEntriesAsTheyWere() {
        StoredProfile ada = create("ada1815", "ada");
        create("grace1906", "grace");

        assertThatThrownBy(() -> repository.replace(ada.profile().toBuilder().userId("grace1906").nickname("countess")
                .build(), null)).isInstanceOf(ProfileConflictException.class);

        assertThat(nicknameEntry("countess")).doesNotContain(Long.toString(ada.recordId()));
        assertThat(nicknameEntry("ada")).contains(Long.toString(ada.recordId()));
        assertThat(stored(Keys.username("ada1815"))).isTrue();
    }

    @Test
    void aListingByUsernameAnswersOnlyAfterTheCursor() {
        StoredProfile ada = create("ada1815", "ada");

        assertThat(repository.list(ProfileQuery.first(10).withUsername("ada1815").withAfter(ada.recordId() - 1))
                .items()).hasSize(1);
        assertThat(repository.list(ProfileQuery.first(10).withUsername("ada1815").withAfter(ada.recordId()))
                .items()).isEmpty();
    }

    @Test
    void aListingByUsernameAppliesTheOtherFilters() {
        create("ada1815", "ada");

        assertThat(repository.list(ProfileQuery.first(10).withUsername("ada1815").withNickname("grace")).items())
                .isEmpty();
        assertThat(repository.list(ProfileQuery.first(10).withUsername("ada1815").withNickname("ada")).items())
                .hasSize(1);
    }

    @Test
    void aListingByNicknamePagesAfterItsCursor() {
        for (int i = 0; i < 5; i++) {
            create("twin" + i, "twins");
        }
        List<Long> ids = repository.findByNickname("twins", 10).stream().map(StoredProfile::recordId).toList();

        Page<StoredProfile> first = repository.list(ProfileQuery.first(2).withNickname("twins"));
        Page<StoredProfile> second = repository.list(ProfileQuery.first(2).withNickname("twins")
                .withAfter(first.next().getAsLong()));
        Page<StoredProfile> last = repository.list(ProfileQuery.first(2).withNickname("twins")
                .withAfter(second.next().getAsLong()));

        assertThat(first.items()).extracting(StoredProfile::recordId).containsExactlyElementsOf(ids.subList(0, 2));
        assertThat(second.items()).extracting(StoredProfile::recordId).containsExactlyElementsOf(ids.subList(2, 4));
        assertThat(last.items()).extracting(StoredProfile::recordId).containsExactly(ids.get(4));
        assertThat(last.hasNext()).isFalse();
    }

    @Test
    void aListingByNicknameOfExactlyOnePageHasNoNext() {
        create("twin0", "twins");
        create("twin1", "twins");

        Page<StoredProfile> page = repository.list(ProfileQuery.first(2).withNickname("twins"));

        assertThat(page.items()).hasSize(2);
        assertThat(page.hasNext()).isFalse();
    }
}
