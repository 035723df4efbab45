package io.profilekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.core.spi.ProfileStore;
import io.profilekit.core.testkit.ProfileStoreCompatibilityKit;
import org.junit.jupiter.api.Test;

/** The whole compatibility kit against the example store, and what the example adds. */
class TimedProfileStoreTest extends ProfileStoreCompatibilityKit {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Override
    protected ProfileStore openEmptyStore() {
        return new TimedProfileStore(new InMemoryProfileStore(), registry);
    }

    @Test
    void timesEachCallByNameAndOutcome() {
        long id = repository.create(person("ada1815", "ada")).recordId();
        repository.findById(id);
        repository.findById(id + 1);

        assertThat(registry.get("profilekit.store.calls").tags("call", "findById", "outcome", "success").timer().count())
                .isGreaterThanOrEqualTo(2);
        assertThat(registry.get("profilekit.store.calls").tags("call", "insert", "outcome", "success").timer().count())
                .isEqualTo(1);
    }
}
