package io.profilekit.core.testkit;

import static io.profilekit.core.testkit.ProfileStoreCompatibilityKit.person;
import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.PreconditionFailedException;
import io.profilekit.core.ProfileConflictException;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Part of the {@link ProfileRepository} contract that {@link ProfileStoreCompatibilityKit} runs
 * on every backend: writes racing each other: one winner per username, no lost update.
 */
public interface ConcurrencyContract extends ProfileRepositoryContract {

    @Test
    default void concurrentCreatesOfOneUsernameHaveExactlyOneWinner() throws Exception {
        int threads = 16;
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            attempts.add(() -> {
                try {
                    repository().create(person("contested"));
                    return true;
                } catch (ProfileConflictException e) {
                    return false;
                }
            });
        }

        List<Boolean> outcomes = Concurrently.run(attempts);

        assertThat(outcomes).filteredOn(won -> won).hasSize(1);
        StoredProfile winner = repository().findByUsername("contested").orElseThrow();
        assertThat(repository().findById(winner.recordId())).isPresent();
    }

    @Test
    default void concurrentConditionalUpdatesLoseNoUpdate() throws Exception {
        StoredProfile created = repository().create(person("counter").toBuilder()
                .attribute("count", 0).build());
        AtomicInteger successes = new AtomicInteger();
        List<Callable<Boolean>> workers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            workers.add(() -> {
                for (int i = 0; i < 100; i++) {
                    StoredProfile current = repository().findById(created.recordId()).orElseThrow();
                    int count = ((Number) current.profile().attributes().get("count")).intValue();
                    try {
                        repository().replace(current.profile().toBuilder()
                                .attribute("count", count + 1).build(), current.version());
                        successes.incrementAndGet();
                    } catch (PreconditionFailedException lostRace) {
                        // another writer got there first: this update was refused, not lost
                    }
                }
                return true;
            });
        }

        Concurrently.run(workers);

        Object finalCount = repository().findById(created.recordId()).orElseThrow()
                .profile().attributes().get("count");
        assertThat(successes.get()).isPositive();
        assertThat(((Number) finalCount).intValue()).isEqualTo(successes.get());
    }

    @Test
    default void concurrentUpdatesWithoutVersionLoseNoChange() throws Exception {
        StoredProfile created = repository().create(person("tally").toBuilder().attribute("count", 0).build());
        List<Callable<Boolean>> workers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            workers.add(() -> {
                for (int i = 0; i < 10; i++) {
                    repository().update(created.recordId(), null, current -> current.profile().toBuilder()
                            .attribute("count", ((Number) current.profile().attributes().get("count")).intValue() + 1)
                            .build());
                }
                return true;
            });
        }

        Concurrently.run(workers);

        assertThat(repository().findById(created.recordId()).orElseThrow().profile().attributes())
                .containsEntry("count", 40);
    }
}
