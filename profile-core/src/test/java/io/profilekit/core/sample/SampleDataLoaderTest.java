package io.profilekit.core.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.profilekit.core.ForwardingProfileRepository;
import io.profilekit.core.Profile;
import io.profilekit.core.ProfileConflictException;
import io.profilekit.core.ProfileQuery;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoreUnavailableException;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.memory.InMemoryProfileRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SampleDataLoaderTest {

    @Test
    void loadsEveryProfileWithItsPictureLinked() {
        try (InMemoryProfileRepository repository = new InMemoryProfileRepository()) {
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
        try (InMemoryProfileRepository repository = new InMemoryProfileRepository()) {
            new SampleDataLoader(repository, 1).load(5, false, n -> { });

            assertThat(repository.size()).isEqualTo(5);
            assertThat(repository.findById(1).orElseThrow().profile().picture()).isNull();
            assertThat(repository.findPicture(1)).isEmpty();
        }
    }

    @Test
    void takesAnotherUsernameWhenTheGeneratedOneIsTaken() {
        SampleProfileGenerator generator = new SampleProfileGenerator(1);
        String generated = generator.profile(0).userId();
        try (InMemoryProfileRepository repository = new InMemoryProfileRepository()) {
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
        try (InMemoryProfileRepository repository = new InMemoryProfileRepository()) {
            assertThat(new SampleDataLoader(repository, 1).load(3, false, progress::add)).isEqualTo(3);
        }

        assertThat(progress).containsExactly(1L, 2L, 3L);
    }

    @Test
    void loadsTheSamePeopleWithManyWritesInFlight() {
        List<String> sequential;
        List<String> parallel;
        try (InMemoryProfileRepository repository = new InMemoryProfileRepository()) {
            new SampleDataLoader(repository, 7).load(300, false, n -> { });
            sequential = emails(repository);
        }
        try (InMemoryProfileRepository repository = new InMemoryProfileRepository()) {
            new SampleDataLoader(repository, 7).load(300, false, 16, n -> { });
            parallel = emails(repository);
        }

        assertThat(parallel).hasSize(300).containsExactlyInAnyOrderElementsOf(sequential);
    }

    @Test
    void reportsProgressOncePerProfileWithManyWritesInFlight() {
        List<Long> progress = new ArrayList<>();
        try (InMemoryProfileRepository repository = new InMemoryProfileRepository()) {
            new SampleDataLoader(repository, 1).load(100, false, 8, progress::add);
        }

        assertThat(progress).hasSize(100).isSorted().endsWith(100L);
    }

    @Test
    void theFirstFailedWriteEndsTheLoadAndIsRaised() {
        StoreUnavailableException down = new StoreUnavailableException("down");
        AtomicInteger creates = new AtomicInteger();
        try (InMemoryProfileRepository memory = new InMemoryProfileRepository()) {
            ProfileRepository failing = new ForwardingProfileRepository(memory) {
                @Override
                public StoredProfile create(Profile profile) {
                    if (creates.incrementAndGet() > 50) {
                        throw down;
                    }
                    return super.create(profile);
                }
            };

            assertThatThrownBy(() -> new SampleDataLoader(failing, 1).load(1000, false, 8, n -> { })).isSameAs(down);
            assertThat(creates.get()).isLessThan(1000);
        }
    }

    private static List<String> emails(InMemoryProfileRepository repository) {
        return repository.list(ProfileQuery.first(1000)).items().stream()
                .map(stored -> stored.profile().email()).toList();
    }

    @Test
    void givesUpOnAProfileAfterSixtyFourUsernamesAreTaken() {
        AtomicInteger creates = new AtomicInteger();
        ProfileRepository everyNameTaken = new ForwardingProfileRepository(new InMemoryProfileRepository()) {
            @Override
            public StoredProfile create(Profile profile) {
                creates.incrementAndGet();
                throw ProfileConflictException.usernameTaken(profile.userId());
            }
        };

        assertThatThrownBy(() -> new SampleDataLoader(everyNameTaken, 1).load(1, false, n -> { }))
                .isInstanceOf(ProfileConflictException.class);
        assertThat(creates).hasValue(64);
    }
}
