package io.profilekit.core.testkit;

import static io.profilekit.core.testkit.ProfileStoreCompatibilityKit.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.profilekit.core.Page;
import io.profilekit.core.ProfileQuery;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.ProfileWalk;
import io.profilekit.core.StoreConfigurationException;
import io.profilekit.core.StoredProfile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Part of the {@link ProfileRepository} contract that {@link ProfileStoreCompatibilityKit} runs
 * on every backend: listing pages in record-id order, filters and cursors, while others write.
 */
public interface ListingContract extends ProfileRepositoryContract {

    /** Whether the backend can list (the Couchbase mock, without SQL++, cannot). */
    boolean supportsListing();

    /**
     * Whether the backend can walk every profile ({@link ProfileRepository#walk}): by its
     * listing, or by scanning its record ids ({@link io.profilekit.core.spi.ProfileStore#scanRecordIds}).
     */
    default boolean supportsWalking() {
        return supportsListing();
    }

    @Test
    default void listReturnsPagesInRecordIdOrderLinkedByTheirCursor() {
        assumeTrue(supportsListing(), "listing needs SQL++, which this backend lacks");
        for (long id = 1; id <= 5; id++) {
            repository().create(person("user" + id).withRecordId(id * 10));
        }

        Page<StoredProfile> first = repository().list(ProfileQuery.first(2));
        Page<StoredProfile> second = repository().list(ProfileQuery.first(2).withAfter(first.next().getAsLong()));
        Page<StoredProfile> third = repository().list(ProfileQuery.first(2).withAfter(second.next().getAsLong()));

        assertThat(first.items()).extracting(StoredProfile::recordId).containsExactly(10L, 20L);
        assertThat(second.items()).extracting(StoredProfile::recordId).containsExactly(30L, 40L);
        assertThat(third.items()).extracting(StoredProfile::recordId).containsExactly(50L);
        assertThat(third.hasNext()).isFalse();
    }

    @Test
    default void listOfAnExactlyFullLastPageHasNoNext() {
        assumeTrue(supportsListing(), "listing needs SQL++, which this backend lacks");
        repository().create(person("ada"));
        repository().create(person("grace"));

        Page<StoredProfile> page = repository().list(ProfileQuery.first(2));

        assertThat(page.items()).hasSize(2);
        assertThat(page.next()).isEmpty();
    }

    @Test
    default void aFilteredListingStartsAfterItsCursor() {
        assumeTrue(supportsListing(), "listing needs SQL++, which this backend lacks");
        long ada = repository().create(person("ada", "alovelace").withRecordId(10L)).recordId();
        repository().create(person("ada2", "alovelace").withRecordId(20L));

        assertThat(repository().list(ProfileQuery.first(10).withUsername("ada").withAfter(ada - 1)).items())
                .extracting(StoredProfile::recordId).containsExactly(ada);
        assertThat(repository().list(ProfileQuery.first(10).withUsername("ada").withAfter(ada)).items()).isEmpty();
        assertThat(repository().list(ProfileQuery.first(10).withNickname("alovelace").withAfter(ada)).items())
                .extracting(StoredProfile::recordId).containsExactly(20L);
    }

    @Test
    default void listFiltersByNicknameUsernameAndEmail() {
        assumeTrue(supportsListing(), "listing needs SQL++, which this backend lacks");
        repository().create(person("ada", "alovelace"));
        repository().create(person("ada2", "alovelace"));
        repository().create(person("grace", "ghopper"));

        assertThat(repository().list(ProfileQuery.first(10).withNickname("alovelace")).items())
                .extracting(s -> s.profile().userId()).containsExactly("ada", "ada2");
        assertThat(repository().list(ProfileQuery.first(10).withUsername("grace")).items())
                .extracting(s -> s.profile().nickname()).containsExactly("ghopper");
        assertThat(repository().list(ProfileQuery.first(10).withEmail("ada2@example.com")).items())
                .extracting(s -> s.profile().userId()).containsExactly("ada2");
        assertThat(repository().list(ProfileQuery.first(10).withNickname("alovelace").withUsername("grace"))
                .items()).isEmpty();
    }

    @Test
    default void aListingWalkReturnsEveryLastingProfileOnceWhileOthersComeAndGo() {
        assumeTrue(supportsListing(), "listing needs SQL++, which this backend lacks");
        List<Long> lasting = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            lasting.add(repository().create(person("lasting" + i)).recordId());
        }
        List<Long> seen = new ArrayList<>();
        ProfileQuery query = ProfileQuery.first(7);
        Page<StoredProfile> page = repository().list(query);
        int churn = 0;
        while (true) {
            page.items().forEach(s -> seen.add(s.recordId()));
            long transientId = repository().create(person("transient" + churn++)).recordId();
            if (churn % 2 == 0) {
                repository().delete(transientId);
            }
            if (!page.hasNext()) {
                break;
            }
            page = repository().list(query.withAfter(page.next().getAsLong()));
        }

        assertThat(seen).doesNotHaveDuplicates().containsAll(lasting);
    }

    @Test
    default void aWalkReadsEveryProfileAboveItsStartOnceInRecordIdOrderAPageAtATime() {
        assumeTrue(supportsWalking(), "walking needs a listing or a record id scan, which this backend lacks");
        List<Long> created = new ArrayList<>();
        for (long i = 1; i <= ProfileWalk.PAGE + 5; i++) {
            created.add(repository().create(person("walker" + i).withRecordId(i * 3)).recordId());
        }

        ProfileWalk walk = repository().walk(created.get(1));
        List<StoredProfile> first = walk.next();
        List<Long> seen = new ArrayList<>();
        first.forEach(stored -> seen.add(stored.recordId()));
        for (List<StoredProfile> page = walk.next(); !page.isEmpty(); page = walk.next()) {
            page.forEach(stored -> seen.add(stored.recordId()));
        }

        assertThat(first).hasSize(ProfileWalk.PAGE);
        assertThat(seen).isEqualTo(created.subList(2, created.size()));
        assertThat(walk.next()).isEmpty();
    }

    @Test
    default void aWalkOnABackendThatCanNeitherListNorScanFailsSayingWhatItLacks() {
        assumeFalse(supportsWalking(), "this backend walks");
        repository().create(person("ada"));

        ProfileWalk walk = repository().walk(0);

        assertThatThrownBy(walk::next).isInstanceOf(StoreConfigurationException.class);
    }
}
