package io.profilekit.core;

import static io.profilekit.core.testkit.ProfileStoreCompatibilityKit.person;
import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.internal.Futures;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.core.testkit.ForwardingProfileStore;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The asynchronous face: it answers at once, with futures that complete when the store does. */
class AsyncProfileRepositoryTest {

    private final CompletableFuture<Optional<StoredProfile>> pendingRead = new CompletableFuture<>();
    private final ProfileRepository repository = ProfileRepository.of(
            new ForwardingProfileStore(new InMemoryProfileStore()) {
                @Override
                public CompletableFuture<Optional<StoredProfile>> findById(long recordId) {
                    return recordId == 99 ? pendingRead : super.findById(recordId);
                }
            });

    @Test
    void aReadCompletesWhenTheStoreAnswersNotBefore() {
        CompletableFuture<Optional<StoredProfile>> read = repository.async().findById(99);

        assertThat(read).isNotDone();
        pendingRead.complete(Optional.empty());
        assertThat(read).isCompletedWithValue(Optional.empty());
    }

    @Test
    void aWriteWaitsForTheReadItStartsFromWithoutBlocking() {
        CompletableFuture<StoredProfile> update = repository.async().update(99, null, StoredProfile::profile);

        assertThat(update).isNotDone();
        pendingRead.complete(Optional.empty());
        assertThat(update).isCompletedExceptionally();
        assertThat(Futures.unwrap(update.handle((value, error) -> error).join()))
                .isInstanceOf(ProfileNotFoundException.class);
    }

    @Test
    void aRuleBrokenFailsTheFutureInsteadOfThrowing() {
        CompletableFuture<StoredProfile> created = repository.async().create(Profile.builder().build());

        assertThat(created).isCompletedExceptionally();
        assertThat(created.handle((value, error) -> error).join()).isInstanceOf(InvalidProfileException.class);
    }

    @Test
    void theBlockingFaceAnswersWhatTheAsynchronousOneDoes() {
        StoredProfile created = repository.async().create(person("ada")).join();

        assertThat(repository.findByUsername("ada")).map(StoredProfile::recordId).contains(created.recordId());
        assertThat(repository.async().findByNickname("alovelace", 10).join()).extracting(StoredProfile::recordId)
                .containsExactly(created.recordId());
    }
}
