package io.profilekit.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.ProfileRepository;
import io.profilekit.core.spi.ProfileStore;
import io.profilekit.core.testkit.ProfileStoreCompatibilityKit;
import org.junit.jupiter.api.Test;

class InMemoryProfileStoreTest extends ProfileStoreCompatibilityKit {

    private InMemoryProfileStore store;

    @Override
    protected ProfileStore openEmptyStore() {
        store = new InMemoryProfileStore();
        return store;
    }

    @Test
    void sizeCountsStoredProfiles() {
        repository.create(person("ada"));
        repository.create(person("grace"));

        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void closeEmptiesTheStore() {
        repository.create(person("ada"));

        repository.close();

        assertThat(store.size()).isZero();
    }

    @Test
    void versionsStartAboveTheClockSoThatARestartDoesNotRepeatThem() {
        long before = System.currentTimeMillis() << 16;

        try (ProfileRepository restarted = ProfileRepository.of(new InMemoryProfileStore())) {
            assertThat(restarted.create(person("ada")).version().value()).isGreaterThan(before);
        }
    }

    @Test
    void everyOperationHasCompletedWhenItReturns() {
        assertThat(store.insert(person("ada"))).isDone();
        assertThat(store.findByUsername("nobody")).isCompletedWithValueMatching(found -> found.isEmpty());
    }
}
