package io.profilekit.core.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.profilekit.core.Profile;
import io.profilekit.core.ProfileConflictException;
import io.profilekit.core.ProfileQuery;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.core.testkit.ForwardingProfileStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SampleDataLoaderTest {

    @Test
    void loadsEveryProfileWithItsPictureLinked() {
        try (ProfileRepository repository = ProfileRepository.of(new InMemoryProfileStore())) {
            new SampleDataLoader(repository, 1).load(20, true, n -> { });

            List<StoredProfile> all = repository.list(ProfileQuery.first(100)).items();
            assertThat(all).hasSize(20);
            assertThat(all).extracting(StoredProfile::recordId)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 20).boxed().toList());
            assertThat(all).allSatisfy(stored -> {
                Long picture = stored.profile().picture();
                assertThat(picture).isEqualTo(stored.recordId());
                assertThat(repository.findPicture(picture)).get()
                        .extracting(p -> p.mediaType()).isEqualTo("image/jpeg");
            });
        }
    }

    @Test
    void loadsWithoutPicturesWhenAskedTo() {
        try (ProfileRepository repository = ProfileRepository.of(new InMemoryProfileStore())) {
            new SampleDataLoader(repository, 1).load(5, false, n -> { });

            assertThat(repository.list(ProfileQuery.first(100)).items()).hasSize(5);
            assertThat(repository.findById(1).orElseThrow().profile().picture()).isNull();
            assertThat(repository.findPicture(1)).isEmpty();
        }
    }

    @Test
    void takesAnotherUsernameWhenTheGeneratedOneIsTaken() {
        SampleProfileGenerator generator = new SampleProfileGenerator(1);
        String generated = generator.profile(0).userId();
        try (ProfileRepository repository = ProfileRepository.of(new InMemoryProfileStore())) {
            repository.create(generator.profile(0).withRecordId(500L));

            new SampleDataLoader(repository, 1).load(1, false, n -> { });

            StoredProfile loaded = repository.findById(501).orElseThrow();
            assertThat(loaded.profile().userId()).isNotEqualTo(generated)
                    .startsWith(generated.substring(0, generated.length() - 4));
        }
    }

    @Test
    void reportsProgressAfterEveryProfile() {
        List<Long> progress = new ArrayList<>();
        try (ProfileRepository repository = ProfileRepository.of(new InMemoryProfileStore())) {
            assertThat(new SampleDataLoader(repository, 1).load(3, false, progress::add)).isEqualTo(3);
        }

        assertThat(progress).containsExactly(1L, 2L, 3L);
    }

    @Test
    void loadsTheSamePeopleWithManyWritesInFlight() {
        List<String> sequential;
        List<String> parallel;
        try (ProfileRepository repository = ProfileRepository.of(new InMemoryProfileStore())) {
            new SampleDataLoader(repository, 7).load(300, false, n -> { });
            sequential = emails(repository);
        }
        try (ProfileRepository repository = ProfileRepository.of(new InMemoryProfileStore())) {
            new SampleDataLoader(repository, 7).load(300, false, 16, n -> { });
            parallel = emails(repository);
        }

        assertThat(parallel).hasSize(300).containsExactlyInAnyOrderElementsOf(sequential);
    }

    @Test
    void reportsProgressOncePerProfileWithManyWritesInFlight() {
        List<Long> progress = new ArrayList<>();
        try (ProfileRepository repository = ProfileRepository.of(new InMemoryProfileStore())) {
            new SampleDataLoader(repository, 1).load(100, false, 8, progress::add);
        }

        assertThat(progress).hasSize(100).isSorted().endsWith(100L);
    }

    @Test
    void theFirstFailedWriteEndsTheLoadAndIsRaised() {
        StoreUnavailableException down = new StoreUnavailableException("down");
        AtomicInteger creates = new AtomicInteger();
        try (ProfileRepository failing = ProfileRepository.of(new ForwardingProfileStore(new InMemoryProfileStore()) {
                @Override
                public CompletableFuture<StoredProfile> insert(Profile profile) {
                    if (creates.incrementAndGet() > 50) {
                        return CompletableFuture.failedFuture(down);
                    }
                    return super.insert(profile);
                }
            })) {

            assertThatThrownBy(() -> new SampleDataLoader(failing, 1).load(1000, false, 8, n -> { })).isSameAs(down);
            assertThat(creates.get()).isLessThan(1000);
        }
    }

    private static List<String> emails(ProfileRepository repository) {
        return repository.list(ProfileQuery.first(1000)).items().stream()
                .map(stored -> stored.profile().email()).toList();
    }

    @Test
    void givesUpOnAProfileAfterSixtyFourUsernamesAreTaken() {
        AtomicInteger creates = new AtomicInteger();
        ProfileRepository everyNameTaken = ProfileRepository.of(new ForwardingProfileStore(new InMemoryProfileStore()) {
            @Override
            public CompletableFuture<StoredProfile> insert(Profile profile) {
                creates.incrementAndGet();
                return CompletableFuture.failedFuture(ProfileConflictException.usernameTaken(profile.userId()));
            }
        });

        assertThatThrownBy(() -> new SampleDataLoader(everyNameTaken, 1).load(1, false, n -> { }))
                .isInstanceOf(ProfileConflictException.class);
        assertThat(creates).hasValue(64);
    }
}
