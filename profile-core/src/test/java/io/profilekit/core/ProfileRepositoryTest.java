package io.profilekit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.profilekit.core.memory.InMemoryProfileRepository;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link ProfileRepository#update}'s retries, over a store where every replace loses a race. */
class ProfileRepositoryTest {

    private final AtomicInteger replaces = new AtomicInteger();
    private final ProfileRepository alwaysRaced = new ForwardingProfileRepository(new InMemoryProfileRepository()) {
        @Override
        public StoredProfile replace(Profile profile, Version expected) {
            replaces.incrementAndGet();
            throw PreconditionFailedException.changedSince(profile.recordId(), expected);
        }
    };

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void anUpdateWithoutVersionRetriesALostRaceUpToItsAttemptsThenSaysSo() {
        long id = alwaysRaced.create(AbstractProfileRepositoryTest.person("ada")).recordId();

        assertThatThrownBy(() -> alwaysRaced.update(id, null, stored -> stored.profile()))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessage("profile " + id + " kept changing; read it again and retry");
        assertThat(replaces).hasValue(ProfileRepository.UPDATE_ATTEMPTS);
    }

    @Test
    void anUpdateWithAVersionDoesNotRetryALostRace() {
        StoredProfile created = alwaysRaced.create(AbstractProfileRepositoryTest.person("ada"));

        assertThatThrownBy(() -> alwaysRaced.update(created.recordId(), created.version(), StoredProfile::profile))
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(replaces).hasValue(1);
    }

    @Test
    void anInterruptedRetryStopsAsUnavailableAndKeepsTheInterrupt() {
        long id = alwaysRaced.create(AbstractProfileRepositoryTest.person("ada")).recordId();
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> alwaysRaced.update(id, null, StoredProfile::profile))
                .isInstanceOf(StoreUnavailableException.class).hasMessage("interrupted while retrying an update");
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(replaces).hasValue(1);
    }
}
