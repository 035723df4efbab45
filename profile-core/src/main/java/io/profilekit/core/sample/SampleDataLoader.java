package io.profilekit.core.sample;

import io.profilekit.core.Profile;
import io.profilekit.core.ProfileConflictException;
import io.profilekit.core.ProfileRepository;
import io.profilekit.core.StoredProfile;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * Writes generated people into a repository through its public API, as any client would:
 * each profile is created (the repository assigns its record id), then its avatar is stored
 * as its picture. A username that is already taken is replaced by another free one.
 */
public final class SampleDataLoader {

    private static final int MAX_USERNAME_ATTEMPTS = 64;

    private final ProfileRepository repository;
    private final SampleProfileGenerator generator;

    public SampleDataLoader(ProfileRepository repository, SampleProfileGenerator generator) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.generator = Objects.requireNonNull(generator, "generator");
    }

    /**
     * Creates the people at indexes {@code 0 .. count-1}.
     *
     * @param withPictures whether to store an avatar for each profile
     * @param progress told the number of profiles written so far, after each one
     * @return the number of profiles created
     */
    public long load(long count, boolean withPictures, LongConsumer progress) {
        for (long index = 0; index < count; index++) {
            if (withPictures) {
                SampleProfile sample = generator.generate(index);
                StoredProfile stored = createWithFreeUsername(sample.profile());
                repository.putPicture(stored.recordId(), sample.picture());
            } else {
                createWithFreeUsername(generator.profile(index));
            }
            progress.accept(index + 1);
        }
        return count;
    }

    private StoredProfile createWithFreeUsername(Profile profile) {
        Profile candidate = profile;
        for (int attempt = 1; ; attempt++) {
            try {
                return repository.create(candidate);
            } catch (ProfileConflictException e) {
                if (attempt >= MAX_USERNAME_ATTEMPTS) {
                    throw e;
                }
                candidate = profile.toBuilder()
                        .userId(generator.alternativeUsername(profile, attempt))
                        .build();
            }
        }
    }
}
