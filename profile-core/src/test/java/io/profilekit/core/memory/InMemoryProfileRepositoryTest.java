package io.profilekit.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.AbstractProfileRepositoryTest;
import io.profilekit.core.ProfileRepository;
import org.junit.jupiter.api.Test;

class InMemoryProfileRepositoryTest extends AbstractProfileRepositoryTest {

    @Override
    protected ProfileRepository openEmptyRepository() {
        return new InMemoryProfileRepository();
    }

    @Test
    void sizeCountsStoredProfiles() {
        InMemoryProfileRepository memory = (InMemoryProfileRepository) repository;
        memory.create(person("ada"));
        memory.create(person("grace"));

        assertThat(memory.size()).isEqualTo(2);
    }

    @Test
    void closeEmptiesTheRepository() {
        InMemoryProfileRepository memory = (InMemoryProfileRepository) repository;
        memory.create(person("ada"));

        memory.close();

        assertThat(memory.size()).isZero();
    }

    @Test
    void versionsStartAboveTheClockSoThatARestartDoesNotRepeatThem() {
        long before = System.currentTimeMillis() << 16;

        try (InMemoryProfileRepository restarted = new InMemoryProfileRepository()) {
            assertThat(restarted.create(person("ada")).version().value()).isGreaterThan(before);
        }
    }
}
