package io.profilekit.core.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilekit.core.ProfileQuery;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.memory.InMemoryProfileRepository;
import java.util.ArrayList;
import java.util.List;
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
            new SampleDataLoader(repository, 1).load(3, false, progress::add);
        }

        assertThat(progress).containsExactly(1L, 2L, 3L);
    }
}
