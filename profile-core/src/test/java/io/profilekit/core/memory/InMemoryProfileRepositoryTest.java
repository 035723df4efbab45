package io.profilekit.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.profilekit.core.AbstractProfileRepositoryTest;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoreUnavailableException;
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
    void aClosedRepositoryRefusesCallsAsUnavailable() {
        repository.create(person("ada"));

        repository.close();

        assertThatThrownBy(() -> repository.findByUsername("ada"))
                .isInstanceOf(StoreUnavailableException.class);
    }
}
