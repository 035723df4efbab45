package io.profilekit.core;

import static io.profilekit.core.testkit.ProfileStoreCompatibilityKit.PNG;
import static io.profilekit.core.testkit.ProfileStoreCompatibilityKit.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.profilekit.core.internal.RetryPolicy;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.core.spi.LostRaceException;
import io.profilekit.core.testkit.ForwardingProfileStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The rules and retries the repository applies for every store, over stores that lose every race. */
class ProfileRepositoryTest {

    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicInteger inserts = new AtomicInteger();

    /** A store where every conditional write loses to another writer, as {@code race} says. */
    private ProfileRepository losing(LostRaceException race) {
        return ProfileRepository.of(new ForwardingProfileStore(new InMemoryProfileStore()) {
            @Override
            public CompletableFuture<StoredProfile> insert(Profile profile) {
                inserts.incrementAndGet();
                return super.insert(profile);
            }

            @Override
            public CompletableFuture<StoredProfile> replace(StoredProfile current, Profile replacement) {
                writes.incrementAndGet();
                return CompletableFuture.failedFuture(race);
            }

            @Override
            public CompletableFuture<Void> delete(StoredProfile current) {
                writes.incrementAndGet();
                return CompletableFuture.failedFuture(race);
            }

            @Override
            public CompletableFuture<StoredPicture> putPicture(StoredProfile current, ProfilePicture picture) {
                writes.incrementAndGet();
                throw race;
            }
        });
    }

    @Test
    void anUpdateWithoutVersionRetriesALostRaceUpToItsAttemptsThenSaysContended() {
        ProfileRepository repository = losing(LostRaceException.versionChanged(1));
        long id = repository.create(person("ada")).recordId();

        assertThatThrownBy(() -> repository.update(id, null, StoredProfile::profile))
                .isInstanceOf(ProfileContendedException.class)
                .hasMessage("profile " + id + " is changing too often; try again")
                .satisfies(error -> assertThat(((ProfileException) error).reason())
                        .isEqualTo(ProfileException.Reason.CONTENDED));
        assertThat(writes).hasValue(RetryPolicy.ATTEMPTS);
    }

    @Test
    void aReplaceAndADeleteThatLoseTheSameRaceFailTheSameWay() {
        ProfileRepository repository = losing(LostRaceException.versionChanged(1));
        StoredProfile ada = repository.create(person("ada"));

        Throwable replaced = catchFailure(() -> repository.replace(ada.profile()));
        Throwable deleted = catchFailure(() -> repository.delete(ada.recordId()));
        Throwable pictured = catchFailure(() -> repository.putPicture(ada.recordId(), ProfilePicture.of(PNG)));

        assertThat(replaced).isInstanceOf(ProfileContendedException.class);
        assertThat(deleted).isInstanceOf(ProfileContendedException.class).hasMessage(replaced.getMessage());
        assertThat(pictured).isInstanceOf(ProfileContendedException.class).hasMessage(replaced.getMessage());
    }

    @Test
    void aWriteWithAVersionFailsAtItsFirstLostRace() {
        ProfileRepository repository = losing(LostRaceException.versionChanged(1));
        StoredProfile created = repository.create(person("ada"));

        assertThatThrownBy(() -> repository.update(created.recordId(), created.version(), StoredProfile::profile))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessage("profile " + created.recordId() + " has changed since version " + created.version());
        assertThatThrownBy(() -> repository.delete(created.recordId(), created.version()))
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(writes).hasValue(2);
    }

    @Test
    void aWriteWithAVersionRetriesWhenOnlyAnEntryItNeedsWasContended() {
        ProfileRepository repository = losing(LostRaceException.contended("the username's entry"));
        StoredProfile created = repository.create(person("ada"));

        assertThatThrownBy(() -> repository.update(created.recordId(), created.version(), StoredProfile::profile))
                .isInstanceOf(ProfileContendedException.class);
        assertThat(writes).hasValue(RetryPolicy.ATTEMPTS);
    }

    @Test
    void aStoreNeverSeesAProfileThatBreaksTheRules() {
        ProfileRepository repository = losing(LostRaceException.versionChanged(1));

        assertThatThrownBy(() -> repository.create(Profile.builder().name("no username").build()))
                .isInstanceOf(InvalidProfileException.class);
        assertThatThrownBy(() -> repository.replace(person("ada")))
                .isInstanceOf(InvalidProfileException.class).hasMessage("record_id is required to replace a profile");
        assertThat(inserts).hasValue(0);
        assertThat(writes).hasValue(0);
    }

    @Test
    void aWriteToAProfileThatIsNotThereFailsBeforeTheStoreWrites() {
        ProfileRepository repository = losing(LostRaceException.versionChanged(1));

        assertThatThrownBy(() -> repository.delete(4242)).isInstanceOf(ProfileNotFoundException.class);
        assertThatThrownBy(() -> repository.deletePicture(4242)).isInstanceOf(ProfileNotFoundException.class);
        assertThat(writes).hasValue(0);
    }

    @Test
    void aSecretNameIsCheckedBeforeTheStoreIsAsked() {
        ProfileRepository repository = losing(LostRaceException.versionChanged(1));

        assertThatThrownBy(() -> repository.sharedSecret("Not OK")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a secret's name is 1 to 64 lower-case letters, digits and dashes");
    }

    private static Throwable catchFailure(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("the call did not fail");
    }
}
