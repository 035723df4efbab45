package io.profilekit.core.testkit;

import static io.profilekit.core.testkit.ProfileStoreCompatibilityKit.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.profilekit.core.IdempotencyKey;
import io.profilekit.core.IdempotencyKeyReusedException;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileConflictException;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.spi.ProfileStore;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Part of the {@link ProfileRepository} contract that {@link ProfileStoreCompatibilityKit} runs
 * on every backend: creates under an idempotency key, retried as a client retries them.
 */
public interface IdempotencyContract extends ProfileRepositoryContract {

    Duration DAY = Duration.ofDays(1);

    /** The store under the repository. */
    ProfileStore store();

    private static IdempotencyKey key(String value) {
        return new IdempotencyKey("service", value, DAY);
    }

    @Test
    default void aRetryWithTheSameKeyAndProfileAnswersWhatTheFirstCreateAnswered() {
        StoredProfile first = repository().create(person("ada1815"), key("k-1"));

        StoredProfile again = repository().create(person("ada1815"), key("k-1"));

        assertThat(again.recordId()).isEqualTo(first.recordId());
        assertThat(again.version()).isEqualTo(first.version());
        assertThat(again.profile()).isEqualTo(first.profile());
    }

    @Test
    default void aRetryWithTheSameKeyStoresNoSecondProfile() {
        StoredProfile first = repository().create(person("ada1815"), key("k-1"));
        repository().create(person("ada1815"), key("k-1"));
        StoredProfile next = repository().create(person("grace1906"));

        assertThat(repository().findByUsername("ada1815").orElseThrow().recordId()).isEqualTo(first.recordId());
        assertThat(next.recordId()).isGreaterThan(first.recordId());
        for (long id = first.recordId() + 1; id < next.recordId(); id++) {
            assertThat(repository().findById(id)).as("record %d", id).isEmpty();
        }
    }

    @Test
    default void aRetryAnswersTheFirstCreateEvenAfterTheProfileChanged() {
        StoredProfile first = repository().create(person("ada1815"), key("k-1"));
        repository().replace(first.profile().toBuilder().city("Paris").build());

        StoredProfile again = repository().create(person("ada1815"), key("k-1"));

        assertThat(again.version()).isEqualTo(first.version());
        assertThat(again.profile().city()).isEqualTo("London");
    }

    @Test
    default void theSameKeyWithAnotherProfileIsRefusedAndWritesNothing() {
        repository().create(person("ada1815"), key("k-1"));

        assertThatThrownBy(() -> repository().create(person("grace1906"), key("k-1")))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(repository().findByUsername("grace1906")).isEmpty();
    }

    @Test
    default void theSameKeyOfAnotherScopeIsAnotherKey() {
        StoredProfile services = repository().create(person("ada1815"), key("k-1"));

        StoredProfile persons = repository().create(person("grace1906"),
                new IdempotencyKey("person:grace1906", "k-1", DAY));

        assertThat(persons.recordId()).isNotEqualTo(services.recordId());
    }

    @Test
    default void aKeyedCreateOfATakenUsernameIsAConflict() {
        repository().create(person("ada1815"));

        assertThatThrownBy(() -> repository().create(person("ada1815"), key("k-1")))
                .isInstanceOf(ProfileConflictException.class);
    }

    @Test
    default void aKeyedCreateKeepsTheRecordIdItIsGiven() {
        StoredProfile stored = repository().create(person("ada1815").withRecordId(77L), key("k-1"));

        assertThat(stored.recordId()).isEqualTo(77);
        assertThat(repository().create(person("ada1815").withRecordId(77L), key("k-1")).recordId()).isEqualTo(77);
    }

    @Test
    default void aRetryAfterAFirstAttemptThatLandedButWasNotAnsweredFindsItsProfile() {
        AtomicBoolean loseTheAnswer = new AtomicBoolean(true);
        ProfileRepository lossy = ProfileRepository.of(new ForwardingProfileStore(store()) {
            @Override
            public CompletableFuture<StoredProfile> insert(Profile profile) {
                return super.insert(profile).thenApply(stored -> {
                    if (loseTheAnswer.getAndSet(false)) {
                        throw new StoreUnavailableException("the answer was lost on its way");
                    }
                    return stored;
                });
            }
        });
        assertThatThrownBy(() -> lossy.create(person("ada1815"), key("k-1")))
                .isInstanceOf(StoreUnavailableException.class);

        StoredProfile retried = lossy.create(person("ada1815"), key("k-1"));

        assertThat(repository().findByUsername("ada1815")).hasValueSatisfying(
                found -> assertThat(found.recordId()).isEqualTo(retried.recordId()));
    }

    @Test
    default void reservedRecordIdsAreNeverAssignedToAnotherCreate() {
        long reserved = store().reserveRecordId().join();

        StoredProfile next = repository().create(person("ada1815"));

        assertThat(next.recordId()).isNotEqualTo(reserved);
        assertThat(store().reserveRecordId().join()).isNotIn(reserved, next.recordId());
    }
}
