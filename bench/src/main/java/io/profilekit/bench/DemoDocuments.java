package io.profilekit.bench;

import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredPicture;
import io.profilekit.core.StoredProfile;
import io.profilekit.core.memory.InMemoryProfileStore;
import io.profilekit.core.sample.SampleDataLoader;
import java.util.ArrayList;
import java.util.List;

/** The documents profile-server.jar's demo store holds: the same seed, the same loader, the same bytes. */
final class DemoDocuments {

    /** The seed profile-server.jar's demo store uses. */
    static final long SEED = 1;
    /** The side of the demo's avatars, in pixels. */
    static final int AVATAR_SIDE = 128;

    final List<StoredProfile> profiles = new ArrayList<>();
    final List<StoredPicture> pictures = new ArrayList<>();

    private DemoDocuments() {
    }

    static DemoDocuments generate(int count) {
        DemoDocuments documents = new DemoDocuments();
        try (ProfileRepository repository = ProfileRepository.of(new InMemoryProfileStore())) {
            new SampleDataLoader(repository, SEED).load(count, true, n -> { });
            for (long id = 1; id <= count; id++) {
                StoredProfile profile = repository.findById(id).orElseThrow();
                documents.profiles.add(profile);
                documents.pictures.add(repository.findPicture(profile.profile().picture()).orElseThrow());
            }
        }
        return documents;
    }
}
