package io.profilekit.core;

import static io.profilekit.core.testkit.ProfileStoreCompatibilityKit.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.core.testkit.ForwardingProfileStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The walk over a store that scans its record ids (as Couchbase 7.6 does), which the memory store never takes. */
class ProfileWalkTest {

    private final InMemoryProfileStore memory = new InMemoryProfileStore();
    private final AtomicInteger listings = new AtomicInteger();

    /** The memory store, answering scans with every record id above the floor, as a scanning store does. */
    private ProfileRepository scanning() {
        return ProfileRepository.of(new ForwardingProfileStore(memory) {
            @Override
            public CompletableFuture<Optional<long[]>> scanRecordIds(long after) {
                long[] ids = LongStream.rangeClosed(after + 1, 3L * ProfileWalk.PAGE)
                        .filter(id -> memory.findById(id).join().isPresent()).toArray();
                return CompletableFuture.completedFuture(Optional.of(ids));
            }

            @Override
            public CompletableFuture<Page<StoredProfile>> list(ProfileQuery query) {
                listings.incrementAndGet();
                return super.list(query);
            }
        });
    }

    private static List<Long> everyId(ProfileWalk walk) {
        List<Long> seen = new ArrayList<>();
        for (List<StoredProfile> page = walk.next(); !page.isEmpty(); page = walk.next()) {
            page.forEach(stored -> seen.add(stored.recordId()));
        }
        return seen;
    }

    @Test
    void aScanningStoreIsWalkedByItsRecordIdsWithoutItsListing() {
        ProfileRepository repository = scanning();
        for (long id = 1; id <= 250; id++) {
            repository.create(person("walker" + id).withRecordId(id));
        }

        List<Long> seen = everyId(repository.walk(40));

        assertThat(seen).containsExactlyElementsOf(LongStream.rangeClosed(41, 250).boxed().toList());
        assertThat(listings).hasValue(0);
    }

    @Test
    void aProfileDeletedAfterTheScanIsLeftOutAndAPageOfThemAllIsPassedOver() {
        ProfileRepository repository = scanning();
        for (long id = 1; id <= 2 * ProfileWalk.PAGE + 1; id++) {
            repository.create(person("walker" + id).withRecordId(id));
        }
        ProfileWalk walk = repository.walk(0);
        for (long id = 1; id <= ProfileWalk.PAGE + 1; id++) {
            repository.delete(id);
        }

        List<StoredProfile> first = walk.next();

        assertThat(first).extracting(StoredProfile::recordId)
                .containsExactlyElementsOf(LongStream.rangeClosed(ProfileWalk.PAGE + 2, 2 * ProfileWalk.PAGE).boxed().toList());
        assertThat(walk.next()).extracting(StoredProfile::recordId).containsExactly(2L * ProfileWalk.PAGE + 1);
        assertThat(walk.next()).isEmpty();
    }

    @Test
    void aScanThatFailsFailsTheWalkWithTheStoresException() {
        ProfileRepository repository = ProfileRepository.of(new ForwardingProfileStore(memory) {
            @Override
            public CompletableFuture<Optional<long[]>> scanRecordIds(long after) {
                return CompletableFuture.failedFuture(new StoreUnavailableException("the store is down"));
            }
        });

        assertThatThrownBy(() -> repository.walk(0))
                .isInstanceOf(StoreUnavailableException.class).hasMessage("the store is down");
    }

    @Test
    void aStoreThatDoesNotScanIsWalkedByItsListing() {
        ProfileRepository repository = ProfileRepository.of(memory);
        repository.create(person("ada"));
        repository.create(person("grace"));

        assertThat(everyId(repository.walk(0))).containsExactly(1L, 2L);
    }
}
